import i18n from '../i18n/index.ts';

// One fetch wrapper: JSON in and out, the page language in Accept-Language, the CSRF token on unsafe requests.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /**
   * Field errors keyed by the field's name in the body or query ('body.email' → 'email'); a field
   * without words of its own gets the error's.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const d of this.details as FieldError[]) {
        const name = String(d.field ?? '').replace(/^(body|querystring|params)\.?/, '');
        if (name && !out[name]) out[name] = d.message || this.message;
      }
    }
    return out;
  }
}

/** A random Idempotency-Key (randomUUID needs a secure context; plain http on an intranet has none). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** How often a request that takes something scarce (a slot, a seat) is sent again after its answer was lost. */
const RESENDS = 2;

export async function api<T>(
  path: string,
  options: {
    method?: string;
    body?: unknown;
    /**
     * For requests that take a slot or a seat: sent with an Idempotency-Key and, when the answer is
     * lost on a weak connection, sent again with the same key, so the server answers what it did
     * the first time instead of booking twice.
     */
    idempotent?: boolean;
  } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language || 'ko',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotent) headers['idempotency-key'] = newIdempotencyKey();
  let response: Response | undefined;
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      if (!options.idempotent || attempt >= RESENDS || !navigator.onLine)
        throw new ApiError(0, 'network', i18n.t('common.networkError'));
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? i18n.t('common.unexpectedError'),
      error?.details,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sends a file as the raw request body (an image upload), with the CSRF token; JSON comes back. */
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language || 'ko',
    'content-type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? i18n.t('common.unexpectedError'),
    );
  }
  return data as T;
}
