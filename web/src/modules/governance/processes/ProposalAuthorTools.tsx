import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposalBody } from '../../../../../contracts/governance-proposals.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { useConfirm } from '../../../ui/ConfirmDialog.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { editProposal, type Proposal, withdrawProposal } from './api.ts';
import { ProposalFields } from './ProposalFields.tsx';
import './authoring-messages.ts';

// The author's own changes to a proposal (issue 11): a withdrawn proposal's notice for everyone, and
// for its author the edit form (while the server says it may be edited) and the withdrawal (철회).
// The photo is replaced with the proposal's photo controls (ProposalImage.tsx).

/** "작성자가 철회한 제안입니다" on a withdrawn proposal; "edited on" on an edited one. */
export function WithdrawnNotice({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  if (proposal.withdrawnAt)
    return (
      <Alert kind="warning" title={t('proposalAuthor.withdrawn')}>
        {t('proposalAuthor.withdrawnOn', { day: formatDate(proposal.withdrawnAt) })}
      </Alert>
    );
  if (proposal.editedAt)
    return (
      <p className="proposal-meta">{t('proposalAuthor.edited', { day: formatDate(proposal.editedAt) })}</p>
    );
  return null;
}

/** For the author only: edit while allowed, withdraw until staff decide. */
export function AuthorTools({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['governance'] });
  const withdraw = useMutation({
    mutationFn: () => withdrawProposal(proposal.id),
    onSuccess: () => toast.show(t('proposalAuthor.withdrawnToast')),
    onSettled: refresh,
  });
  if (!proposal.mine.author || proposal.withdrawnAt) return null;
  if (!proposal.mine.canEdit && !proposal.mine.canWithdraw) return null;
  const askWithdraw = async () => {
    const yes = await confirm({
      title: t('proposalAuthor.withdrawTitle'),
      message: t('proposalAuthor.withdrawMessage'),
      confirmLabel: t('proposalAuthor.withdraw'),
      danger: true,
    });
    if (yes) withdraw.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('proposalAuthor.title')}</h2>
      {dialog}
      <p>{t(proposal.mine.canEdit ? 'proposalAuthor.editRule' : 'proposalAuthor.editClosed')}</p>
      <MutationAlert mutation={withdraw} />
      {editing && proposal.mine.canEdit ? (
        <EditForm proposal={proposal} onDone={() => setEditing(false)} />
      ) : (
        <div className="button-row">
          {proposal.mine.canEdit && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('proposalAuthor.edit')}
            </Button>
          )}
          {proposal.mine.canWithdraw && (
            <Button variant="danger" disabled={withdraw.isPending} onClick={() => void askWithdraw()}>
              {t('proposalAuthor.withdraw')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function EditForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(ProposalBody, {
    defaultValues: {
      title: proposal.title,
      body: proposal.body,
      category: proposal.category,
      place: proposal.place,
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ProposalBody) => editProposal(proposal.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['governance', 'proposal', proposal.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      toast.show(t('proposalAuthor.saved'));
      onDone();
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form proposal-form">
      <TextField
        label={t('process.fTitle')}
        error={errorOf(errors, 'title')}
        maxLength={150}
        required
        {...form.register('title')}
      />
      <ProposalFields form={form} />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('proposalAuthor.save')}
        </Button>
        <Button variant="secondary" type="button" onClick={onDone}>
          {t('proposalAuthor.cancel')}
        </Button>
      </div>
    </form>
  );
}
