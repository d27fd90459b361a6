import { KEY_PATTERN_SOURCE } from './fingerprint.ts';

const UNSAFE_OPERATIONS = ['post', 'put', 'patch', 'delete'];

export const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Signed-in requests only (ignored without a session). The first answer is kept for 24 hours per ' +
    'account and key: the same request again gets it back (with `Idempotency-Replayed: true`) without ' +
    'running again; a different request with the key is 422 `idempotency_key_reused`; one sent while ' +
    'the first still runs is 409 `idempotency_in_progress` with `Retry-After`. Server errors (5xx) are ' +
    'not kept, so a retry runs. A malformed key is 400 `idempotency_key_invalid`.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: KEY_PATTERN_SOURCE },
};

type OpenApiDocument = {
  components?: Record<string, Record<string, unknown>>;
  paths?: Record<string, Record<string, { parameters?: Array<{ name?: string; in?: string }> }>>;
};

/** Adds the header to the document's components and to every unsafe operation (written out, not a $ref, for simple clients). */
export function documentIdempotencyKey<T extends object>(document: T): T {
  const doc = document as OpenApiDocument;
  doc.components ??= {};
  doc.components.parameters = { ...doc.components.parameters, IdempotencyKey: idempotencyKeyParameter };
  for (const operations of Object.values(doc.paths ?? {}))
    for (const [method, op] of Object.entries(operations)) {
      if (!UNSAFE_OPERATIONS.includes(method) || !op || typeof op !== 'object') continue;
      op.parameters ??= [];
      const params = op.parameters;
      if (!params.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key'))
        params.push(idempotencyKeyParameter);
    }
  return document;
}
