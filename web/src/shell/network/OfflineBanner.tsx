import { type Query, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { isNetworkFailure, onAnswersUpdated, useNetworkStatus } from './network-status.ts';
import './messages.ts';
import '../../ui/Alert.css';
import './network.css';

// "오프라인 상태입니다 — HH:MM 기준 내용입니다": shown while the browser is offline or the service
// worker is serving stored answers because the network failed. The time is that of the oldest
// content on the page (a stored answer's time, or when a query last loaded). With "다시 시도" the
// page asks again; when stored public answers were refreshed, the page loads them.

const timeOf = (ms: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ko-KR', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Seoul',
  }).format(new Date(ms));

const active = (q: Query) => q.getObserversCount() > 0;

export function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const net = useNetworkStatus();
  const queryClient = useQueryClient();
  const queries = queryClient.getQueryCache();
  // Re-rendered as queries change, so the time and the "not stored" line follow the page.
  useSyncExternalStore(
    (listener) => queries.subscribe(listener),
    () => queries.getAll().length,
  );

  // A fresher public answer was stored: ask again (it comes from the store, at once).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onAnswersUpdated(() => {
      clearTimeout(timer);
      timer = setTimeout(() => queryClient.invalidateQueries({ refetchType: 'active' }), 100);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [queryClient]);

  const show = !net.online || net.failing;
  let asOf: number | null = null;
  let missing = false;
  if (show) {
    const times: number[] = [];
    if (net.oldestStored !== null) times.push(net.oldestStored);
    for (const q of queries.getAll().filter(active)) {
      if (q.state.status === 'error' && isNetworkFailure(q.state.error)) missing = true;
      if (q.state.dataUpdatedAt > 0) times.push(q.state.dataUpdatedAt);
    }
    asOf = times.length > 0 ? Math.min(...times) : (net.offlineSince ?? Date.now());
  }

  return (
    // Always present, so the change is announced when the connection goes (a live region, not
    // role=status: pages' own status messages stay the first in main).
    <div className="offline-banner-slot" aria-live="polite" aria-atomic="true">
      {show && asOf !== null && (
        <div className="alert alert-warning offline-banner">
          <p className="alert-title">{t('offline.asOf', { time: timeOf(asOf, i18n.language) })}</p>
          {missing && <p>{t('offline.notStored')}</p>}
          <Button
            variant="secondary"
            className="btn-small"
            onClick={() => queryClient.refetchQueries({ type: 'active' })}
          >
            {t('offline.retry')}
          </Button>
        </div>
      )}
    </div>
  );
}
