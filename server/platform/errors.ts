// The one error type. `code` picks the message (errors.<code> in the i18n catalog); `params` fill it.
export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    public readonly params: Record<string, unknown> = {},
    public readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 404);
export const forbidden = () => new AppError('forbidden', 403);
export const unauthenticated = () => new AppError('unauthenticated', 401);
export const conflict = (code = 'conflict', params?: Record<string, unknown>) =>
  new AppError(code, 409, params);
export const badRequest = (code = 'bad_request', details?: FieldError[]) =>
  new AppError(code, 400, {}, details);

/** Drizzle's "Failed query: … params: …" message: everything from "params:" on holds the values. */
const stripParams = (message: string) => message.replace(/\bparams:[\s\S]*$/, 'params: [redacted]');
/** Database errors of data classes (22, 23) quote the offending value: `invalid input syntax for type uuid: "…"`. */
const stripQuoted = (message: string) => message.replace(/"[^"]*"/g, '"[redacted]"');

/**
 * An error as it may be logged: type, message, code, stack and causes — never the query's parameters,
 * the database's `detail` (which quotes rows) or any other property an error carries.
 */
export function serializeError(
  err: unknown,
  depth = 0,
): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!err || typeof err !== 'object') return { type: typeof err, message: String(err), stack: '' };
  const e = err as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const raw = typeof e.message === 'string' ? e.message : '';
  const message = code && /^2[23]/.test(code) ? stripQuoted(stripParams(raw)) : stripParams(raw);
  // The stack begins with "Name: message"; only the frames after it are kept.
  const stack = typeof e.stack === 'string' ? e.stack : '';
  const header = `${e.name}: ${raw}`;
  const frames = stack.startsWith(header)
    ? stack.slice(header.length)
    : `\n${stack
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .join('\n')}`;
  const out: ReturnType<typeof serializeError> = {
    type: e.constructor?.name ?? e.name,
    message,
    stack: `${e.name}: ${message}${frames}`,
  };
  if (code) out.code = code;
  for (const key of ['constraint', 'table', 'column'] as const)
    if (typeof e[key] === 'string') out[key] = e[key];
  if (e.cause && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
