import { type CliCommand, CliError } from '../cli/types.ts';
import { verifyAuditChain } from './verify.ts';

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify — check the audit log hash chain and name the first broken entry',
    async run(env) {
      const report = await verifyAuditChain(env.database.db);
      if (!report.ok) {
        throw new CliError(
          `Audit chain broken at entry ${report.brokenId}: ${report.reason}. ${report.entries} entries before it are intact.`,
        );
      }
      env.out(`Audit chain OK: ${report.entries} entries`);
    },
  },
];
