import { randomBytes } from 'node:crypto';
import { createVerifiedUser } from '../../server/platform/auth/commands.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './client.ts';

/** Creates a verified user with the roles and returns a client signed in as them. */
export async function signedInAs(t: TestApp, roles: string[], opts: { lang?: string; email?: string } = {}) {
  const email = opts.email ?? `${roles.join('-') || 'nobody'}-${randomBytes(4).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const user = await createVerifiedUser(t.database.db, { email, password, organizationId: t.org.id, roles });
  const client = new TestClient(t.app, opts.lang);
  await client.login(email, password);
  return { client, user, email, password };
}
