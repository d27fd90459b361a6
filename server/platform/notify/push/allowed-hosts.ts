import { isIP } from 'node:net';
import type { Config } from '../../../config.ts';
import { AppError } from '../../errors.ts';

// The server sends a request to every subscription endpoint, so an endpoint is accepted only on
// the browsers' push services (or hosts the operator adds): a signed-in person cannot make the
// server call internal addresses. Before each send the name is resolved and checked too (send.ts).
const BROWSER_PUSH_SERVICES = [
  'fcm.googleapis.com', // Chrome, Edge, Samsung Internet, Whale
  'android.googleapis.com',
  'updates.push.services.mozilla.com', // Firefox
  '.push.apple.com', // Safari (web.push.apple.com)
  '.notify.windows.com', // Edge on Windows (WNS)
];

type HostConfig = Pick<Config, 'HAMKKE_PUSH_HOSTS' | 'HAMKKE_TEST_PUSH_ALLOW_LOOPBACK'>;

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A plain DNS name: letters, digits, hyphens and dots, no empty label, not an IP literal. */
const isPlainDnsName = (host: string) => isIP(host) === 0 && host.split('.').every((l) => LABEL.test(l));

export function isAllowedPushHost(host: string, config: Pick<Config, 'HAMKKE_PUSH_HOSTS'>): boolean {
  const extra = config.HAMKKE_PUSH_HOSTS?.split(',') ?? [];
  return [...BROWSER_PUSH_SERVICES, ...extra].some((allowed) =>
    allowed.startsWith('.') ? host.endsWith(allowed) : host === allowed,
  );
}

/**
 * The endpoint as it is stored and requested (WHATWG `href`), or null when it is not acceptable:
 * https, no user info, the default port (any port only for the test-only loopback peer), a plain
 * DNS name on the allowed list. Checking the parsed host (not the text) closes the gap between
 * URL parsers: `https://127.0.0.1;.push.apple.com/` and `https://localhost%2e.push.apple.com/`
 * parse to hosts that are not DNS names.
 */
export function normalizePushEndpoint(endpoint: string, config: HostConfig): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  if (url.port && !config.HAMKKE_TEST_PUSH_ALLOW_LOOPBACK) return null;
  if (!isPlainDnsName(url.hostname) || !isAllowedPushHost(url.hostname, config)) return null;
  return url.href;
}

export function assertAllowedPushEndpoint(endpoint: string, config: HostConfig): string {
  const href = normalizePushEndpoint(endpoint, config);
  if (!href)
    throw new AppError('validation_failed', 400, {}, [
      { field: 'body.endpoint', code: 'push_service_unknown' },
    ]);
  return href;
}
