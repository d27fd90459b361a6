import type { CliCommand } from '../cli/types.ts';
import { migrate } from './migrate.ts';

export const dbCommands: CliCommand[] = [
  {
    name: 'db migrate',
    usage: 'db migrate — apply pending database migrations',
    async run(env) {
      const ran = await migrate(env.database.db);
      env.out(
        ran.length ? `Applied ${ran.length} migration(s): ${ran.join(', ')}` : 'The database is up to date.',
      );
    },
  },
];
