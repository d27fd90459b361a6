import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ensureOrganization } from '../../seed/builders/organization.ts';
import { createVerifiedUser } from '../../server/platform/auth/commands.ts';
import { forgetOrganizations } from '../../server/platform/tenants/queries.ts';
import type { Organization } from '../../server/platform/tenants/tables.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './client.ts';

/** A client that always sends one Host header, so its requests reach that host's organization. */
export class HostClient extends TestClient {
  constructor(
    app: FastifyInstance,
    public readonly host: string,
    lang = 'ko',
  ) {
    super(app, lang);
  }
  override request(opts: InjectOptions & { method: string; url: string }) {
    return super.request({
      ...opts,
      headers: { host: this.host, ...(opts.headers as Record<string, string>) },
    });
  }
}

/** A second organization served at its own host name. */
export async function createOtherOrganization(
  t: TestApp,
  slug = `other-${randomBytes(3).toString('hex')}`,
): Promise<Organization & { host: string }> {
  const host = `${slug}.example.org`;
  const org = await ensureOrganization(t.database.db, {
    slug,
    nameKo: '다른 기관',
    nameEn: 'Another organization',
    host,
  });
  forgetOrganizations(t.database.db);
  return { ...org, host };
}

/** Signs in a new user who holds the roles in the organization at that host. */
export async function signedInAtOrganization(t: TestApp, org: { id: string; host: string }, roles: string[]) {
  const email = `${roles.join('-') || 'nobody'}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const user = await createVerifiedUser(t.database.db, { email, password, organizationId: org.id, roles });
  const client = new HostClient(t.app, org.host);
  await client.login(email, password);
  return { client, user, email, password };
}
