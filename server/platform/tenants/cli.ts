import { z } from 'zod';
import { type CliCommand, CliError } from '../cli/types.ts';
import { ensureOrganization } from './commands.ts';
import { findOrganizationBySlug, forgetOrganizations } from './queries.ts';

const OrgInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'slug: 2–40 lowercase letters, digits or hyphens'),
  'name-ko': z.string().min(1).max(200),
  'name-en': z.string().min(1).max(200),
  host: z.string().min(1).max(253).optional(),
});

export const tenantCommands: CliCommand[] = [
  {
    name: 'org add',
    usage: 'org add --slug S --name-ko 이름 --name-en Name [--host H] — add an organization (tenant)',
    options: {
      slug: { type: 'string' },
      'name-ko': { type: 'string' },
      'name-en': { type: 'string' },
      host: { type: 'string' },
    },
    async run(env, values) {
      const parsed = OrgInput.safeParse(values);
      if (!parsed.success)
        throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
      const v = parsed.data;
      if (await findOrganizationBySlug(env.database.db, v.slug))
        throw new CliError(`An organization with slug ${v.slug} already exists.`);
      const org = await ensureOrganization(env.database.db, {
        slug: v.slug,
        nameKo: v['name-ko'],
        nameEn: v['name-en'],
        host: v.host,
      });
      await forgetOrganizations(env.database.db); // running servers see it at once
      env.out(`Added organization ${org.slug} (${org.id})${org.isDefault ? ' as the default' : ''}.`);
    },
  },
];
