import { seedCommands } from '../seed/cli.ts';
import { governanceCommands } from './modules/governance/cli.ts';
import { youthCommands } from './modules/youth/cli.ts';
import { auditCommands } from './platform/audit/cli.ts';
import { authCommands } from './platform/auth/cli.ts';
import type { CliCommand } from './platform/cli/types.ts';
import { dbCommands } from './platform/db/cli.ts';
import { tenantCommands } from './platform/tenants/cli.ts';

// Every admin command, from the module or platform folder that owns it.
export const cliCommands: CliCommand[] = [
  ...dbCommands,
  ...tenantCommands,
  ...authCommands,
  ...seedCommands,
  ...auditCommands,
  ...youthCommands,
  ...governanceCommands,
];
