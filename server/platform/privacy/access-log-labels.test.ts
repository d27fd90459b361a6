import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { users } from '../auth/tables.ts';
import { logPersonalDataAccess } from './access-log.ts';

// The personal-data access log in words: what was read and why, and who read it, in the reader's
// language. A record the log could not name is refused when written.
describe.each(engines)('the access log in words on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('refuses a field or a code-given reason without words; a typed reason needs none', async () => {
    const reader = await signedInAs(t, ['admin']);
    const subject = await signedInAs(t, ['resident']);
    const ctx = {
      actor: {
        signedIn: true as const,
        userId: reader.user.id,
        organizationId: t.org.id,
        roles: new Set(),
        sessionId: 's',
      },
      organizationId: t.org.id,
      ip: '127.0.0.1',
      requestId: 'r',
    } as unknown as Parameters<typeof logPersonalDataAccess>[1];
    const write = (input: Omit<Parameters<typeof logPersonalDataAccess>[2], 'subjectUserId'>) =>
      t.database.db.transaction((tx) =>
        logPersonalDataAccess(tx, ctx, { subjectUserId: subject.user.id, ...input }),
      );
    await expect(write({ fields: ['shoeSize'], reason: 'admin.audit.read' })).rejects.toThrow(
      /access\.field\.shoeSize/,
    );
    await expect(write({ fields: ['email'], reason: 'youth.nobody.named' })).rejects.toThrow(
      /access\.reason\.youth\.nobody\.named/,
    );
    await expect(
      write({ fields: ['email'], reason: 'check.this', reasonTyped: true }),
    ).resolves.toBeUndefined();
  });

  it('shows fields, reasons and names in the reader’s language', async () => {
    const asker = await signedInAs(t, ['youth']);
    await t.database.db.update(users).set({ displayName: '박하늘' }).where(eq(users.id, asker.user.id));
    const staff = await signedInAs(t, ['staff']);
    await t.database.db.update(users).set({ displayName: '최주무관' }).where(eq(users.id, staff.user.id));
    // A staff member opens the suggestions, which names their authors.
    await asker.client.post('/api/v1/youth/suggestions', {
      title: '청년 쉼터',
      body: '쉼터를 늘려 주십시오.',
    });
    await staff.client.get('/api/v1/youth/suggestions');

    const admin = await signedInAs(t, ['admin']);
    const url = `/api/v1/admin/personal-data-access-log?subjectUserId=${asker.user.id}`;
    const [ko] = (await admin.client.get(url)).json().items;
    expect(ko).toMatchObject({
      actorLabel: '최주무관',
      subjectLabel: '박*늘',
      fields: ['displayName'],
      fieldLabels: ['이름'],
      reason: 'youth.suggestions.list',
      reasonLabel: '정책 제안 목록 열람',
    });
    const english = await signedInAs(t, ['admin'], { lang: 'en' });
    const [en] = (await english.client.get(url)).json().items;
    expect(en).toMatchObject({
      actorLabel: 'Choe Jumugwan (최주무관)',
      subjectLabel: 'Bak *neul (박*늘)',
      fieldLabels: ['Name'],
      reasonLabel: 'Reading the suggestions',
    });
  });
});
