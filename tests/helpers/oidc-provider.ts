import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';

export interface TestAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * A real OpenID provider (oidc-provider with its development login pages) on a random localhost
 * port. The issuer URL is known before the app starts; the client is registered once the app's
 * callback address is known (`register`).
 */
export async function startTestOidcProvider() {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('provider not configured yet');
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccountClaims>();
  const clientId = 'hamkke-test';
  const clientSecret = `test-secret-${process.pid}-${Date.now()}`;
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    register(redirectUri: string) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        cookies: { keys: ['test-only-cookie-key'] },
        ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
        features: { devInteractions: { enabled: true } },
        findAccount: async (_ctx: unknown, sub: string) => ({
          accountId: sub,
          claims: async () => ({ sub, ...(accounts.get(sub) ?? {}) }),
        }),
      });
      handler = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser stand-in: real HTTP, redirects by hand, cookies kept per origin. */
export class RedirectBrowser {
  private jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.origin) ?? new Map<string, string>();
    this.jars.set(target.origin, jar);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      const gone =
        !value ||
        (expires && new Date(expires.slice(8)).getTime() < Date.now()) ||
        (maxAge && Number(maxAge.slice(8)) <= 0);
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * From a URL, follows redirects and answers the provider's login and consent pages as `login`,
   * stopping at the first URL that starts with `stopAt` (not requested) or at a non-redirect answer.
   */
  async walk(start: string, login: string, stopAt: string): Promise<string> {
    let url = start;
    for (let hops = 0; hops < 20; hops++) {
      if (url.startsWith(stopAt)) return url;
      let res = await this.request(url);
      if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
        const prompt = /name="prompt" value="(\w+)"/.exec(await res.text())?.[1];
        const form: Record<string, string> =
          prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? 'consent' };
        res = await this.request(url, { method: 'POST', form });
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location)
        throw new Error(`stopped at ${url}: ${res.status} ${await res.text()}`);
      url = new URL(location, url).href;
    }
    throw new Error('too many redirects');
  }
}
