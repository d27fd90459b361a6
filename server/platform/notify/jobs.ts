import { defineJob } from '../jobs/boss.ts';
import { dispatchPending } from './dispatch.ts';
import { DISPATCH_JOB } from './outbox.ts';

// Sent after each outbox write; the minute schedule sweeps rows waiting out a retry back-off.
export const dispatchJob = defineJob(
  DISPATCH_JOB,
  async (_data, env) => {
    await dispatchPending({ db: env.db, config: env.config });
  },
  { cron: '* * * * *' },
);
