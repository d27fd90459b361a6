import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CloseDebateBody } from '../../../../../contracts/governance-debates.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { closeDebate, type Debate, debateKey } from './api.ts';

// Staff close a debate with the conclusion residents read afterwards.
export function CloseForm({ debate }: { debate: Debate }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(CloseDebateBody, { defaultValues: { conclusion: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: CloseDebateBody) => closeDebate(debate.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(debateKey(debate.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['governance', 'debates', debate.processId] });
      toast.show(t('debate.closed'));
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form debate-form">
      <h3>{t('debate.closeTitle')}</h3>
      <p>{t('debate.closeLead')}</p>
      <TextArea
        label={t('debate.fConclusion')}
        error={errorOf(form.formState.errors, 'conclusion')}
        rows={4}
        maxLength={4000}
        required
        {...form.register('conclusion')}
      />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t('debate.closeSubmit')}
      </Button>
    </form>
  );
}
