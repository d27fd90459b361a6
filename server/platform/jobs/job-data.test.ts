import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../db/connect.ts';
import { checkJobData, createJobs, defineJob, type Jobs, registerJob } from './boss.ts';

const Count = z.strictObject({ n: z.number().int() });

describe('job data', () => {
  it('is checked against the job’s schema, naming the fields and not their values', () => {
    const job = defineJob('test.count', async () => {}, { payload: Count });
    expect(checkJobData(job, { n: 2 })).toEqual({ n: 2 });
    expect(() => checkJobData(job, { n: 'secret-value' })).toThrow('Job test.count got malformed data: n');
    expect(() => checkJobData(job, { n: 'secret-value' })).not.toThrow(/secret/);
  });

  it('is empty for a job that declares none; a schedule’s missing data counts as empty', () => {
    const sweeper = defineJob('test.sweep', async () => {});
    expect(checkJobData(sweeper, null)).toEqual({});
    expect(() => checkJobData(sweeper, { stray: 1 })).toThrow('Job test.sweep got malformed data: (data)');
  });
});

describe.each(engines)('jobs with data on %s', (engine) => {
  let database: TestDatabase;
  let jobs: Jobs;
  const received: unknown[] = [];
  const name = `test.count.${engine}`;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    registerJob(defineJob(name, async (data) => void received.push(data), { payload: Count }));
    jobs = createJobs(database, loadConfig({ HAMKKE_LOG_LEVEL: 'silent' }), database.url);
    await jobs.start();
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('refuses malformed data at send, and hands the worker the parsed data', async () => {
    await expect(jobs.send(name, { n: 1.5 })).rejects.toThrow(`Job ${name} got malformed data: n`);
    await jobs.work(name);
    await jobs.send(name, { n: 3 });
    await expect.poll(() => received, { timeout: 30_000, interval: 200 }).toEqual([{ n: 3 }]);
  });

  it('fails a queued job whose data does not fit (queued by an older release) without running it', async () => {
    const late = `test.late.${engine}`;
    await jobs.send(late, { n: 'x' }); // not defined yet: sent as it is
    let ran = false;
    registerJob(
      defineJob(
        late,
        async () => {
          ran = true;
        },
        { payload: Count },
      ),
    );
    await jobs.work(late);
    const state = () =>
      queryRows<{ state: string; message: string | null }>(
        database.db,
        sql`select state::text, output->>'message' as message from pgboss.job where name = ${late}`,
      );
    await expect
      .poll(state, { timeout: 30_000, interval: 200 })
      .toEqual([
        { state: expect.stringMatching(/^(retry|failed)$/), message: `Job ${late} got malformed data: n` },
      ]);
    expect(ran).toBe(false);
  });
});
