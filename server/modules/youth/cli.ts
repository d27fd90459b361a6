import { readFile } from 'node:fs/promises';
import { cliOrganization } from '../../platform/cli/organization.ts';
import { type CliCommand, CliError } from '../../platform/cli/types.ts';
import { importPolicies, recordsOf } from './policies/national-import/index.ts';

// Youth admin commands. Output names records by index and plcyNo only: the source's free texts
// and *PicNm fields hold officials' names and phone numbers.
export const youthCommands: CliCommand[] = [
  {
    name: 'import youth-policies',
    usage: 'import youth-policies FILE [--org SLUG] — import 온통청년 getPlcy JSON (envelope or array)',
    options: { org: { type: 'string' } },
    async run(env, values, positionals) {
      const file = positionals[0];
      if (!file) throw new CliError('Usage: npm run cli -- import youth-policies FILE');
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new CliError(`Cannot read ${file} as JSON: ${(e as Error).message.slice(0, 200)}`);
      }
      const records = recordsOf(body);
      if (!records)
        throw new CliError(`${file} holds no result.youthPolicyList and is not an array of policies.`);
      const db = env.database.db;
      const slug = typeof values.org === 'string' ? values.org : undefined;
      const org = await cliOrganization(db, slug);
      const result = await importPolicies(
        db,
        { actor: { userId: null }, organizationId: org.id, config: env.config }, // config: imports alert people
        records,
        'en',
      );
      env.out(`imported ${result.imported}, updated ${result.updated}, rejected ${result.rejected.length}`);
      for (const r of result.rejected) env.out(`  #${r.index} ${r.externalId ?? '-'}: ${r.reason}`);
      if (records.length > 0 && result.imported + result.updated === 0)
        throw new CliError('No record could be imported.');
    },
  },
];
