import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { openPglite, openPostgres } from '../../server/platform/db/connect.ts';

// The one-trivial-query ceiling: a bare Fastify route doing `select 1` through the same connection
// code as the server (PGlite in BENCH_DATA_DIR, or PostgreSQL at DATABASE_URL, pool of 10).
const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL)
  : await openPglite(process.env.BENCH_DATA_DIR, { lockCommand: 'bench trivial-query' });

const app = Fastify({ logger: false });
app.get('/', async () => {
  await database.db.execute(sql`select 1`);
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
