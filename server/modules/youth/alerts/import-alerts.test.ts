import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youthPolicyRecords } from '../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { notifications, outbox } from '../../../platform/notify/tables.ts';
import { importPolicies } from '../policies/national-import/index.ts';
import { youthAlerts } from './tables.ts';

type Rec = Record<string, string>;
const all = youthPolicyRecords();
const rec = (plcyNo: string) => all.find((r) => r.plcyNo === plcyNo)!;
/** Always open, Seongbuk-gu (11290), unemployed 19–39, keyword 교육지원. */
const ALWAYS_OPEN = '20240418005400200013';
/** Keyword 교육지원 but applications closed (0057003). */
const CLOSED_KIND = '20250102005400210024';
/** Keyword 교육지원, its only round ended in 2025. */
const PAST_ROUND = '20250108005400210069';

describe.each(engines)('alerts from a policy import on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const alertsOf = (userId: string) =>
    queryRows<{ kind: string; external_id: string; concerns: string }>(
      t.database.db,
      sql`select a.kind, y.external_id, a.concerns from youth_alerts a join youth_policies y on y.id = a.policy_id
          where a.user_id = ${userId} order by a.id`,
    );
  const bell = (userId: string, kind: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  const run = (records: Rec[]) =>
    importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id, config: t.config },
      records,
      'ko',
    );

  it('new open policies alert the people they fit and followers; re-imports only on a change', async () => {
    const follower = await signedInAs(t, ['youth']);
    expect(
      (await follower.client.post('/api/v1/youth/follows', { kind: 'keyword', target: '교육지원' }))
        .statusCode,
    ).toBe(200);
    const fits = await signedInAs(t, ['youth']);
    await fits.client.put('/api/v1/me/consents/youth_profile', { granted: true });
    const profile = {
      birthDate: '1998-05-01',
      regionCode: '11290',
      employment: '0013003',
      specialGroups: [],
    };
    expect((await fits.client.put('/api/v1/youth/profile', profile)).statusCode).toBe(200);

    // Through the staff route, as a person would import.
    const staff = await signedInAs(t, ['staff']);
    const first = await staff.client.post('/api/v1/youth/policies/import', [
      rec(ALWAYS_OPEN),
      rec(CLOSED_KIND),
      rec(PAST_ROUND),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ imported: 3, updated: 0 });
    // Closed ones are new to the catalogue but nobody can apply: no alert.
    expect(await alertsOf(follower.user.id)).toEqual([
      { kind: 'followed_match', external_id: ALWAYS_OPEN, concerns: '' },
    ]);
    expect(await alertsOf(fits.user.id)).toEqual([
      { kind: 'new_fitting_policy', external_id: ALWAYS_OPEN, concerns: '' },
    ]);
    expect(await bell(fits.user.id, 'youth.new_fitting_policy')).toHaveLength(1);

    // Unchanged re-import: updated, nobody hears anything.
    const [{ id: policyId }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from youth_policies where external_id = ${ALWAYS_OPEN}`,
    );
    expect(
      (await follower.client.post('/api/v1/youth/follows', { kind: 'policy', target: policyId })).statusCode,
    ).toBe(200);
    expect(await run([rec(ALWAYS_OPEN), rec(CLOSED_KIND), rec(PAST_ROUND)])).toMatchObject({
      imported: 0,
      updated: 3,
    });
    expect(await alertsOf(follower.user.id)).toHaveLength(1);
    expect(await alertsOf(fits.user.id)).toHaveLength(1);

    // A changed record: the policy's followers hear once per version of the record.
    const changed = { ...rec(ALWAYS_OPEN), plcySprtCn: '지원 내용이 바뀌었습니다.' };
    await run([changed]);
    await run([changed]);
    const afterChange = await alertsOf(follower.user.id);
    expect(afterChange.map((a) => a.kind)).toEqual(['followed_match', 'followed_policy_changed']);
    expect(afterChange[1].concerns).toMatch(/^import:[0-9a-f]{32}$/);
    expect(await bell(follower.user.id, 'youth.followed_policy_changed')).toHaveLength(1);
    // Not a follower of the policy itself: no change alert.
    expect(await alertsOf(fits.user.id)).toHaveLength(1);
    // A second change the same day, while the first is unread, joins it (the same policy: still one).
    await run([{ ...changed, plcySprtCn: '한 번 더 바뀌었습니다.' }]);
    const changes = await bell(follower.user.id, 'youth.followed_policy_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ itemCount: 1, titleKo: '관심 정책의 내용이 바뀌었습니다' });
    const rows = await t.database.db
      .select()
      .from(youthAlerts)
      .where(eq(youthAlerts.userId, follower.user.id));
    expect(rows).toHaveLength(3);
  });

  it('an import of several new policies is one notification per person, across batches, with the list', async () => {
    const fits = await signedInAs(t, ['youth']);
    await fits.client.put('/api/v1/me/consents/youth_profile', { granted: true });
    await fits.client.put('/api/v1/me/consents/notifications', { granted: true });
    const profile = {
      birthDate: '1998-05-01',
      regionCode: '11290',
      employment: '0013003',
      specialGroups: [],
    };
    expect((await fits.client.put('/api/v1/youth/profile', profile)).statusCode).toBe(200);
    // Push on for the kind, with a browser subscription (its endpoint is never called here).
    await fits.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'youth.new_fitting_policy', channels: { inApp: true, email: false, push: true } }],
    });
    await t.database.db.execute(sql`insert into push_subscriptions (user_id, endpoint, p256dh, auth)
      values (${fits.user.id}, ${`https://push.example/${fits.user.id}`}, 'k', 'a')`);
    const english = await signedInAs(t, ['youth']);
    await english.client.put('/api/v1/me/consents/youth_profile', { granted: true });
    await english.client.put('/api/v1/youth/profile', profile);
    await english.client.patch('/api/v1/me', { locale: 'en' });

    // Five new open policies like ALWAYS_OPEN, written two to a batch (three transactions).
    const records = [1, 2, 3, 4, 5].map((i) => ({
      ...rec(ALWAYS_OPEN),
      plcyNo: `GROUPED-${i}`,
      plcyNm: `묶음 시험 정책 ${i}`,
    }));
    const result = await importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id, config: t.config },
      records,
      'ko',
      2,
    );
    expect(result).toMatchObject({ imported: 5, rejected: [] });
    expect((await alertsOf(fits.user.id)).filter((a) => a.external_id.startsWith('GROUPED-'))).toHaveLength(
      5,
    );

    const mine = await bell(fits.user.id, 'youth.new_fitting_policy');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      titleKo: '새로 맞는 정책 5건',
      titleEn: '5 new policies for you',
      itemCount: 5,
      link: '/youth/alerts',
      groupKey: expect.stringMatching(/^youth\.alerts\.new:\d{4}-\d{2}-\d{2}$/),
    });
    expect(mine[0].bodyKo).toMatch(/^묶음 시험 정책 \d 외 4건$/);
    expect(mine[0].items.map((i) => i.title.ko).sort()).toEqual(records.map((r) => r.plcyNm));
    const ids = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from youth_policies where external_id like 'GROUPED-%'`,
    );
    expect(mine[0].items.map((i) => i.link).sort()).toEqual(ids.map((r) => `/youth/policies/${r.id}`).sort());

    // One push for the whole import, waiting a little for more news of its group.
    const pushes = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, fits.user.id), eq(outbox.type, 'push')));
    expect(pushes).toHaveLength(1);
    expect(pushes[0].payload).toMatchObject({
      title: { ko: '새로 맞는 정책 5건', en: '5 new policies for you' },
      link: '/youth/alerts',
      count: 5,
    });
    expect(pushes[0].nextAttemptAt.getTime()).toBeGreaterThan(pushes[0].createdAt.getTime());

    // The API gives the list in the person's language.
    const en = { 'accept-language': 'en' };
    const list = (await english.client.get('/api/v1/notifications', en)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      title: '5 new policies for you',
      count: 5,
      category: 'Policy alerts',
      link: '/youth/alerts',
    });
    expect(list.items[0].items).toHaveLength(5);
    expect(list.unread).toBe(1);

    // Read, the next new policy starts a new notification, about one policy as before.
    await fits.client.post('/api/v1/notifications/read-all');
    await importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id, config: t.config },
      [{ ...rec(ALWAYS_OPEN), plcyNo: 'GROUPED-6', plcyNm: '묶음 시험 정책 6' }],
      'ko',
    );
    const after = await bell(fits.user.id, 'youth.new_fitting_policy');
    expect(after).toHaveLength(2);
    expect(after.find((n) => !n.readAt)).toMatchObject({
      titleKo: '나에게 맞는 새 청년 정책이 있습니다',
      bodyKo: '묶음 시험 정책 6',
      itemCount: 1,
    });
    // The English reader had not read theirs: the sixth joins it.
    expect((await english.client.get('/api/v1/notifications', en)).json().items[0]).toMatchObject({
      title: '6 new policies for you',
      count: 6,
    });
  });
});
