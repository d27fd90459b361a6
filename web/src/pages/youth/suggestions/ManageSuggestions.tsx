import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_NEXT } from '../../../../../contracts/youth-questions.ts';
import {
  changeSuggestionStatus,
  type Suggestion,
  type SuggestionStatus,
  useSuggestions,
} from '../../../api/youth-questions.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useAction } from '../../me/useAction.ts';
import { RequireSignIn } from '../../RequireSignIn.tsx';
import { SuggestionItem } from './SuggestionItem.tsx';

// Staff: move each open suggestion on (received → reviewing → accepted / declined / done) with a public reply.
export default function ManageSuggestionsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('youthQa.manageTitle')} roles={['staff', 'admin']}>
      {() => <Manage />}
    </RequireSignIn>
  );
}

function Manage() {
  const { t } = useTranslation();
  const list = useSuggestions('');
  return (
    <Page
      title={t('youthQa.manageTitle')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/suggestions', label: t('youthQa.suggestionsTitle') },
      ]}
      lead={t('youthQa.manageLead')}
    >
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.suggestionsNone')}</p>
          ) : (
            <ul className="qa-list">
              {data.items.map((s) => (
                <SuggestionItem key={s.id} s={s}>
                  {SUGGESTION_NEXT[s.status].length > 0 && <StatusForm s={s} />}
                </SuggestionItem>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

function StatusForm({ s }: { s: Suggestion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useAction();
  const next = SUGGESTION_NEXT[s.status];
  const [status, setStatus] = useState<SuggestionStatus>(next[0]);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = reply.trim() ? undefined : t('youthQa.replyRequired');
    setError(missing);
    if (missing) return;
    action.run(async () => {
      await changeSuggestionStatus(s.id, { status, reply });
      setReply('');
      await queryClient.invalidateQueries({ queryKey: ['youth', 'suggestions'] });
      return t('youthQa.statusChanged');
    });
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <SelectField
        label={t('youthQa.newStatus', { title: s.title })}
        value={status}
        onChange={(e) => setStatus(e.target.value as SuggestionStatus)}
      >
        {next.map((n) => (
          <option key={n} value={n}>
            {t(`youthQa.status.${n}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        className="qa-textarea"
        label={t('youthQa.replyLabel', { title: s.title })}
        required
        value={reply}
        maxLength={2000}
        onChange={(e) => setReply(e.target.value)}
        error={error ?? action.fieldErrors.reply}
      />
      <div className="button-row">
        <Button type="submit" disabled={action.busy}>
          {t('youthQa.changeStatus')}
        </Button>
      </div>
    </form>
  );
}
