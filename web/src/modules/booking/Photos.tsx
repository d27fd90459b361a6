import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImageRef,
  MAX_IMAGE_BYTES,
  mediaPath,
  type StaffImageList,
  type StaffImageRef,
} from '../../../../contracts/media.ts';
import { api, apiUpload } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { useConfirm } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { useToast } from '../../ui/Toast.tsx';
import './photos-messages.ts';
import './photos.css';

// Photos of places and rooms (issue 10): a lazy-loaded strip for everyone (width and height set, so
// nothing jumps when they arrive), and for staff a section to upload (a file and its alt text,
// Korean required), reorder and remove them. The server checks the bytes again.

/** The largest number of photos a place or a resource holds. */
export const MAX_PHOTOS = 6;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The photos in their order; the first one larger. Renders nothing without photos. */
export function PhotoStrip({ photos, label }: { photos: ImageRef[] | undefined; label: string }) {
  if (!photos || photos.length === 0) return null;
  return (
    <ul className="booking-photos" aria-label={label}>
      {photos.map((p) => (
        <li key={p.id}>
          <img
            src={mediaPath(p.id)}
            alt={p.alt}
            width={p.width}
            height={p.height}
            loading="lazy"
            decoding="async"
          />
        </li>
      ))}
    </ul>
  );
}

type Owner = 'place' | 'resource';
const photosUrl = (owner: Owner, id: string) =>
  `/api/v1/booking/staff/${owner}s/${encodeURIComponent(id)}/photos`;

/** The staff section: the photos with their order and removal, and the upload form. */
export function StaffPhotos({ owner, id }: { owner: Owner; id: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const headingId = useId();
  const photos = useQuery({
    queryKey: ['booking', 'staff', 'photos', owner, id],
    queryFn: () => api<StaffImageList>(photosUrl(owner, id)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['booking'] });
  const remove = useMutation({
    mutationFn: (imageId: string) =>
      api<{ ok: true }>(`${photosUrl(owner, id)}/${encodeURIComponent(imageId)}`, { method: 'DELETE' }),
    onSuccess: () => toast.show(t('bookingPhotos.removed')),
    onSettled: refresh,
  });
  const order = useMutation({
    mutationFn: (ids: string[]) =>
      api<StaffImageList>(`${photosUrl(owner, id)}/order`, { method: 'PUT', body: { ids } }),
    onSuccess: () => toast.show(t('bookingPhotos.moved')),
    onSettled: refresh,
  });
  const items = photos.data?.items ?? [];
  const move = (from: number, to: number) => {
    const ids = items.map((p) => p.id);
    [ids[from], ids[to]] = [ids[to], ids[from]];
    order.mutate(ids);
  };
  const askRemove = async (photo: StaffImageRef) => {
    const yes = await confirm({
      title: t('bookingPhotos.removeTitle'),
      message: t('bookingPhotos.removeMessage'),
      confirmLabel: t('bookingPhotos.removeShort'),
      danger: true,
    });
    if (yes) remove.mutate(photo.id);
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>
        {t(owner === 'place' ? 'bookingPhotos.placeTitle' : 'bookingPhotos.resourceTitle')}
      </h2>
      <p className="hint">{t('bookingPhotos.lead', { max: MAX_PHOTOS })}</p>
      {dialog}
      <MutationAlert mutation={remove} />
      <MutationAlert mutation={order} />
      {photos.isError && <Alert kind="danger">{photos.error.message}</Alert>}
      {photos.data &&
        (items.length === 0 ? (
          <p>{t('bookingPhotos.none')}</p>
        ) : (
          <>
            <p>{t('bookingPhotos.count', { count: items.length, max: MAX_PHOTOS })}</p>
            <ol className="booking-staff-photos">
              {items.map((p, i) => (
                <li key={p.id}>
                  <img src={mediaPath(p.id)} alt={p.alt} width={p.width} height={p.height} loading="lazy" />
                  <p>{p.altKo}</p>
                  {p.altEn && <p lang="en">{p.altEn}</p>}
                  <div className="button-row">
                    {i > 0 && (
                      <Button
                        variant="secondary"
                        aria-label={t('bookingPhotos.moveEarlier', { alt: p.alt })}
                        disabled={order.isPending}
                        onClick={() => move(i, i - 1)}
                      >
                        {t('bookingPhotos.earlier')}
                      </Button>
                    )}
                    {i < items.length - 1 && (
                      <Button
                        variant="secondary"
                        aria-label={t('bookingPhotos.moveLater', { alt: p.alt })}
                        disabled={order.isPending}
                        onClick={() => move(i, i + 1)}
                      >
                        {t('bookingPhotos.later')}
                      </Button>
                    )}
                    <Button
                      variant="danger"
                      aria-label={t('bookingPhotos.remove', { alt: p.alt })}
                      disabled={remove.isPending}
                      onClick={() => askRemove(p)}
                    >
                      {t('bookingPhotos.removeShort')}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          </>
        ))}
      {photos.data &&
        (items.length >= MAX_PHOTOS ? (
          <Alert kind="info">{t('bookingPhotos.full', { max: MAX_PHOTOS })}</Alert>
        ) : (
          <UploadForm url={photosUrl(owner, id)} onUploaded={refresh} />
        ))}
    </section>
  );
}

function UploadForm({ url, onUploaded }: { url: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const fileInput = useRef<HTMLInputElement>(null);
  const [altKo, setAltKo] = useState('');
  const [altEn, setAltEn] = useState('');
  const [errors, setErrors] = useState<{ file?: string; altKo?: string }>({});
  const upload = useMutation({
    mutationFn: ({ file, ko, en }: { file: File; ko: string; en: string }) => {
      const query = new URLSearchParams({ altKo: ko });
      if (en) query.set('altEn', en);
      return apiUpload<ImageRef>(`${url}?${query}`, file);
    },
    onSuccess: () => {
      toast.show(t('bookingPhotos.uploaded'));
      setAltKo('');
      setAltEn('');
      if (fileInput.current) fileInput.current.value = '';
    },
    onSettled: onUploaded,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    const next: typeof errors = {};
    if (!file) next.file = t('bookingPhotos.fileMissing');
    else if (file.size > MAX_IMAGE_BYTES) next.file = t('bookingPhotos.fileTooLarge');
    else if (file.type && !TYPES.includes(file.type)) next.file = t('bookingPhotos.fileType');
    if (!altKo.trim()) next.altKo = t('bookingPhotos.altKoMissing');
    setErrors(next);
    if (file && Object.keys(next).length === 0) upload.mutate({ file, ko: altKo.trim(), en: altEn.trim() });
  };
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={upload} />
      <TextField
        ref={fileInput}
        label={t('bookingPhotos.file')}
        hint={t('bookingPhotos.fileHint')}
        error={errors.file}
        type="file"
        accept={TYPES.join(',')}
        required
      />
      <TextField
        label={t('bookingPhotos.altKo')}
        hint={t('bookingPhotos.altKoHint')}
        error={errors.altKo}
        value={altKo}
        maxLength={300}
        required
        onChange={(e) => setAltKo(e.target.value)}
      />
      <TextField
        label={t('bookingPhotos.altEn')}
        hint={t('bookingPhotos.altEnHint')}
        value={altEn}
        maxLength={300}
        lang="en"
        onChange={(e) => setAltEn(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t('bookingPhotos.uploading') : t('bookingPhotos.upload')}
        </Button>
      </div>
    </form>
  );
}
