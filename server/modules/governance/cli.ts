import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cliOrganization } from '../../platform/cli/organization.ts';
import { type CliCommand, CliError } from '../../platform/cli/types.ts';
import { AppError } from '../../platform/errors.ts';
import { computeMap, exportOptions, mapJson, readPolisExport } from './deliberation/index.ts';
import { EXPORT_FILES, exportDeliberation, importPolisExport } from './deliberations/index.ts';

async function readExport(dir: string) {
  for (const file of ['comments.csv', 'votes.csv'])
    if (!existsSync(path.join(dir, file))) throw new CliError(`${dir} has no ${file}.`);
  try {
    return await readPolisExport(dir);
  } catch (e) {
    throw new CliError(`Cannot read the export in ${dir}: ${(e as Error).message.slice(0, 300)}`);
  }
}

// Governance admin commands. `deliberation map` reads a Pol.is open-data export and prints the
// opinion map computed from its votes, storing nothing; `deliberation import` stores one as a
// deliberation (its voters as imported participants with no account); `deliberation export` writes a
// stored one back as a Pol.is export (pseudonymous participant numbers, our map's group ids).
export const governanceCommands: CliCommand[] = [
  {
    name: 'deliberation export',
    usage:
      'deliberation export ID DIR [--org SLUG] — write a stored deliberation as a Pol.is export (comments.csv, votes.csv, participants-votes.csv)',
    options: { org: { type: 'string' } },
    async run(env, values, positionals) {
      const [id, dir] = positionals;
      if (!id || !dir) throw new CliError('Usage: npm run cli -- deliberation export ID DIR [--org SLUG]');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
        throw new CliError(
          `${id.slice(0, 40)} is not a deliberation id (a UUID, as \`deliberation import\` prints).`,
        );
      const org = await cliOrganization(
        env.database.db,
        typeof values.org === 'string' ? values.org : undefined,
      );
      let files: Awaited<ReturnType<typeof exportDeliberation>>;
      try {
        files = await exportDeliberation(env.database.db, org.id, id.toLowerCase());
      } catch (e) {
        if (e instanceof AppError && e.status === 404)
          throw new CliError(`No deliberation ${id} in ${org.slug}.`);
        throw e;
      }
      await mkdir(dir, { recursive: true });
      for (const file of EXPORT_FILES) await writeFile(path.join(dir, file), files[file]);
      env.out(`deliberation ${id}: wrote ${EXPORT_FILES.join(', ')} to ${dir}`);
    },
  },
  {
    name: 'deliberation import',
    usage:
      'deliberation import DIR [--org SLUG] [--title TEXT] — create a deliberation from a Pol.is export folder',
    options: { org: { type: 'string' }, title: { type: 'string' } },
    async run(env, values, positionals) {
      const dir = positionals[0];
      if (!dir)
        throw new CliError('Usage: npm run cli -- deliberation import DIR [--org SLUG] [--title TEXT]');
      const data = await readExport(dir);
      const summary = new Map(data.summary);
      const title = (
        typeof values.title === 'string' ? values.title : (summary.get('topic') ?? path.basename(dir))
      )
        .trim()
        .slice(0, 200);
      const description = [summary.get('conversation-description'), summary.get('url')]
        .filter((s) => s && s.trim() !== '')
        .join('\n')
        .slice(0, 4000);
      const org = await cliOrganization(
        env.database.db,
        typeof values.org === 'string' ? values.org : undefined,
      );
      let result: Awaited<ReturnType<typeof importPolisExport>>;
      try {
        result = await importPolisExport(env.database.db, org.id, data, {
          title: title || path.basename(dir),
          description,
        });
      } catch (e) {
        throw new CliError(`Cannot import ${dir}: ${(e as Error).message.slice(0, 300)}`);
      }
      env.out(
        `deliberation ${result.deliberationId}: ${result.statements} statements, ${result.participants} imported participants, ${result.votes} votes`,
      );
    },
  },
  {
    name: 'deliberation map',
    usage:
      'deliberation map DIR [--json] — opinion map of a Pol.is export folder (comments.csv, votes.csv), not stored',
    options: { json: { type: 'boolean' } },
    offline: true,
    async run(env, values, positionals) {
      const dir = positionals[0];
      if (!dir) throw new CliError('Usage: npm run cli -- deliberation map DIR [--json]');
      const data = await readExport(dir);
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
