import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldMessageOf } from '../../contracts/field-messages.ts';
import { AppError, type FieldError } from './errors.ts';
import { type Locale, pickLocale } from './i18n/locale.ts';
import { hasMessage, t } from './i18n/messages.ts';

// Turns every failure into `{ error: { code, message, details?, requestId } }` in the request's language.
function localeOf(req: FastifyRequest): Locale {
  return req.ctx?.locale ?? pickLocale(req.headers['accept-language']);
}

function fieldMessage(
  locale: Locale,
  issue: { keyword: string; params: Record<string, unknown>; message?: string },
): { code: string; message: string } {
  const { code, key, params } = fieldMessageOf(
    {
      code: issue.keyword,
      params: issue.params,
      // Zod 4 keeps no input on the issue: its message says whether the value was missing.
      missing: /received undefined/.test(issue.message ?? ''),
    },
    hasMessage,
  );
  return { code, message: t(locale, key, params) };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = localeOf(req);
  const key = hasMessage(`errors.${err.code}`) ? `errors.${err.code}` : `errors.${statusKey(err.status)}`;
  const body: Record<string, unknown> = {
    code: err.code,
    message: t(locale, key, err.params),
    requestId: req.id,
  };
  if (err.details) body.details = err.details;
  if ((err.status === 429 || err.status === 503) && err.params.seconds)
    reply.header('retry-after', String(err.params.seconds));
  if (isPageRequest(req))
    return reply
      .status(err.status)
      .type('text/html; charset=utf-8')
      .send(errorPage(locale, String(body.message)));
  return reply.status(err.status).type('application/json; charset=utf-8').send({ error: body });
}

/** A browser asking for a page (not the API, not a script): it gets a page it can show, not JSON. */
function isPageRequest(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0];
  return (
    req.method === 'GET' &&
    !path.startsWith('/api/') &&
    /\btext\/html\b/.test(String(req.headers.accept ?? '')) &&
    req.headers['sec-fetch-dest'] !== 'script'
  );
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A plain page with the message and a way back, in the person's language (no script, no code shown). */
function errorPage(locale: Locale, message: string): string {
  const home = t(locale, 'errors.page_home');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    t(locale, 'errors.page_title'),
  )}</title><style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0}</style></head><body><main><h1>${escapeHtml(
    message,
  )}</h1><p><a href="/">${escapeHtml(home)}</a></p></main></body></html>`;
}

function statusKey(status: number): string {
  return (
    (
      {
        400: 'bad_request',
        401: 'unauthenticated',
        403: 'forbidden',
        404: 'not_found',
        409: 'conflict',
        413: 'payload_too_large',
        415: 'unsupported_media_type',
        422: 'unprocessable',
        429: 'rate_limited',
        503: 'not_ready',
      } as Record<number, string>
    )[status] ?? 'internal'
  );
}

const RETRY_SECONDS = 5;
// Node socket errors and pg-pool/pg/PGlite messages seen while the database restarts or is away.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Cannot use a pool after calling end|PGlite is closed/i;

/**
 * True for a lost or refused database connection (class 08, admin/crash shutdown 57P01/57P02,
 * cannot connect now 57P03, too many connections 53300), anywhere in the cause chain.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (
      CONNECTION_CODES.has(code) ||
      code.startsWith('08') ||
      ['57P01', '57P02', '57P03', '53300'].includes(code)
    )
      return true;
    // Drizzle's own message quotes the query and its parameters: only the causes' messages are read.
    const message = typeof e.message === 'string' && !e.message.startsWith('Failed query') ? e.message : '';
    if (CONNECTION_MESSAGES.test(message)) return true;
    // net.connect tries every address and reports an AggregateError
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export function toAppError(err: unknown, req: FastifyRequest, bodyLimit: number): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const locale = localeOf(req);
    const where = (err as { validationContext?: string }).validationContext;
    const details: FieldError[] = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const { code, message } = fieldMessage(locale, {
        keyword: v.keyword,
        params: v.params as Record<string, unknown>,
        message: v.message,
      });
      return { field: [where, path].filter(Boolean).join('.') || String(where ?? ''), code, message };
    });
    return new AppError('validation_failed', 400, {}, details);
  }
  const fe = err as FastifyError & { statusCode?: number };
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 413, {
        limit: readableSize(req.routeOptions?.bodyLimit ?? bodyLimit),
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 415);
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('rate_limited', 429, { seconds: 60 });
  }
  if (isDatabaseUnavailable(err))
    return new AppError('database_unavailable', 503, { seconds: RETRY_SECONDS });
  const sqlState = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  // Unique violation or exclusion conflict → 409
  if (sqlState === '23505' || sqlState === '23P01') return new AppError('conflict', 409);
  // Text the database cannot hold (NUL, bad encoding) → 400; the contracts refuse it first, this is the backstop.
  if (sqlState === '22021' || sqlState === '22P05') return new AppError('invalid_text', 400);
  // Invalid text representation, value too long, a value beyond the database's limits → 400
  if (sqlState === '22P02' || sqlState === '22001' || sqlState === '54000')
    return new AppError('bad_request', 400);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError(statusKey(fe.statusCode), fe.statusCode);
  return new AppError('internal', 500);
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err, req, bodyLimit);
    if (appErr.status === 503) req.log.warn({ err }, 'database unavailable');
    else if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    return sendError(req, reply, appErr);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    const other = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => {
      if (m === req.method) return false;
      const found = app.findRoute({ method: m as 'GET', url: path });
      return found != null && (found.params as Record<string, string>)['*'] === undefined; // the web app's catch-all is no match
    });
    if (other.length > 0) {
      reply.header('allow', other.join(', '));
      return sendError(req, reply, new AppError('method_not_allowed', 405, { method: req.method }));
    }
    return sendError(req, reply, new AppError('not_found', 404));
  });
}

/** A byte limit as people read it (2 MB, 512 KB), not as a count of bytes. */
export function readableSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
