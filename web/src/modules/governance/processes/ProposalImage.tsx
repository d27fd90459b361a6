import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImageRef, MAX_IMAGE_BYTES, mediaPath } from '../../../../../contracts/media.ts';
import { api, apiUpload } from '../../../api/client.ts';
import { Button } from '../../../ui/Button.tsx';
import { useConfirm } from '../../../ui/ConfirmDialog.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import type { Proposal } from './api.ts';
import './image-messages.ts';

// A proposal's one image (issue 11): shown on the proposal page (lazy, with its size and alt text)
// and as a small thumbnail on the list; chosen with its alt text (Korean required) on the new
// proposal form; replaced or removed by its authors while proposals are taken, removed by staff.
// The server checks the bytes again (JPEG, PNG, WebP; 2 MiB; metadata removed).

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** Where the image of a proposal is uploaded (POST, raw body) and removed (DELETE). */
const imageUrl = (proposalId: string) =>
  `/api/v1/governance/proposals/${encodeURIComponent(proposalId)}/image`;

export interface ChosenImage {
  file: File;
  altKo: string;
  altEn: string;
}

/** Uploads the chosen image of a proposal (replacing the one it has). */
export function uploadProposalImage(proposalId: string, image: ChosenImage) {
  const query = new URLSearchParams({ altKo: image.altKo });
  if (image.altEn) query.set('altEn', image.altEn);
  return apiUpload<ImageRef>(`${imageUrl(proposalId)}?${query}`, image.file);
}

/** The image on the proposal page; nothing without one. */
export function ProposalFigure({ image }: { image: ImageRef | null }) {
  if (!image) return null;
  return (
    <figure className="proposal-image">
      <img
        src={mediaPath(image.id)}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading="lazy"
        decoding="async"
      />
    </figure>
  );
}

/** The small picture on a list card: the same image, sized by CSS; decorative next to the title. */
export function ProposalThumb({ image }: { image: ImageRef | null }) {
  if (!image) return null;
  return (
    <img
      className="proposal-thumb"
      src={mediaPath(image.id)}
      alt=""
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
    />
  );
}

export interface ImageFieldsState {
  file: File | null;
  altKo: string;
  altEn: string;
}
export const emptyImageFields: ImageFieldsState = { file: null, altKo: '', altEn: '' };

/**
 * Checks the fields: no file is fine (the image is optional); a file must be JPEG, PNG or WebP of at
 * most 2 MiB and have a Korean alt text. Answers the errors by field (empty when all is well).
 */
export function checkImageFields(
  s: ImageFieldsState,
  t: (key: string) => string,
): { file?: string; altKo?: string } {
  const errors: { file?: string; altKo?: string } = {};
  if (!s.file) return errors;
  if (s.file.size > MAX_IMAGE_BYTES) errors.file = t('proposalImage.fileTooLarge');
  else if (s.file.type && !TYPES.includes(s.file.type)) errors.file = t('proposalImage.fileType');
  if (!s.altKo.trim()) errors.altKo = t('proposalImage.altKoMissing');
  return errors;
}

/** The file and alt text inputs, controlled by the form that holds them. */
export function ImageFields({
  value,
  onChange,
  errors,
  fileRef,
}: {
  value: ImageFieldsState;
  onChange: (next: ImageFieldsState) => void;
  errors: { file?: string; altKo?: string };
  fileRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="proposal-image-fields">
      <legend>{t('proposalImage.legend')}</legend>
      <p className="field-hint">{t('proposalImage.lead')}</p>
      <TextField
        ref={fileRef}
        label={t('proposalImage.file')}
        hint={t('proposalImage.fileHint')}
        error={errors.file}
        type="file"
        accept={TYPES.join(',')}
        onChange={(e) => onChange({ ...value, file: e.target.files?.[0] ?? null })}
      />
      <TextField
        label={t('proposalImage.altKo')}
        hint={t('proposalImage.altKoHint')}
        error={errors.altKo}
        value={value.altKo}
        maxLength={300}
        required={!!value.file}
        onChange={(e) => onChange({ ...value, altKo: e.target.value })}
      />
      <TextField
        label={t('proposalImage.altEn')}
        hint={t('proposalImage.altEnHint')}
        value={value.altEn}
        maxLength={300}
        lang="en"
        onChange={(e) => onChange({ ...value, altEn: e.target.value })}
      />
    </fieldset>
  );
}

/**
 * On the proposal page: its authors replace or remove the image while proposals are taken; staff
 * remove it (moderation). Nothing for anyone else.
 */
export function ImageEditor({ proposal, staff }: { proposal: Proposal; staff: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const headingId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<ImageFieldsState>(emptyImageFields);
  const [errors, setErrors] = useState<{ file?: string; altKo?: string }>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['governance'] });
  const upload = useMutation({
    mutationFn: (image: ChosenImage) => uploadProposalImage(proposal.id, image),
    onSuccess: () => {
      toast.show(t('proposalImage.uploaded'));
      setFields(emptyImageFields);
      if (fileRef.current) fileRef.current.value = '';
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api<{ ok: true }>(imageUrl(proposal.id), { method: 'DELETE' }),
    onSuccess: () => toast.show(t('proposalImage.removed')),
    onSettled: refresh,
  });
  const author = proposal.mine.author && proposal.open && !proposal.withdrawnAt;
  // Authors add or replace it under the rule for editing the proposal; they and staff remove one.
  const canUpload = author && proposal.mine.canEdit;
  if (!canUpload && !((author || staff) && proposal.image)) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = checkImageFields(fields, t);
    if (!fields.file) next.file = t('proposalImage.fileMissing');
    setErrors(next);
    if (fields.file && Object.keys(next).length === 0)
      upload.mutate({ file: fields.file, altKo: fields.altKo.trim(), altEn: fields.altEn.trim() });
  };
  const askRemove = async () => {
    const yes = await confirm({
      title: t('proposalImage.removeTitle'),
      message: t(author ? 'proposalImage.removeMessage' : 'proposalImage.removeStaffMessage'),
      confirmLabel: t('proposalImage.remove'),
      danger: true,
    });
    if (yes) remove.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t(author ? 'proposalImage.editTitle' : 'proposalImage.staffTitle')}</h2>
      {dialog}
      <MutationAlert mutation={remove} />
      {proposal.image && (
        <div className="button-row">
          <Button variant="danger" disabled={remove.isPending} onClick={() => void askRemove()}>
            {t('proposalImage.remove')}
          </Button>
        </div>
      )}
      {canUpload && (
        <form onSubmit={onSubmit} className="form" noValidate>
          <MutationAlert mutation={upload} />
          <ImageFields value={fields} onChange={setFields} errors={errors} fileRef={fileRef} />
          <div className="button-row">
            <Button type="submit" disabled={upload.isPending}>
              {upload.isPending
                ? t('proposalImage.uploading')
                : t(proposal.image ? 'proposalImage.replace' : 'proposalImage.upload')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
