import { z } from 'zod';
import { ROLE_NAMES } from '../../../contracts/auth.ts';
import { Email, Password } from '../../../contracts/common.ts';
import { cliOrganization } from '../cli/organization.ts';
import { type CliCommand, CliError } from '../cli/types.ts';
import { createVerifiedUser, findUserByEmail } from './commands.ts';

const UserInput = z.object({
  email: Email,
  password: Password,
  role: z.array(z.enum(ROLE_NAMES)).min(1),
  org: z.string().optional(),
  name: z.string().min(1).max(100).optional(),
});

export const authCommands: CliCommand[] = [
  {
    name: 'user add',
    usage: `user add --email E --password P --role R [--role R2] [--org SLUG] [--name N] — add a verified account (roles: ${ROLE_NAMES.join(', ')})`,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      name: { type: 'string' },
    },
    async run(env, values) {
      const parsed = UserInput.safeParse(values);
      if (!parsed.success)
        throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
      const v = parsed.data;
      const db = env.database.db;
      const org = await cliOrganization(db, v.org);
      if (await findUserByEmail({ db }, v.email))
        throw new CliError(`An account with the email ${v.email} already exists.`);
      const user = await createVerifiedUser(db, {
        email: v.email,
        password: v.password,
        displayName: v.name,
        organizationId: org.id,
        roles: v.role,
      });
      env.out(`Added ${user.email} (${user.id}) to ${org.slug} with role ${v.role.join(', ')}.`);
    },
  },
];
