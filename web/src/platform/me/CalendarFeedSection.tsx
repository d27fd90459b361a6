import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../../contracts/calendar.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './calendar-messages.ts';

const FEED = '/api/v1/me/calendar-feed';
const key = ['calendar-feed'];

// 캘린더 구독: a secret address for calendar apps, shown once when made (the server keeps only its
// hash), copied with one button, remade or ended here.
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: key, queryFn: () => api<CalendarFeedStatus>(FEED) });
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const urlBox = useRef<HTMLDivElement>(null);

  const create = useMutation({
    mutationFn: () => api<CalendarFeedCreated>(FEED, { method: 'POST' }),
    onSuccess: (made) => {
      setUrl(made.url);
      setNotice('');
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api(FEED, { method: 'DELETE' }),
    onSuccess: () => {
      setUrl(null);
      setNotice(t('calendarFeed.revoked'));
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const busy = create.isPending || revoke.isPending;
  const failed = create.error ?? revoke.error;

  // The new address gets focus (its label and hint are read out) with its text selected.
  useEffect(() => {
    const input = url ? urlBox.current?.querySelector('input') : null;
    input?.focus();
    input?.select();
  }, [url]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('calendarFeed.copied'));
    } catch {
      urlBox.current?.querySelector('input')?.select();
      setNotice(t('calendarFeed.copyFailed'));
    }
  };

  return (
    <section aria-labelledby="me-calendar" className="section">
      <h2 id="me-calendar">{t('calendarFeed.title')}</h2>
      <p>{t('calendarFeed.lead')}</p>
      <p>{t('calendarFeed.secretHint')}</p>
      {failed && <Alert kind="danger">{failed.message}</Alert>}
      {/* Always present, so screen readers announce what changes in it (copied, removed). */}
      <p role="status" aria-live="polite">
        {notice}
      </p>
      {url && (
        <div ref={urlBox}>
          <TextField
            label={t('calendarFeed.urlLabel')}
            hint={t('calendarFeed.urlHint')}
            value={url}
            readOnly
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="button-row">
            <Button onClick={copy}>{t('calendarFeed.copy')}</Button>
          </div>
        </div>
      )}
      <QueryState query={status}>
        {(feed) =>
          feed.active && feed.createdAt ? (
            <>
              <p>
                {t('calendarFeed.active', { date: formatDateTime(feed.createdAt) })}{' '}
                {feed.lastUsedAt
                  ? t('calendarFeed.lastUsed', { date: formatDateTime(feed.lastUsedAt) })
                  : t('calendarFeed.neverUsed')}
              </p>
              {!url && <p>{t('calendarFeed.lostHint')}</p>}
              <p id="me-calendar-regenerate-hint">{t('calendarFeed.regenerateHint')}</p>
              <div className="button-row">
                <Button
                  variant="secondary"
                  onClick={() => create.mutate()}
                  disabled={busy}
                  aria-describedby="me-calendar-regenerate-hint"
                >
                  {t('calendarFeed.regenerate')}
                </Button>
                <Button variant="danger" onClick={() => revoke.mutate()} disabled={busy}>
                  {t('calendarFeed.revoke')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <p>{t('calendarFeed.none')}</p>
              <Button onClick={() => create.mutate()} disabled={busy}>
                {t('calendarFeed.create')}
              </Button>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
