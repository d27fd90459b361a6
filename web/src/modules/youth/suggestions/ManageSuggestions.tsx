import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_NEXT, SuggestionStatusBody } from '../../../../../contracts/youth-questions.ts';
import { changeSuggestionStatus, type Suggestion, useSuggestions } from '../../../api/youth-questions.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
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
  const next = SUGGESTION_NEXT[s.status];
  const form = useZodForm(SuggestionStatusBody, { defaultValues: { status: next[0], reply: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: SuggestionStatusBody) => changeSuggestionStatus(s.id, body),
    onSuccess: async () => {
      form.resetField('reply');
      await queryClient.invalidateQueries({ queryKey: ['youth', 'suggestions'] });
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} success={t('youthQa.statusChanged')} />
      <SelectField
        label={t('youthQa.newStatus', { title: s.title })}
        error={errors.status?.message}
        {...form.register('status')}
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
        maxLength={2000}
        error={errors.reply?.message}
        {...form.register('reply')}
      />
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('youthQa.changeStatus')}
        </Button>
      </div>
    </form>
  );
}
