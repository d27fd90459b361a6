import * as client from 'openid-client';
import type { Config } from '../../../config.ts';

export const oidcEnabled = (config: Config) =>
  Boolean(config.OIDC_ISSUER_URL && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);

// Plain http is accepted only for a provider on this machine (development and tests).
function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

// Discovery runs once per configuration and is kept; a failure is not kept, so the next sign-in retries.
const discovered = new WeakMap<Config, Promise<client.Configuration>>();

export function oidcConfiguration(config: Config): Promise<client.Configuration> {
  const cached = discovered.get(config);
  if (cached) return cached;
  if (!oidcEnabled(config)) return Promise.reject(new Error('OIDC is not configured'));
  const issuer = new URL(config.OIDC_ISSUER_URL as string);
  const pending = client.discovery(
    issuer,
    config.OIDC_CLIENT_ID as string,
    config.OIDC_CLIENT_SECRET as string,
    undefined,
    {
      execute: isLocalHttp(issuer) ? [client.allowInsecureRequests] : [],
    },
  );
  discovered.set(config, pending);
  pending.catch(() => discovered.delete(config));
  return pending;
}
