import { randomUUID, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { allModules, installAllModules } from './composition.ts';
import type { Config } from './config.ts';
import { type Actor, anonymous, type Role } from './platform/access/actor.ts';
import { authorize, hasPolicy } from './platform/access/authorize.ts';
import { type ResolvedSession, resolveSession, SESSION_COOKIE } from './platform/auth/sessions.ts';
import { listenForCacheChanges } from './platform/cache/listen.ts';
import { installCompression } from './platform/compression.ts';
import type { Database } from './platform/db/connect.ts';
import { AppError, serializeError } from './platform/errors.ts';
import { installErrorHandling } from './platform/errors-http.ts';
import { pickLocale } from './platform/i18n/locale.ts';
import { installIdempotency } from './platform/idempotency/install.ts';
import type { Jobs } from './platform/jobs/boss.ts';
import { installApiDocs } from './platform/openapi.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { requireInstalled } from './platform/tenants/first-run.ts';
import { organizationInMemory, resolveOrganization } from './platform/tenants/queries.ts';
import type { Organization } from './platform/tenants/tables.ts';
import { installWebApp } from './platform/web.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  jobs: Jobs;
  /** false: no logging (tests); otherwise the level (default HAMKKE_LOG_LEVEL) and a stream (default stdout). The serializers below always apply. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Compares a sent token with the session's in constant time. */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RouteEntry {
  method: string | string[];
  url: string;
  config?: { access?: unknown };
}
const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();
/** Every route the app registered, with its access rule (tests walk it). */
export const routeTable = (app: FastifyInstance): RouteEntry[] => routeTables.get(app) ?? [];

/** A hop count trusts that many proxies nearest to us (hop 0 is the socket's peer); never every hop. */
function trustProxyOption(setting: Config['HAMKKE_TRUST_PROXY']) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** The query's keys with every value hidden: `?q=[redacted]&token=[redacted]` (tokens, searches and filters are personal). */
function redactedQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return '';
  const keys = [...new URLSearchParams(url.slice(at + 1)).keys()].slice(0, 20).map((k) => k.slice(0, 40));
  return keys.length ? `?${keys.map((k) => `${k}=[redacted]`).join('&')}` : '';
}

// Logs carry no personal data or secrets: requests as method, path and route pattern with the query's
// values hidden (no headers, no addresses); errors without the database parameters Drizzle puts in them.
const logSerializers = {
  req: (req: FastifyRequest) => ({
    method: req.method,
    url: req.url.split('?')[0] + redactedQuery(req.url),
    route: req.routeOptions?.url,
  }),
  err: (err: unknown) => serializeError(err),
};

/** Deepest nesting of arrays and objects in JSON text, counted without building it; stops past `limit`. */
export function jsonNestedDeeperThan(body: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
export const MAX_JSON_DEPTH = 64;

/**
 * The route's access rule: 401 for an anonymous caller, 403 (or the policy's answer) otherwise. Every
 * rule but 'public' needs a signed-in caller, whatever a policy says: handlers of those routes are
 * typed with a SignedInCtx (http.ts CtxFor) and rely on it.
 */
function checkAccess(req: FastifyRequest): void {
  if (req.is404) return; // the not-found handler only answers with an error
  const access = req.routeOptions.config?.access;
  if (!access) throw new AppError('forbidden', 403); // unreachable after onReady, kept as deny-by-default
  if (access === 'public') return;
  if (!req.ctx.actor.signedIn) throw new AppError('unauthenticated', 401);
  if (access !== 'signed-in') authorize(req.ctx.actor, access.action);
}

export async function buildApp({ config, database, jobs, logger }: AppDeps): Promise<FastifyInstance> {
  installAllModules();
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: logger?.level ?? config.HAMKKE_LOG_LEVEL,
            serializers: logSerializers,
            ...(logger?.stream ? { stream: logger.stream } : {}),
          },
    genReqId: () => randomUUID(),
    bodyLimit: config.HAMKKE_BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.HAMKKE_TRUST_PROXY),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, config.HAMKKE_BODY_LIMIT_BYTES);
  const caches = await listenForCacheChanges(database, { answers: config.HAMKKE_ANSWER_CACHE !== false });
  app.addHook('onClose', () => caches.stop());
  // JSON as Fastify parses it (prototype poisoning refused), after a scan that refuses deep nesting
  // before anything is built: a body of nested brackets costs the parser and validators time and stack.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonNestedDeeperThan(body as string, MAX_JSON_DEPTH))
      return done(new AppError('json_too_deep', 400, { max: MAX_JSON_DEPTH }), undefined);
    parseJson(req, body as string, done);
  });

  // Every route must say who may call it; a route without a rule is a build error, not a silent hole.
  const declared: RouteEntry[] = [];
  routeTables.set(app, declared);
  app.addHook('onRoute', (route) => {
    declared.push(route as RouteEntry);
  });
  app.addHook('onReady', async () => {
    const undeclared = declared.flatMap((r) => {
      const access = r.config?.access as ReturnType<typeof Object> | undefined;
      if (!access) return [`${r.method} ${r.url}`];
      if (typeof access === 'object' && !hasPolicy((access as { action: string }).action))
        return [`${r.method} ${r.url} (unknown policy)`];
      return [];
    });
    if (undeclared.length > 0) throw new Error(`Routes without an access rule: ${undeclared.join(', ')}`);
  });

  await installSecurityHeaders(app);
  // Cookies are parsed by our own onRequest hook below (one hook fewer on every request).
  await app.register(cookie, { hook: false });
  // Per process: a guard against floods. Login throttling, which must hold across processes, is in the database.
  await app.register(rateLimit, {
    max: config.HAMKKE_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // The limit's headers go only on a refusal (with Retry-After): three fewer headers on every answer.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', 429, { seconds: Math.ceil(ctx.ttl / 1000) }),
  });
  await installCompression(app); // API answers of 1 KiB or more; before any route is declared

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  // The tenant, the session and the route's access rule, decided before any body byte is read.
  // A request without a cookie whose organization is in memory (nearly every anonymous request)
  // goes through without waiting on a promise; the rest wait for the tenant or session lookup.
  const enter = (req: FastifyRequest, org: Organization, session: ResolvedSession | null) => {
    let actor: Actor = anonymous(org.id);
    let userLocale: string | null = null;
    let csrfToken: string | null = null;
    if (session && !session.twoFactorPending && session.organizationId === org.id) {
      actor = {
        signedIn: true,
        userId: session.userId,
        organizationId: org.id,
        roles: new Set(session.roles as Role[]),
        sessionId: session.sessionId,
      };
      userLocale = session.locale;
      csrfToken = session.csrfToken;
    }
    req.ctx = {
      db: database.db,
      dbKind: database.kind,
      actor,
      organizationId: org.id,
      locale: pickLocale(req.headers['accept-language'], userLocale),
      requestId: req.id,
      ip: req.ip,
      userAgent: String(req.headers['user-agent'] ?? ''),
      config,
      jobs,
    };
    req.csrfToken = csrfToken;
    requireInstalled(req);
    // Cookie-authenticated unsafe requests must echo the session's CSRF token.
    const skipCsrf = req.routeOptions.config?.csrf === false;
    if (
      UNSAFE.has(req.method) &&
      csrfToken &&
      !skipCsrf &&
      !sameToken(req.headers['x-csrf-token'], csrfToken)
    ) {
      throw new AppError('csrf', 403);
    }
    // Access is decided before the body is read: a refused caller's body is never parsed or
    // validated (it costs us nothing and they learn nothing from our validators).
    checkAccess(req);
  };
  const enterAfterLookups = async (req: FastifyRequest) => {
    const org = await resolveOrganization(database.db, req.headers.host);
    const token = req.cookies[SESSION_COOKIE] ?? null;
    req.sessionToken = token;
    enter(req, org, token ? await resolveSession(database.db, token) : null);
  };
  app.addHook('onRequest', (req, _reply, done) => {
    const cookies = req.headers.cookie;
    req.cookies = cookies ? app.parseCookie(cookies) : {};
    const org = cookies ? undefined : organizationInMemory(database.db, req.headers.host);
    if (!org) {
      enterAfterLookups(req).then(() => done(), done);
      return;
    }
    try {
      enter(req, org, null);
    } catch (err) {
      done(err as Error);
      return;
    }
    done();
  });
  installIdempotency(app); // Idempotency-Key: after access and validation, before the handler

  await installApiDocs(app);
  for (const module of allModules) for (const plugin of module.routes ?? []) await app.register(plugin);
  await installWebApp(app, { perMinute: config.HAMKKE_RATE_LIMIT_PER_MINUTE });
  return app;
}
