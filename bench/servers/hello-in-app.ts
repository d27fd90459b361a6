import Fastify from 'fastify';
import { buildApp } from '../../server/app.ts';
import { installAllModules } from '../../server/composition.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/platform/db/connect.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { createJobs } from '../../server/platform/jobs/boss.ts';

// The process ceiling: a bare Fastify hello served from a process that also holds the whole app
// (built and ready on its database, job queue started, but not listening). Its distance from the
// plain hello is what the process costs every request before our request path does anything.
installAllModules();
const config = loadConfig();
const database = await openDatabase(config, 'bench hello-in-app');
await migrate(database.db);
const jobs = createJobs(database, config);
await jobs.start();
const ours = await buildApp({ config, database, jobs, logger: false });
await ours.ready();

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  await ours.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
