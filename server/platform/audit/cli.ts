import { type CliCommand, CliError } from '../cli/types.ts';
import { describeModes, verifyAuditChain } from './verify.ts';

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage:
      'audit verify — check the audit log hash chain (keyed HMAC entries with HAMKKE_SECRET_KEY), say which mode it checked, and name the first broken entry',
    async run(env) {
      const report = await verifyAuditChain(env.database.db, env.config.HAMKKE_SECRET_KEY);
      if (!report.ok) {
        throw new CliError(
          `Audit chain broken at entry ${report.brokenId}: ${report.reason}. ${report.entries} entries before it are intact (${describeModes(report)}).`,
        );
      }
      env.out(`Audit chain OK: ${report.entries} entries, ${describeModes(report)}`);
      // Unkeyed entries alone prove nothing against someone who can write to the database.
      if (env.config.HAMKKE_SECRET_KEY && report.keyed === 0 && report.entries > 0)
        env.out(
          'Note: HAMKKE_SECRET_KEY is set but no entry is keyed yet. Entries written while the key was set are keyed; if there were any, the log was rewritten.',
        );
      if (!env.config.HAMKKE_SECRET_KEY)
        env.out(
          'Note: HAMKKE_SECRET_KEY is not set, so the chain is not keyed: a database writer could recompute it.',
        );
    },
  },
];
