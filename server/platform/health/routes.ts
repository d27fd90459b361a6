import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { pendingMigrations } from '../db/migrate.ts';
import { routes } from '../http.ts';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  pendingMigrations: z.array(z.string()).optional(),
});

export const healthRoutes = routes((app) => {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: Health } } },
    async (req) => ({
      status: 'ok' as const,
      db: req.ctx.dbKind,
    }),
  );

  // Ready when the database answers and every migration on disk is applied.
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (req, reply) => {
      try {
        await req.ctx.db.execute(sql`select 1`);
        const pending = await pendingMigrations(req.ctx.db);
        if (pending.length > 0)
          return reply
            .status(503)
            .send({ status: 'unavailable', db: req.ctx.dbKind, pendingMigrations: pending });
        return { status: 'ok' as const, db: req.ctx.dbKind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', db: req.ctx.dbKind });
      }
    },
  );
});
