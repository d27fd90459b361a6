import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { dispatchNow, mailsTo } from '../../../tests/helpers/mail.ts';
import {
  createOtherOrganization,
  HostClient,
  signedInAtOrganization,
} from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { emailMessages } from '../notify/tables.ts';

// Issue 7, finding 1: an account's mail (and the token in it) is filed under the account's own
// organization, never under the organization a request's Host names, whose admins read its dev mailbox.
describe.each(engines)('account emails stay with the account organization on %s', (engine) => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof createOtherOrganization>>;
  let otherAdmin: Awaited<ReturnType<typeof signedInAtOrganization>>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    other = await createOtherOrganization(t);
    otherAdmin = await signedInAtOrganization(t, other, ['admin']);
  });
  afterAll(() => t?.close());

  /** What the other organization's admin can read in its dev mailbox, addressed to `email`. */
  async function otherMailboxFor(email: string) {
    await dispatchNow(t);
    const list = await otherAdmin.client.get('/api/v1/admin/dev-mailbox');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; to: string; text: string }>;
    return items.filter((m) => m.to === email);
  }
  const filedUnder = async (email: string) =>
    (await mailsTo(t, email)).map((m) => [m.subject, m.organizationId]);

  it("files no reset mail for a home admin where another organization's admin can read it", async () => {
    const victim = await signedInAs(t, ['admin']);
    const attacker = new HostClient(t.app, other.host);
    const res = await attacker.post('/api/v1/auth/password-reset', { email: victim.email });
    const unknown = await attacker.post('/api/v1/auth/password-reset', { email: 'nobody-x@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(unknown.body); // the same answer either way
    expect(await otherMailboxFor(victim.email)).toEqual([]);
    // Not a member there: the other site does not reach the account at all.
    expect(await mailsTo(t, victim.email)).toEqual([]);

    // Asked through its own site, the mail is filed under its own organization.
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email: victim.email });
    expect(await filedUnder(victim.email)).toEqual([['[함께] 비밀번호 재설정 안내', t.org.id]]);
    expect(await otherMailboxFor(victim.email)).toEqual([]);
  });

  it('files a reset under the account organization even when the person also belongs to the asking one', async () => {
    const victim = await signedInAs(t, ['admin']);
    // A role in the other organization too (e.g. a youth profile filled in there).
    await t.database.db.execute(
      sql`insert into memberships (organization_id, user_id, role, granted_at) values (${other.id}, ${victim.user.id}, 'youth', now() + interval '1 second')`,
    );
    const res = await new HostClient(t.app, other.host).post('/api/v1/auth/password-reset', {
      email: victim.email,
    });
    expect(res.statusCode).toBe(200);
    expect(await filedUnder(victim.email)).toEqual([['[함께] 비밀번호 재설정 안내', t.org.id]]);
    expect(await otherMailboxFor(victim.email)).toEqual([]);
  });

  it('files verification and sign-up-attempt mails under the account organization', async () => {
    const email = `home-${randomBytes(4).toString('hex')}@example.com`;
    const signup = {
      email,
      password: 'correct-horse-battery',
      displayName: '홍길동',
      consents: { account: true, notifications: false },
    };
    expect((await new TestClient(t.app).post('/api/v1/auth/signup', signup)).statusCode).toBe(201);
    // Someone signs up with the same address through the other site: the owner's notice stays home.
    expect((await new HostClient(t.app, other.host).post('/api/v1/auth/signup', signup)).statusCode).toBe(
      201,
    );
    // Signing in unverified through the other site sends a fresh verification link (the last is old).
    await t.database.db.execute(
      sql`update auth_tokens set created_at = now() - interval '1 hour' where user_id = (select id from users where email_normalized = ${email})`,
    );
    const login = await new HostClient(t.app, other.host).post('/api/v1/auth/login', {
      email,
      password: signup.password,
    });
    expect(login.statusCode).toBe(403);
    const filed = await filedUnder(email);
    expect(filed).toHaveLength(3);
    expect(filed.every(([, org]) => org === t.org.id)).toBe(true);
    expect(await otherMailboxFor(email)).toEqual([]);
  });
});

describe.each(engines)('without SMTP and without the dev mailbox on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_DEV_MAILBOX: '0', HAMKKE_DEMO: '0' });
  });
  afterAll(() => t?.close());

  it('records account mail as not sent, keeps no text, and has no dev mailbox', async () => {
    expect(t.config.mailDisabled).toBe(true);
    const person = await signedInAs(t, ['resident']);
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email: person.email });
    await dispatchNow(t);
    const kept = await t.database.db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.toAddress, person.email)));
    expect(kept).toEqual([
      expect.objectContaining({ transport: 'disabled', bodyText: null, organizationId: t.org.id }),
    ]);
    const admin = await signedInAs(t, ['admin']);
    const list = await admin.client.get('/api/v1/admin/dev-mailbox');
    expect(list.statusCode).toBe(404);
    expect((await admin.client.get(`/api/v1/admin/dev-mailbox/${kept[0].id}`)).statusCode).toBe(404);
  });
});
