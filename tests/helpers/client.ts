import type { FastifyInstance, InjectOptions } from 'fastify';

/** A cookie-keeping HTTP client over app.inject, sending the CSRF token like the web app does. */
export class TestClient {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    public lang = 'ko',
  ) {}

  async request(opts: InjectOptions & { method: string; url: string }) {
    const headers: Record<string, string> = {
      'accept-language': this.lang,
      ...(opts.headers as Record<string, string>),
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && !['GET', 'HEAD'].includes(opts.method.toUpperCase()))
      headers['x-csrf-token'] ??= this.csrfToken;
    const res = await this.app.inject({ ...opts, headers } as InjectOptions);
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date }>) {
      if (!c.value || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string, payload?: unknown) {
    return this.request({ method: 'DELETE', url, payload: payload as InjectOptions['payload'] });
  }
  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const body = res.json();
    if (body.csrfToken) this.csrfToken = body.csrfToken;
    return body;
  }
}
