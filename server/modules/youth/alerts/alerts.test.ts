import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { notifications, outbox } from '../../../platform/notify/tables.ts';
import { addDays as addDaysTo, todayInSeoul } from '../../../platform/time/index.ts';
import { runDailyAlerts } from './daily.ts';
import { alertPolicyPublished } from './fanout.ts';
import { youthAlerts } from './tables.ts';

const FOLLOWS = '/api/v1/youth/follows';
const ALERTS = '/api/v1/youth/alerts';
const PROFILE = '/api/v1/youth/profile';
const profile = { birthDate: '1998-05-01', regionCode: '11560', specialGroups: [] };

const addDays = (days: number) => addDaysTo(todayInSeoul(), days);

describe.each(engines)('youth follows and alerts on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const youth = async (withProfile: boolean) => {
    const s = await signedInAs(t, ['youth']);
    if (withProfile) {
      expect((await s.client.put('/api/v1/me/consents/youth_profile', { granted: true })).statusCode).toBe(
        200,
      );
      expect((await s.client.put(PROFILE, profile)).statusCode).toBe(200);
    }
    return s;
  };
  const alertsOf = (userId: string) =>
    t.database.db.select().from(youthAlerts).where(eq(youthAlerts.userId, userId));
  const bellOf = (userId: string, kind: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

  it('401 for every route without a session', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get(FOLLOWS)).statusCode).toBe(401);
    expect((await anon.post(FOLLOWS, { kind: 'field', target: 'jobs' })).statusCode).toBe(401);
    expect((await anon.delete(`${FOLLOWS}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(401);
    expect((await anon.get(ALERTS)).statusCode).toBe(401);
  });

  it('follows: 400 with field details, add twice keeps one, someone else’s is 404', async () => {
    const me = await youth(false);
    const bad = await me.client.post(FOLLOWS, { kind: 'region', target: '123' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('target');
    expect((await me.client.post(FOLLOWS, { kind: 'field', target: 'jobs', extra: 1 })).statusCode).toBe(400);
    const missing = await me.client.post(FOLLOWS, {
      kind: 'policy',
      target: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const a = await me.client.post(FOLLOWS, { kind: 'keyword', target: ' 창업 ' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ kind: 'keyword', target: '창업' });
    const again = await me.client.post(FOLLOWS, { kind: 'keyword', target: '창업' });
    expect(again.json().id).toBe(a.json().id);
    expect((await me.client.get(FOLLOWS)).json().items).toHaveLength(1);
    const other = await youth(false);
    expect((await other.client.delete(`${FOLLOWS}/${a.json().id}`)).statusCode).toBe(404);
    expect((await me.client.delete(`${FOLLOWS}/${a.json().id}`)).statusCode).toBe(200);
    expect((await me.client.get(FOLLOWS)).json().items).toHaveLength(0);
  });

  it('publishing fans out once: fitting profiles, followers; not the withdrawn nor those who turned it off', async () => {
    const fits = await youth(true);
    const withdrawn = await youth(true);
    expect(
      (await withdrawn.client.put('/api/v1/me/consents/youth_profile', { granted: false })).statusCode,
    ).toBe(200);
    const quiet = await youth(true);
    const prefs = await quiet.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'youth.new_fitting_policy', channels: { inApp: false, email: false } }],
    });
    expect(prefs.statusCode).toBe(200);
    const follower = await youth(false);
    expect((await follower.client.post(FOLLOWS, { kind: 'field', target: 'jobs' })).statusCode).toBe(200);
    // Email only with the channel turned on AND the notifications consent.
    const mailer = await youth(true);
    const emailOnly = await youth(true);
    for (const who of [mailer, emailOnly])
      await who.client.put('/api/v1/me/notification-preferences', {
        items: [{ kind: 'youth.new_fitting_policy', channels: { inApp: false, email: true } }],
      });
    expect((await mailer.client.put('/api/v1/me/consents/notifications', { granted: true })).statusCode).toBe(
      200,
    );
    await emailOnly.client.put('/api/v1/me/consents/notifications', { granted: false });
    const emailsTo = (userId: string) =>
      t.database.db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.userId, userId),
            eq(outbox.type, 'email'),
            eq(outbox.kind, 'youth.new_fitting_policy'),
          ),
        );

    const staff = await signedInAs(t, ['staff']);
    const created = await staff.client.post('/api/v1/youth/policies', {
      title: '영등포 청년 일자리 지원',
      minAge: 19,
      maxAge: 39,
      regionCodes: ['11560'],
      fields: ['jobs'],
      rounds: [{ startsOn: todayInSeoul(), endsOn: addDays(3) }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    for (const to of ['review', 'published'])
      expect((await staff.client.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(
        200,
      );

    expect((await alertsOf(fits.user.id)).map((a) => a.kind)).toEqual(['new_fitting_policy']);
    const bell = await bellOf(fits.user.id, 'youth.new_fitting_policy');
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ link: `/youth/policies/${id}`, bodyKo: '영등포 청년 일자리 지원' });
    expect(await alertsOf(withdrawn.user.id)).toHaveLength(0);
    expect(await alertsOf(quiet.user.id)).toHaveLength(0);
    expect(await bellOf(quiet.user.id, 'youth.new_fitting_policy')).toHaveLength(0);
    expect((await alertsOf(follower.user.id)).map((a) => a.kind)).toEqual(['followed_match']);
    expect(await emailsTo(mailer.user.id)).toHaveLength(1);
    expect((await emailsTo(mailer.user.id))[0].payload).toMatchObject({ to: mailer.email });
    expect(await bellOf(mailer.user.id, 'youth.new_fitting_policy')).toHaveLength(0);
    expect(await emailsTo(emailOnly.user.id)).toHaveLength(0);
    expect(await alertsOf(emailOnly.user.id)).toHaveLength(0);

    // A retry and two concurrent workers add nothing.
    const deps = { config: t.config };
    const again = await Promise.all([
      t.database.db.transaction((tx) => alertPolicyPublished(tx, deps, t.org.id, id)),
      t.database.db.transaction((tx) => alertPolicyPublished(tx, deps, t.org.id, id)),
    ]);
    expect(again.map((r) => r.alerts)).toEqual([0, 0]);
    expect(await bellOf(fits.user.id, 'youth.new_fitting_policy')).toHaveLength(1);
    expect(await emailsTo(mailer.user.id)).toHaveLength(1);

    const mine = await fits.client.get(ALERTS);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ kind: 'new_fitting_policy', policyId: id, link: `/youth/policies/${id}` }),
    ]);

    // Following the policy itself: a change, the opening today and D-3, each once.
    expect((await follower.client.post(FOLLOWS, { kind: 'policy', target: id })).statusCode).toBe(200);
    expect(
      (await staff.client.patch(`/api/v1/youth/policies/${id}`, { summary: '바뀐 요약' })).statusCode,
    ).toBe(200);
    expect((await runDailyAlerts(t.database.db, deps)).alerts).toBe(2);
    expect((await runDailyAlerts(t.database.db, deps)).alerts).toBe(0);
    expect((await alertsOf(follower.user.id)).map((a) => a.kind).sort()).toEqual([
      'application_opening',
      'closing_soon',
      'followed_match',
      'followed_policy_changed',
    ]);
    expect((await follower.client.get(ALERTS)).json().items).toHaveLength(4);
  });

  it('a day of openings is one notification per person listing the policies', async () => {
    const staff = await signedInAs(t, ['staff']);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await staff.client.post('/api/v1/youth/policies', {
        title: `오늘 신청 시작 정책 ${n}`,
        minAge: 19,
        maxAge: 39,
        fields: ['welfare'],
        rounds: [{ startsOn: addDays(10), endsOn: addDays(20) }],
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      for (const to of ['review', 'published'])
        await staff.client.post(`/api/v1/youth/policies/${id}/transition`, { to });
      ids.push(id);
    }
    const follower = await youth(false);
    const other = await youth(false);
    for (const id of ids) await follower.client.post(FOLLOWS, { kind: 'policy', target: id });
    await other.client.post(FOLLOWS, { kind: 'policy', target: ids[0] });

    // Ten days on, all three open: the follower of three hears once, the follower of one as before.
    expect((await runDailyAlerts(t.database.db, { config: t.config }, addDays(10))).alerts).toBe(4);
    const opening = await bellOf(follower.user.id, 'youth.application_opening');
    expect(opening).toHaveLength(1);
    expect(opening[0]).toMatchObject({
      titleKo: '관심 정책 3건의 신청이 오늘 시작됩니다',
      titleEn: 'Applications open today for 3 policies you follow',
      bodyKo: '오늘 신청 시작 정책 1 외 2건',
      itemCount: 3,
      link: '/youth/alerts',
    });
    expect(opening[0].items.map((i) => i.link).sort()).toEqual(
      ids.map((id) => `/youth/policies/${id}`).sort(),
    );
    expect(await bellOf(other.user.id, 'youth.application_opening')).toEqual([
      expect.objectContaining({
        titleKo: '관심 정책의 신청이 오늘 시작됩니다',
        bodyKo: '오늘 신청 시작 정책 1',
        itemCount: 1,
      }),
    ]);
    // A second run that day adds nothing; every alert is still kept one by one.
    expect((await runDailyAlerts(t.database.db, { config: t.config }, addDays(10))).alerts).toBe(0);
    expect((await alertsOf(follower.user.id)).filter((a) => a.kind === 'application_opening')).toHaveLength(
      3,
    );
  });
});
