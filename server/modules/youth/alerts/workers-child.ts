import { once } from 'node:events';
import { installAllModules } from '../../../composition.ts';
import { loadConfig } from '../../../config.ts';
import { openPostgres } from '../../../platform/db/connect.ts';
import { runDailyAlerts } from './daily.ts';

// One alert worker as its own process, for workers.test.ts: opens its own pool on DATABASE_URL,
// says "ready", waits for a line on stdin (so two workers start together), runs the daily alert
// job for ALERT_DAY and prints its result. Not part of the app.
const url = process.env.DATABASE_URL;
const day = process.env.ALERT_DAY;
if (!url || !day) throw new Error('DATABASE_URL and ALERT_DAY are required');
installAllModules(); // as every entry point does: kinds and preferences come from the modules
const database = openPostgres(url, 2);
const config = loadConfig({
  HAMKKE_LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  HAMKKE_SECRET_KEY: process.env.TEST_SECRET_KEY,
});
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const result = await runDailyAlerts(database.db, { config }, day);
process.stdout.write(`${JSON.stringify(result)}\n`);
await database.close();
process.exit(0);
