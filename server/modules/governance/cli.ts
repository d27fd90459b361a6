import { existsSync } from 'node:fs';
import path from 'node:path';
import { type CliCommand, CliError } from '../../platform/cli/types.ts';
import { computeMap, exportOptions, mapJson, readPolisExport } from './deliberation/index.ts';

// Governance admin commands. `deliberation map` reads a Pol.is open-data export and prints the
// opinion map computed from its votes, storing nothing.
export const governanceCommands: CliCommand[] = [
  {
    name: 'deliberation map',
    usage:
      'deliberation map DIR [--json] — opinion map of a Pol.is export folder (comments.csv, votes.csv), not stored',
    options: { json: { type: 'boolean' } },
    offline: true,
    async run(env, values, positionals) {
      const dir = positionals[0];
      if (!dir) throw new CliError('Usage: npm run cli -- deliberation map DIR [--json]');
      for (const file of ['comments.csv', 'votes.csv'])
        if (!existsSync(path.join(dir, file))) throw new CliError(`${dir} has no ${file}.`);
      let data: Awaited<ReturnType<typeof readPolisExport>>;
      try {
        data = await readPolisExport(dir);
      } catch (e) {
        throw new CliError(`Cannot read the export in ${dir}: ${(e as Error).message.slice(0, 300)}`);
      }
      const map = computeMap(data.votes, exportOptions(data));
      const json = mapJson(map, data.votes.participantIds);
      if (values.json) {
        env.out(JSON.stringify(json));
        return;
      }
      const clustered = map.clustered.reduce((a, b) => a + b, 0);
      env.out(
        `${map.matrix.participantIds.length} participants (${clustered} clustered, at least ${map.voteThreshold} votes), ${map.matrix.commentIds.length} statements, ${json.groups.length} groups`,
      );
      for (const g of json.groups)
        env.out(
          `  group ${g.id}: ${g.members.length} members; representative ${g.representative.join(', ')}`,
        );
      env.out(`consensus: ${json.consensus.join(', ') || '-'}`);
    },
  },
];
