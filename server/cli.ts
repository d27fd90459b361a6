import { parseArgs } from 'node:util';
import { cliCommands } from './cli-commands.ts';
import { installAllModules } from './composition.ts';
import { ConfigError, loadConfig } from './config.ts';
import { CliError } from './platform/cli/types.ts';
import { openDatabase } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';

// Admin CLI: `npm run cli -- <command> [--flags]`. Exit 0 on success, 1 with a message otherwise.
function usage(): string {
  return ['Usage: npm run cli -- <command> [options]', '', ...cliCommands.map((c) => `  ${c.usage}`)].join(
    '\n',
  );
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const command = [...cliCommands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((w, i) => words[i] === w));
  if (!command) {
    console.error(argv.length ? `Unknown command: ${argv.join(' ')}\n\n${usage()}` : usage());
    return argv.length && !argv.includes('--help') ? 1 : 0;
  }
  const rest = argv.slice(argv.indexOf(command.name.split(' ').at(-1)!) + 1);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: npm run cli -- ${command.usage}`);
    return 1;
  }
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const config = loadConfig();
    installAllModules();
    if (!command.offline) {
      database = await openDatabase(config, `cli ${command.name}`);
      const ran = await migrate(database.db);
      if (ran.length) out(`Applied ${ran.length} migration(s).`);
    }
    await command.run({ config, database: database!, out }, parsed.values as never, parsed.positionals);
    return 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(
        `${err.message}\nThe server holds the embedded database while it runs; stop it, or run the CLI against PostgreSQL (DATABASE_URL).`,
      );
    } else if (err instanceof ConfigError || err instanceof CliError) {
      console.error(err.message);
    } else {
      console.error(`Failed: ${(err as Error).message}`);
    }
    return 1;
  } finally {
    await database?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
