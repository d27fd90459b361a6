import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PROPOSAL_CATEGORIES, ProposalBody } from '../../../../../contracts/governance-proposals.ts';
import { useMe } from '../../../api/session.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { createProposal, useProcess, useSimilar } from './api.ts';
import './messages.ts';
import './processes.css';

/** The typed title, settled for a moment, so the similar-title search runs once per pause. */
function useSettled(value: string, ms = 350): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// /governance/processes/:id/propose — a new proposal; similar titles in the same process show while
// typing, so a resident can support an existing one instead.
export default function NewProposal() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const process = useProcess(id);
  const crumbs = [
    { to: '/governance', label: t('process.governance') },
    { to: '/governance/processes', label: t('process.title') },
    { to: `/governance/processes/${id}`, label: process.data?.title ?? t('process.title') },
  ];
  return (
    <Page title={t('process.newTitle')} lead={t('process.newLead')} crumbs={crumbs}>
      {me.isPending ? null : !me.data ? (
        <Alert kind="info">
          {t('process.signIn')}{' '}
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('process.login')}</Link>
        </Alert>
      ) : process.data && !process.data.open.proposals ? (
        <Alert kind="info">{t('process.proposeClosed')}</Alert>
      ) : (
        <ProposalForm processId={id} />
      )}
    </Page>
  );
}

function ProposalForm({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const form = useZodForm(ProposalBody, {
    defaultValues: { title: '', body: '', category: 'other', place: '' },
  });
  const title = useSettled(form.watch('title') ?? '');
  const similar = useSimilar(processId, title);
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ProposalBody) => createProposal(processId, body),
    onSuccess: (made) => {
      toast.show(t('process.created'));
      void navigate(`/governance/proposals/${made.id}`);
    },
  });
  const errors = form.formState.errors;
  const matches = similar.data?.items ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="form proposal-form">
      <TextField
        label={t('process.fTitle')}
        hint={t('process.fTitleHint')}
        error={errorOf(errors, 'title')}
        maxLength={150}
        required
        {...form.register('title')}
      />
      <div aria-live="polite">
        {matches.length > 0 && (
          <div className="similar-box">
            <h2 className="similar-title">{t('process.similarTitle')}</h2>
            <p>{t('process.similarLead')}</p>
            <ul>
              {matches.map((m) => (
                <li key={m.id}>
                  <Link to={`/governance/proposals/${m.id}`}>{m.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <TextArea
        label={t('process.fBody')}
        hint={t('process.fBodyHint')}
        error={errorOf(errors, 'body')}
        rows={8}
        maxLength={6000}
        required
        {...form.register('body')}
      />
      <SelectField
        label={t('process.fCategory')}
        error={errorOf(errors, 'category')}
        required
        {...form.register('category')}
      >
        {PROPOSAL_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`process.category.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('process.fPlace')}
        hint={t('process.fPlaceHint')}
        error={errorOf(errors, 'place')}
        maxLength={200}
        {...form.register('place')}
      />
      <p className="field-hint">{t('process.imageNote')}</p>
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t('process.submit')}
      </Button>
    </form>
  );
}
