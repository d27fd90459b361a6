import { useSyncExternalStore } from 'react';

// What the browser and the service worker (web/public/sw.js) say about the network: whether the
// browser is online, and the answers the worker served from its store because the network failed
// (with the time each was stored). One small store for the banner; no polling.

export interface NetworkStatus {
  /** The browser's own view (navigator.onLine). */
  online: boolean;
  /** The worker served a stored answer because the network failed, and none has come through since. */
  failing: boolean;
  /** When the browser went offline (ms), for content loaded before that. */
  offlineSince: number | null;
  /** The oldest stored answer served while the network failed (ms), if any since the last time online. */
  oldestStored: number | null;
}

let status: NetworkStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  failing: false,
  offlineSince: typeof navigator !== 'undefined' && !navigator.onLine ? Date.now() : null,
  oldestStored: null,
};
const listeners = new Set<() => void>();
const updateListeners = new Set<() => void>();

function set(next: Partial<NetworkStatus>) {
  status = { ...status, ...next };
  for (const l of listeners) l();
}

/** The worker stored a fresher public answer than the one it served: the page should ask again. */
export function onAnswersUpdated(listener: () => void): () => void {
  updateListeners.add(listener);
  return () => updateListeners.delete(listener);
}

let started = false;
function start() {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () =>
    set({ online: true, failing: false, offlineSince: null, oldestStored: null }),
  );
  window.addEventListener('offline', () => set({ online: false, offlineSince: Date.now() }));
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; storedAt?: string | null } | null;
    if (data?.type === 'hamkke:from-cache') {
      const at = data.storedAt ? Date.parse(data.storedAt) : Number.NaN;
      if (Number.isNaN(at)) return;
      // Served from the store: the network failed, whatever navigator.onLine says.
      set({
        failing: true,
        offlineSince: status.offlineSince ?? Date.now(),
        oldestStored: status.oldestStored === null ? at : Math.min(status.oldestStored, at),
      });
    } else if (data?.type === 'hamkke:network-ok') {
      if (status.failing && navigator.onLine) set({ failing: false, offlineSince: null, oldestStored: null });
    } else if (data?.type === 'hamkke:api-updated') {
      for (const l of updateListeners) l();
    }
  });
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNetworkStatus(): NetworkStatus {
  return useSyncExternalStore(
    subscribe,
    () => status,
    () => status,
  );
}

/** A failure to reach the server (no answer at all), as the API wrapper and dynamic imports report it. */
export function isNetworkFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { status?: unknown; code?: unknown; name?: unknown; message?: unknown };
  if (e.status === 0 && e.code === 'network') return true;
  return e.name === 'TypeError' && /fetch|import|module/i.test(String(e.message ?? ''));
}

/** TanStack Query's retry: once as before, but not when the browser is offline (fail at once, say so). */
export function retryUnlessOffline(failureCount: number, error: unknown): boolean {
  if (isNetworkFailure(error) && typeof navigator !== 'undefined' && !navigator.onLine) return false;
  return failureCount < 1;
}
