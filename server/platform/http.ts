import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  FastifyTypeProvider,
  FastifyTypeProviderDefault,
  RawRequestDefaultExpression,
  RawServerBase,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { FastifyRequestType, ResolveFastifyRequestType } from 'fastify/types/type-provider';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Actor, SignedInActor } from './access/actor.ts';
import type { RouteAccess } from './access/authorize.ts';
import type { Database, Db } from './db/connect.ts';
import type { Locale } from './i18n/locale.ts';
import type { Jobs } from './jobs/boss.ts';

/** What every command and query receives: the database, who asks, for which organization, in which language. */
export interface Ctx<A extends Actor = Actor> {
  db: Db;
  dbKind: Database['kind'];
  actor: A;
  organizationId: string;
  locale: Locale;
  requestId: string;
  ip: string;
  userAgent: string;
  config: Config;
  jobs: Jobs;
}

/** The context of a request whose route let only signed-in people through: userId and sessionId are set. */
export type SignedInCtx = Ctx<SignedInActor>;

/**
 * The context a handler gets, from its route's declared access rule: 'signed-in' and `{ action }`
 * routes refuse anonymous callers before the handler runs (app.ts checkAccess), so their handlers
 * get a SignedInCtx; 'public' routes, app hooks and anything undeclared get the plain Ctx. (A route's
 * own onSend/onResponse/onError hooks also run for a refused request: they must not rely on it.)
 */
export type CtxFor<ContextConfig> = ContextConfig extends { access: 'signed-in' | { action: string } }
  ? SignedInCtx
  : Ctx;

declare module 'fastify' {
  // The type parameters repeat Fastify's own (declarations must match) so `ctx` can read ContextConfig,
  // which Fastify infers from the route's `config`.
  interface FastifyRequest<
    RouteGeneric extends RouteGenericInterface = RouteGenericInterface,
    RawServer extends RawServerBase = RawServerDefault,
    RawRequest extends RawRequestDefaultExpression<RawServer> = RawRequestDefaultExpression<RawServer>,
    SchemaCompiler extends FastifySchema = FastifySchema,
    TypeProvider extends FastifyTypeProvider = FastifyTypeProviderDefault,
    ContextConfig = ContextConfigDefault,
    Logger extends FastifyBaseLogger = FastifyBaseLogger,
    RequestType extends FastifyRequestType = ResolveFastifyRequestType<
      TypeProvider,
      SchemaCompiler,
      RouteGeneric
    >,
  > {
    ctx: CtxFor<ContextConfig>;
    /** The raw session token from the cookie, when the request came with one. */
    sessionToken: string | null;
    /** The CSRF token of the signed-in session. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Skip the CSRF check: only for routes that take no cookie-borne authority (login, sign-up). */
    csrf?: false;
  }
}

export type App = FastifyInstance;
export type ZApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export type { FastifyReply, FastifyRequest };

/** Fastify plugin registering a module's routes with the Zod type provider. */
export function routes(register: (app: ZApp) => void | Promise<void>) {
  return async (app: FastifyInstance) => {
    await register(app.withTypeProvider<ZodTypeProvider>());
  };
}
