import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyQuestions } from '../../../api/youth-questions.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { QuestionItem } from './QuestionItem.tsx';

// My questions on policies, newest first, with the answers.
export default function MyQuestionsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('youthQa.myTitle')}>{() => <MyQuestions />}</RequireSignIn>;
}

function MyQuestions() {
  const { t } = useTranslation();
  const questions = useMyQuestions();
  return (
    <Page
      title={t('youthQa.myTitle')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youthQa.myLead')}
    >
      <QueryState query={questions}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.myNone')}</p>
          ) : (
            <ul className="qa-list">
              {data.items.map((q) => (
                <QuestionItem key={q.id} q={q} heading="h2">
                  <p>
                    <Link to={`/youth/policies/${q.policyId}#youth-questions`}>{q.policyTitle}</Link>
                  </p>
                </QuestionItem>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
