import { randomUUID, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { moduleRoutes } from './modules/index.ts';
import { anonymous, type Role } from './platform/access/actor.ts';
import { authorize, hasPolicy } from './platform/access/authorize.ts';
import { resolveSession, SESSION_COOKIE } from './platform/auth/sessions.ts';
import type { Database } from './platform/db/connect.ts';
import { AppError } from './platform/errors.ts';
import { installErrorHandling } from './platform/errors-http.ts';
import { pickLocale } from './platform/i18n/locale.ts';
import type { Jobs } from './platform/jobs/boss.ts';
import { installApiDocs } from './platform/openapi.ts';
import { platformRoutes } from './platform/routes.ts';
import { resolveOrganization } from './platform/tenants/queries.ts';
import { installWebApp } from './platform/web.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  jobs: Jobs;
  logger?: FastifyServerOptions['logger'];
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

export async function buildApp({ config, database, jobs, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.HAMKKE_LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: config.HAMKKE_BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.HAMKKE_TRUST_PROXY),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, config.HAMKKE_BODY_LIMIT_BYTES);

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

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false, // sent below, only over HTTPS
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  // Per process: a guard against floods. Login throttling, which must hold across processes, is in the database.
  await app.register(rateLimit, {
    max: config.HAMKKE_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', 429, { seconds: Math.ceil(ctx.ttl / 1000) }),
  });

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const org = await resolveOrganization(database.db, req.headers.host);
    const token = req.cookies[SESSION_COOKIE] ?? null;
    req.sessionToken = token;
    let actor = anonymous(org.id);
    let userLocale: string | null = null;
    let csrfToken: string | null = null;
    if (token) {
      const session = await resolveSession(database.db, token);
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
  });
  // Access is checked before the body is validated: a refused caller learns nothing from our validators.
  app.addHook('preValidation', async (req) => {
    if (req.is404) return; // the not-found handler only answers with an error
    const access = req.routeOptions.config?.access;
    if (!access) throw new AppError('forbidden', 403); // unreachable after onReady, kept as deny-by-default
    if (access === 'public') return;
    if (access === 'signed-in') {
      if (!req.ctx.actor.signedIn) throw new AppError('unauthenticated', 401);
      return;
    }
    authorize(req.ctx.actor, access.action);
  });

  await installApiDocs(app);
  for (const plugin of [...platformRoutes, ...moduleRoutes]) await app.register(plugin);
  await installWebApp(app);
  return app;
}
