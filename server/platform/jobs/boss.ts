import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Database, DbOrTx } from '../db/connect.ts';

// Jobs live in the database (pg-boss), so any number of app and worker processes share them.
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface Jobs {
  /** Enqueue a job; with `tx` it commits or rolls back with the caller's transaction. */
  send(name: string, data?: Record<string, unknown>, opts?: { tx?: DbOrTx; singletonKey?: string; startAfter?: Date }): Promise<void>;
  /** Handle jobs of a queue in this process. */
  work(name: string, handler: JobHandler): Promise<void>;
  schedule(name: string, cron: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const registry = new Map<string, JobHandler>();

/** Modules register their job handlers at import; a worker process works them all. */
export function defineJob(name: string, handler: JobHandler): void {
  if (registry.has(name)) throw new Error(`Job ${name} is defined twice`);
  registry.set(name, handler);
}
export function definedJobs(): ReadonlyMap<string, JobHandler> {
  return registry;
}

export function createJobs(database: Database, url?: string): Jobs {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: url, max: 4, schema: 'pgboss' });
  boss.on('error', (err) => console.error('[jobs]', err.message));
  let started: Promise<unknown> | null = null;
  const queues = new Set<string>();
  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  }
  return {
    async start() {
      started ??= boss.start();
      await started;
    },
    async send(name, data = {}, opts = {}) {
      await this.start();
      await ensureQueue(name);
      await boss.send(name, data, {
        singletonKey: opts.singletonKey,
        startAfter: opts.startAfter,
        ...(opts.tx ? { db: fromDrizzle(opts.tx as never, sql as never) } : {}),
      });
    },
    async work(name, handler) {
      await this.start();
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler((job.data ?? {}) as Record<string, unknown>);
      });
    },
    async schedule(name, cron) {
      await this.start();
      await ensureQueue(name);
      await boss.schedule(name, cron);
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000, close: database.kind === 'postgres' });
    },
  };
}
