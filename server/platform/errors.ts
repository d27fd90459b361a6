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
