import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ANSWER_STATUSES, AnswerBody } from '../../../../../contracts/governance-proposals.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { answerProposal, type Proposal } from './api.ts';

// Staff's official answer: accepted / rejected / under review, with the reason, cost and period.
export function AnswerForm({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(AnswerBody, {
    defaultValues: {
      status: proposal.answer?.status ?? 'under_review',
      reason: proposal.answer?.reason ?? '',
      cost: proposal.answer?.cost ?? null,
      period: proposal.answer?.period ?? '',
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: AnswerBody) => answerProposal(proposal.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['governance', 'proposal', proposal.id], updated);
      toast.show(t('process.answered'));
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form staff-answer">
      <h3>{t('process.staffAnswerTitle')}</h3>
      <SelectField label={t('process.aStatus')} required {...form.register('status')}>
        {ANSWER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`process.answerStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('process.aReason')}
        error={errorOf(errors, 'reason')}
        rows={4}
        required
        {...form.register('reason')}
      />
      <TextField
        label={t('process.aCost')}
        inputMode="numeric"
        error={errorOf(errors, 'cost')}
        {...form.register('cost', {
          setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)),
        })}
      />
      <TextField
        label={t('process.aPeriod')}
        error={errorOf(errors, 'period')}
        maxLength={100}
        {...form.register('period')}
      />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t('process.aSubmit')}
      </Button>
    </form>
  );
}
