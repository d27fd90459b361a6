import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DebateBody } from '../../../../../contracts/governance-debates.ts';
import { hasRole, useMe } from '../../../api/session.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { useProcess } from '../processes/api.ts';
import { createDebate, debateKey } from './api.ts';
import './messages.ts';
import './debates.css';

// /governance/staff/processes/:id/debates/new — staff open a debate in a process.
export default function NewDebate() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const process = useProcess(id);
  const crumbs = [
    { to: '/governance', label: t('debate.governance') },
    { to: '/governance/processes', label: t('debate.processes') },
    { to: `/governance/processes/${id}`, label: process.data?.title ?? t('debate.processes') },
  ];
  return (
    <Page title={t('debate.newTitle')} lead={t('debate.newLead')} crumbs={crumbs}>
      {me.isPending ? null : hasRole(me.data, 'staff', 'admin') ? (
        <DebateForm processId={id} />
      ) : (
        <Alert kind="info">{t('debate.staffOnly')}</Alert>
      )}
    </Page>
  );
}

function DebateForm({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(DebateBody, { defaultValues: { title: '', question: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: DebateBody) => createDebate(processId, body),
    onSuccess: (made) => {
      queryClient.setQueryData(debateKey(made.id), made);
      void queryClient.invalidateQueries({ queryKey: ['governance', 'debates', processId] });
      toast.show(t('debate.created'));
      void navigate(`/governance/debates/${made.id}`);
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form debate-form">
      <TextField
        label={t('debate.fTitle')}
        error={errorOf(errors, 'title')}
        maxLength={200}
        required
        {...form.register('title')}
      />
      <TextArea
        label={t('debate.fQuestion')}
        hint={t('debate.fQuestionHint')}
        error={errorOf(errors, 'question')}
        rows={6}
        maxLength={4000}
        required
        {...form.register('question')}
      />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t('debate.fSubmit')}
      </Button>
    </form>
  );
}
