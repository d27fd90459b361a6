import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Actor } from './access/actor.ts';
import type { RouteAccess } from './access/authorize.ts';
import type { Database, Db } from './db/connect.ts';
import type { Locale } from './i18n/locale.ts';
import type { Jobs } from './jobs/boss.ts';

/** What every command and query receives: the database, who asks, for which organization, in which language. */
export interface Ctx {
  db: Db;
  dbKind: Database['kind'];
  actor: Actor;
  organizationId: string;
  locale: Locale;
  requestId: string;
  ip: string;
  userAgent: string;
  config: Config;
  jobs: Jobs;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
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
