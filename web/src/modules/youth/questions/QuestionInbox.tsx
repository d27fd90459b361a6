import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InboxItem, useQuestionInbox } from '../../../api/youth-questions.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { QuestionItem } from './QuestionItem.tsx';

// Staff: unanswered questions, oldest first, flagged after three working days, each with an answer form.
export default function QuestionInboxPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('youthQa.inboxTitle')} roles={['staff', 'admin']}>
      {() => <Inbox />}
    </RequireSignIn>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const inbox = useQuestionInbox();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page
      title={t('youthQa.inboxTitle')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youthQa.inboxLead')}
    >
      {done && <Alert kind="success">{done}</Alert>}
      <QueryState query={inbox}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.inboxEmpty')}</p>
          ) : (
            <ul className="qa-list">
              {data.items.map((q) => (
                <QuestionItem key={q.id} q={q} heading="h2">
                  <Waiting q={q} />
                  <AnswerForm q={q} onDone={setDone} />
                </QuestionItem>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

function Waiting({ q }: { q: InboxItem }) {
  const { t } = useTranslation();
  return (
    <p className="qa-meta">
      <Link to={`/youth/policies/${q.policyId}`}>{q.policyTitle}</Link>
      <span className={q.overdue ? 'qa-overdue' : undefined}>
        {q.overdue ? `⚠ ${t('youthQa.overdue')} · ` : ''}
        {t('youthQa.waitingDays', { count: q.workingDaysWaiting })}
      </span>
    </p>
  );
}
