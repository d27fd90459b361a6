import { prepareDemo } from '../seed/demo.ts';
import { buildApp } from './app.ts';
import { installAllModules } from './composition.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { serializeError } from './platform/errors.ts';
import { NO_ORGANIZATION_LINES, startWarnings } from './platform/health/start-warnings.ts';
import { createJobs } from './platform/jobs/boss.ts';
import { organizations } from './platform/tenants/tables.ts';

// Starts the HTTP server and the job workers (HAMKKE_ROLE picks one or both).
async function main(): Promise<void> {
  const config = loadConfig();
  for (const line of startWarnings(config)) console.warn(line);
  installAllModules();
  const database = await openDatabase(config, 'server');
  const ran = await migrate(database.db);
  if (ran.length) console.log(`Applied ${ran.length} migration(s).`);
  const demoLines = config.demo ? await prepareDemo(database.db) : [];

  const jobs = createJobs(database, config);
  await jobs.start();
  if (config.HAMKKE_ROLE !== 'web') await jobs.workAll();
  const app = config.HAMKKE_ROLE === 'worker' ? null : await buildApp({ config, database, jobs });
  // A long queue of connections not yet accepted: at an opening minute thousands connect within a
  // second, and past Node's default of 511 the kernel resets the rest (the system caps it at somaxconn).
  if (app) await app.listen({ port: config.PORT, host: config.HOST, backlog: 4096 });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await app?.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = config.HAMKKE_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  console.log(
    `\n함께 Hamkke is running (${database.kind}${config.demo ? ', demo mode' : ''}, role ${config.HAMKKE_ROLE}).`,
  );
  if (app) console.log(`Open ${url}`);
  for (const line of demoLines) console.log(line);
  const [anyOrganization] = await database.db.select({ id: organizations.id }).from(organizations).limit(1);
  if (!anyOrganization) for (const line of NO_ORGANIZATION_LINES) console.warn(line);
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    // Serialised without query parameters: a failing start-up query may carry personal data.
    const e = serializeError(err);
    console.error(`Hamkke could not start: ${e.type}: ${e.message}${e.stack}`);
  }
  process.exit(1);
});
