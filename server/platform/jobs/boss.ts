import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database, Db, DbOrTx } from '../db/connect.ts';
import { serializeError } from '../errors.ts';
import { assertModulesInstalled } from '../modules/installed.ts';

// Jobs live in the database (pg-boss), so any number of app and worker processes share them.
export interface JobEnv {
  db: Db;
  config: Config;
  jobs: Jobs;
}
export type JobData = Record<string, unknown>;
export type JobHandler<D extends JobData = JobData> = (data: D, env: JobEnv) => Promise<void>;

export interface Jobs {
  /** Enqueue a job; with `tx` it commits or rolls back with the caller's transaction. */
  send(
    name: string,
    data?: Record<string, unknown>,
    opts?: { tx?: DbOrTx; singletonKey?: string; startAfter?: Date },
  ): Promise<void>;
  /** Handle a queue in this process, with its defined handler unless one is given. */
  work(name: string, handler?: JobHandler): Promise<void>;
  /** Work every defined job and keep their schedules (worker processes). */
  workAll(): Promise<void>;
  /** Install or update the schema and create every defined queue. Call before sending inside a transaction. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobDefinition {
  name: string;
  /** What the job's data must be: send() refuses anything else and the worker checks it again. */
  payload: z.ZodType<JobData>;
  handler: JobHandler;
  /** A cron schedule (UTC) on which the job also runs by itself, e.g. a sweeper. */
  cron?: string;
}
const registry = new Map<string, JobDefinition>();

/** The data of a job that takes none (sweepers, "dispatch now", schedules). */
export const NoJobData = z.strictObject({});

/**
 * Declares a job; its module lists it and the composition root installs it (worker processes work
 * them all). `payload` is the Zod schema of its data (none by default); the handler gets it parsed.
 */
export function defineJob<S extends z.ZodType<JobData> = typeof NoJobData>(
  name: string,
  handler: JobHandler<z.output<S>>,
  opts: { cron?: string; payload?: S } = {},
): JobDefinition {
  return { name, payload: opts.payload ?? NoJobData, handler: handler as JobHandler, cron: opts.cron };
}

/** The job's data checked against its schema; the error names the job and the fields, not their values. */
export function checkJobData(job: Pick<JobDefinition, 'name' | 'payload'>, data: unknown): JobData {
  const result = job.payload.safeParse(data ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => i.path.join('.') || '(data)').join(', ');
  throw new Error(`Job ${job.name} got malformed data: ${fields}`);
}

export function registerJob(job: JobDefinition): void {
  if (registry.has(job.name)) throw new Error(`Job ${job.name} is defined twice`);
  registry.set(job.name, job);
}

export function definedJobs(): ReadonlyMap<string, JobDefinition> {
  assertModulesInstalled('Jobs');
  return registry;
}

export function createJobs(
  database: Database,
  config: Config,
  url: string | undefined = config.DATABASE_URL,
): Jobs {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: url, max: 4, schema: 'pgboss' });
  boss.on('error', (err) => console.error('[jobs]', serializeError(err).message));
  let started: Promise<void> | null = null;
  let ready = false;
  const queues = new Set<string>();
  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  }
  const jobs: Jobs = {
    async start() {
      started ??= (async () => {
        await boss.start();
        for (const name of definedJobs().keys()) await ensureQueue(name);
        ready = true;
      })();
      await started;
    },
    async send(name, data = {}, opts = {}) {
      // Starting or creating a queue uses pg-boss's own connection: inside a transaction on PGlite's
      // single connection that would wait forever, so it must have happened before.
      if (opts.tx && (!ready || !queues.has(name))) {
        throw new Error(`jobs.start() must run (and ${name} be defined) before sending inside a transaction`);
      }
      await jobs.start();
      // A defined job's data is checked here, in the sender's stack, not later in a worker's log.
      const defined = definedJobs().get(name);
      const checked = defined ? checkJobData(defined, data) : data;
      await ensureQueue(name);
      await boss.send(name, checked, {
        singletonKey: opts.singletonKey,
        startAfter: opts.startAfter,
        ...(opts.tx ? { db: fromDrizzle(opts.tx as never, sql as never) } : {}),
      });
    },
    async work(name, handler) {
      const defined = definedJobs().get(name);
      const run = handler ?? defined?.handler;
      if (!run) throw new Error(`No handler for job ${name}`);
      await jobs.start();
      await ensureQueue(name);
      const env: JobEnv = { db: database.db, config, jobs };
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (batch) => {
        // Checked again: a job may have been queued by an older release or by hand. A bad one fails.
        for (const job of batch) {
          await run(defined ? checkJobData(defined, job.data) : ((job.data ?? {}) as JobData), env);
        }
      });
    },
    async workAll() {
      for (const [name, def] of definedJobs()) {
        await jobs.work(name);
        if (def.cron) await boss.schedule(name, def.cron);
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000, close: database.kind === 'postgres' });
    },
  };
  return jobs;
}
