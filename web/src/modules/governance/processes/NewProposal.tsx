import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ProposalBody } from '../../../../../contracts/governance-proposals.ts';
import { useMe } from '../../../api/session.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { createProposal, useProcess, useSimilar } from './api.ts';
import { ProposalFields } from './ProposalFields.tsx';
import {
  checkImageFields,
  emptyImageFields,
  ImageFields,
  type ImageFieldsState,
  uploadProposalImage,
} from './ProposalImage.tsx';
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
  const fileRef = useRef<HTMLInputElement>(null);
  const [image, setImage] = useState<ImageFieldsState>(emptyImageFields);
  const [imageErrors, setImageErrors] = useState<{ file?: string; altKo?: string }>({});
  const { mutation, onSubmit } = useFormMutation(form, {
    // The proposal first, then its image (optional); a failed upload leaves the proposal posted.
    mutationFn: async (body: ProposalBody) => {
      const made = await createProposal(processId, body);
      let imageFailed = false;
      if (image.file)
        await uploadProposalImage(made.id, {
          file: image.file,
          altKo: image.altKo.trim(),
          altEn: image.altEn.trim(),
        }).catch(() => {
          imageFailed = true;
        });
      return { made, imageFailed };
    },
    onSuccess: ({ made, imageFailed }) => {
      toast.show(t(imageFailed ? 'proposalImage.uploadFailed' : 'process.created'));
      void navigate(`/governance/proposals/${made.id}`);
    },
  });
  // The image's fields are checked with the others; nothing is sent while any of them is wrong.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const errs = checkImageFields(image, t);
    setImageErrors(errs);
    if (Object.keys(errs).length > 0) {
      e.preventDefault();
      void form.trigger();
      return;
    }
    return onSubmit(e);
  };
  const errors = form.formState.errors;
  const matches = similar.data?.items ?? [];
  return (
    <form onSubmit={submit} noValidate className="form proposal-form">
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
      <ProposalFields form={form} bodyHint={t('process.fBodyHint')} />
      <ImageFields value={image} onChange={setImage} errors={imageErrors} fileRef={fileRef} />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t('process.submit')}
      </Button>
    </form>
  );
}
