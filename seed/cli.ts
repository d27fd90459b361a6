import type { CliCommand } from '../server/platform/cli/types.ts';
import { demoLoaded, loadDemo } from './demo.ts';

export const seedCommands: CliCommand[] = [
  {
    name: 'seed demo',
    usage: 'seed demo — load the 2019 Yeongdeungpo demo data (idempotent)',
    async run(env) {
      const before = await demoLoaded(env.database.db);
      await loadDemo(env.database.db);
      env.out(
        before
          ? 'The demo was already loaded; missing parts were added.'
          : 'Loaded the 2019 Yeongdeungpo demo.',
      );
    },
  },
];
