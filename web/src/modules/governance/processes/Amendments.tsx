import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AmendmentBody } from '../../../../../contracts/governance-proposals.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { decideAmendment, type Proposal, proposeAmendment } from './api.ts';

// Amendments: others send new text; the author accepts (the text is replaced) or rejects each one.
export function Amendments({ proposal, signedIn }: { proposal: Proposal; signedIn: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accepted' | 'rejected' }) =>
      decideAmendment(id, decision),
    onSuccess: (updated, { decision }) => {
      queryClient.setQueryData(['governance', 'proposal', proposal.id], updated);
      toast.show(t(decision === 'accepted' ? 'process.amendAccepted' : 'process.amendRejected'));
    },
  });
  return (
    <section aria-labelledby="proposal-amendments" className="section">
      <h2 id="proposal-amendments">{t('process.amendTitle')}</h2>
      <p>{t('process.amendLead')}</p>
      {proposal.amendments.length === 0 ? (
        <p>{t('process.amendNone')}</p>
      ) : (
        <ul className="card-list">
          {proposal.amendments.map((a) => (
            <li key={a.id} className="card">
              <p className="proposal-meta">
                {t('process.amendBy', { author: a.author, day: formatDate(a.createdAt) })}{' '}
                <span className="badge">{t(`process.amendStatus.${a.status}`)}</span>
              </p>
              <div className="proposal-body">{a.body}</div>
              {proposal.mine.author && a.status === 'pending' && (
                <p className="amend-actions">
                  <Button
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: a.id, decision: 'accepted' })}
                  >
                    {t('process.amendAccept')}
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: a.id, decision: 'rejected' })}
                  >
                    {t('process.amendReject')}
                  </Button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {decide.isError && <MutationAlert mutation={decide} />}
      {signedIn && proposal.open && !proposal.mine.author && <AmendmentForm proposal={proposal} />}
    </section>
  );
}

function AmendmentForm({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(AmendmentBody, { defaultValues: { body: proposal.body } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: AmendmentBody) => proposeAmendment(proposal.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['governance', 'proposal', proposal.id], updated);
      toast.show(t('process.amendSent'));
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form amend-form">
      <TextArea
        label={t('process.amendBody')}
        error={errorOf(form.formState.errors, 'body')}
        rows={6}
        maxLength={6000}
        required
        {...form.register('body')}
      />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" variant="secondary" disabled={mutation.isPending}>
        {t('process.amendSubmit')}
      </Button>
    </form>
  );
}
