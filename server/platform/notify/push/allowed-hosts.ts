import type { Config } from '../../../config.ts';
import { AppError } from '../../errors.ts';

// The server sends a request to every subscription endpoint, so an endpoint is accepted only on
// the browsers' push services (or hosts the operator adds): a signed-in person cannot make the
// server call internal addresses.
const BROWSER_PUSH_SERVICES = [
  'fcm.googleapis.com', // Chrome, Edge, Samsung Internet, Whale
  'android.googleapis.com',
  'updates.push.services.mozilla.com', // Firefox
  '.push.apple.com', // Safari (web.push.apple.com)
  '.notify.windows.com', // Edge on Windows (WNS)
];

export function isAllowedPushHost(host: string, config: Pick<Config, 'HAMKKE_PUSH_HOSTS'>): boolean {
  const extra = config.HAMKKE_PUSH_HOSTS?.split(',') ?? [];
  return [...BROWSER_PUSH_SERVICES, ...extra].some((allowed) =>
    allowed.startsWith('.') ? host.endsWith(allowed) : host === allowed,
  );
}

export function assertAllowedPushEndpoint(endpoint: string, config: Pick<Config, 'HAMKKE_PUSH_HOSTS'>): void {
  if (!isAllowedPushHost(new URL(endpoint).hostname, config))
    throw new AppError('validation_failed', 400, {}, [
      { field: 'body.endpoint', code: 'push_service_unknown' },
    ]);
}
