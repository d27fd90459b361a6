import type { Config } from '../../config.ts';
import type { Database } from '../db/connect.ts';

export interface CliEnv {
  config: Config;
  database: Database;
  out: (line: string) => void;
}

/** One admin command: `npm run cli -- <name> [--flags]`. Throw CliError for a plain message and exit 1. */
export interface CliCommand {
  name: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  /** Works on files alone: the database is not opened (env.database must not be used). */
  offline?: boolean;
  run(
    env: CliEnv,
    values: Record<string, string | boolean | string[] | undefined>,
    positionals: string[],
  ): Promise<void>;
}

export class CliError extends Error {}
