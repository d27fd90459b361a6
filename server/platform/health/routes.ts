import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common.ts';
import type { Config } from '../../config.ts';
import { memberships, users } from '../auth/tables.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { routes } from '../http.ts';
import { isInstalled } from '../tenants/first-run.ts';

const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
});

const Ready = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  /** What a fresh install still lacks: no organization is unready; no admin is only reported. */
  missing: z.array(z.enum(['organization', 'admin'])).optional(),
  pendingMigrations: z.array(z.string()).optional(),
  /** How email leaves: `disabled` (no SMTP_URL, no dev mailbox) is reported, not unready. */
  mail: z.enum(['smtp', 'dev-mailbox', 'disabled']),
});

const mailMode = (config: Config): z.infer<typeof Ready>['mail'] =>
  config.SMTP_URL ? 'smtp' : config.devMailbox ? 'dev-mailbox' : 'disabled';

export const healthRoutes = routes((app) => {
  // The process is up: answers even before the first organization exists. Not rate-limited: load
  // balancers ask often from one address, and the limiter would cost more than the answer.
  app.get(
    '/healthz',
    {
      config: { access: 'public', beforeInstall: true, rateLimit: false },
      schema: { tags: ['health'], response: { 200: Health } },
    },
    async (req) => ({ status: 'ok' as const, db: req.ctx.dbKind }),
  );

  // Ready when the database answers, every migration on disk is applied and an organization exists.
  // A failure before the handler (the database down while the tenant is looked up) answers the error body.
  app.get(
    '/readyz',
    {
      config: { access: 'public', beforeInstall: true },
      schema: { tags: ['health'], response: { 200: Ready, 503: z.union([Ready, ErrorBody]) } },
    },
    async (req, reply) => {
      const base = { db: req.ctx.dbKind, mail: mailMode(req.ctx.config) };
      try {
        await req.ctx.db.execute(sql`select 1`);
        const pending = await pendingMigrations(req.ctx.db);
        const missing: ('organization' | 'admin')[] = [];
        if (!isInstalled(req)) missing.push('organization', 'admin');
        else if (pending.length === 0) {
          const [admin] = await req.ctx.db
            .select({ userId: memberships.userId })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(
              and(
                eq(memberships.organizationId, req.ctx.organizationId),
                eq(memberships.role, 'admin'),
                isNull(users.deletedAt),
              ),
            )
            .limit(1);
          if (!admin) missing.push('admin');
        }
        const ready = pending.length === 0 && !missing.includes('organization');
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ok' : 'unavailable',
          ...base,
          ...(missing.length > 0 ? { missing } : {}),
          ...(pending.length > 0 ? { pendingMigrations: pending } : {}),
        });
      } catch {
        return reply.status(503).send({ status: 'unavailable', ...base });
      }
    },
  );
});
