import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { sendError } from '../errors-http.ts';
import { parseIdempotencyKey, requestFingerprint } from './fingerprint.ts';
import { claimKey, type KeyScope, releaseClaim, type StoredAnswer, storeAnswer } from './store.ts';
import type { StoredHeaders } from './tables.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Answers larger than this are not kept (ours are a record or a short list; a retry runs again). */
export const MAX_STORED_BODY_BYTES = 256 * 1024;
const IN_PROGRESS_RETRY_SECONDS = 1;
/** Set on a replayed answer, so a client (and a person reading logs) can tell it was not run again. */
export const REPLAYED_HEADER = 'idempotency-replayed';

const claims = new WeakMap<object, { scope: KeyScope; claim: string }>();

const isText = (contentType: string) => /^(application\/([\w.+-]*\+)?json|text\/)/i.test(contentType);

/** The answer as it can be replayed, or null when it must not be kept (server error, cookies, a stream, too large). */
function storable(reply: FastifyReply, payload: unknown): StoredAnswer | null {
  const status = reply.statusCode;
  if (status >= 500) return null; // a failure is not the answer: the retry should run
  if (reply.getHeader('set-cookie') !== undefined) return null; // a session change cannot be replayed without it
  const contentType = reply.getHeader('content-type');
  const location = reply.getHeader('location');
  const headers: StoredHeaders = {};
  if (typeof contentType === 'string') headers['content-type'] = contentType;
  if (typeof location === 'string') headers.location = location;
  let body: string;
  if (payload === null || payload === undefined) body = '';
  else if (typeof payload === 'string') body = payload;
  else if (Buffer.isBuffer(payload) && isText(headers['content-type'] ?? '')) body = payload.toString('utf8');
  else return null; // a stream or binary answer (downloads): not kept
  if (Buffer.byteLength(body) > MAX_STORED_BODY_BYTES) return null;
  return { status, headers, body };
}

/**
 * Idempotency-Key for unsafe requests of a signed-in account: the first answer is kept for 24 hours
 * per organization, account and key; a retry of the same request gets it back without running again,
 * a different request with the key is a 422, and one arriving while the first runs is a 409.
 * Anonymous requests are not keyed (the header is ignored): there is no account to keep them under,
 * and their answers (sign-in, sign-up) set cookies or hold one-time secrets.
 * Install before the routes: the hooks run after access (onRequest) and validation (preHandler), and
 * only on routes that take an unsafe method (a GET pays nothing for them).
 */
export function installIdempotency(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => UNSAFE.has(m))) return;
    route.preHandler = [...asList(route.preHandler), claimOrReplay];
    route.onSend = [...asList(route.onSend), keepAnswer];
  });
}

const asList = <T>(hooks: T | T[] | undefined): T[] =>
  hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];

async function claimOrReplay(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  if (!UNSAFE.has(req.method) || req.is404) return;
  const header = req.headers['idempotency-key'];
  if (header === undefined || !req.ctx?.actor.signedIn) return; // anonymous requests: no key
  const key = parseIdempotencyKey(header);
  if (key === 'invalid') throw new AppError('idempotency_key_invalid', 400);
  if (key === null) return;
  const route = req.routeOptions.url ?? req.url.split('?')[0];
  const scope: KeyScope = { organizationId: req.ctx.organizationId, userId: req.ctx.actor.userId, key };
  const fingerprint = requestFingerprint({
    method: req.method,
    route,
    params: req.params,
    query: req.query,
    body: req.body,
  });
  const held = await claimKey(req.ctx.db, scope, { fingerprint, method: req.method, route });
  switch (held.kind) {
    case 'claimed':
      claims.set(req, { scope, claim: held.claim });
      return;
    case 'reused':
      throw new AppError('idempotency_key_reused', 422);
    case 'in-progress':
      reply.header('retry-after', String(IN_PROGRESS_RETRY_SECONDS));
      return sendError(
        req,
        reply,
        new AppError('idempotency_in_progress', 409, { seconds: IN_PROGRESS_RETRY_SECONDS }),
      );
    case 'replay': {
      const { status, headers, body } = held.answer;
      reply.status(status).header(REPLAYED_HEADER, 'true');
      if (headers['content-type']) reply.type(headers['content-type']);
      if (headers.location) reply.header('location', headers.location);
      return reply.send(body === '' ? undefined : body);
    }
  }
}

async function keepAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const held = claims.get(req);
  if (!held) return payload;
  claims.delete(req);
  const answer = storable(reply, payload as string | Buffer | Readable | null);
  try {
    if (answer) await storeAnswer(req.ctx.db, held.scope, held.claim, answer);
    else await releaseClaim(req.ctx.db, held.scope, held.claim);
  } catch (err) {
    // The request itself went through: its answer goes out; the claim lapses after CLAIM_SECONDS.
    req.log.warn({ err }, 'idempotency key not recorded');
  }
  return payload;
}
