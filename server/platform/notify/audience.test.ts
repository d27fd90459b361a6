import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { startPushPeer } from '../../../tests/helpers/push-peer.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { textArray } from '../eligibility/index.ts';
import { notifyAudience } from './audience.ts';
import { dispatchPending } from './dispatch.ts';
import { notifications, outbox } from './tables.ts';

// Grouped audience messages: one notification per person and group however many things, later
// news joining the unread notification and the copies still waiting in the outbox, the dedupe, the
// channel choices and consent as before. The "module" here is a table of the test's own.

const KIND = 'system.announcement';
const GROUP = { title: { ko: '새 소식 {count}건', en: '{count} pieces of news' }, link: '/news' };

describe.each(engines)('grouped audience messages on %s', (engine) => {
  let t: TestApp;
  let peer: Awaited<ReturnType<typeof startPushPeer>>;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_PUSH_HOSTS: 'localhost', HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1' });
    peer = await startPushPeer();
    await t.database.db.execute(
      sql`create table test_told (user_id uuid not null, item text not null, primary key (user_id, item))`,
    );
  });
  afterAll(async () => {
    await peer?.close();
    await t?.close();
  });

  /** Tells `people` about `items` ([key, title, link]) under the group `key`. */
  const tell = (people: string[], items: Array<[string, string, string]>, key = 'test.news:1') =>
    t.database.db.transaction((tx) =>
      notifyAudience(
        tx,
        { config: t.config },
        {
          organizationId: t.org.id,
          audience: sql`select u.id as user_id, ${KIND}::text as kind, 1 as prio, i.item
            from users u cross join unnest(${textArray(items.map((i) => i[0]))}) i(item)
            where u.id = any(${textArray(people)}::uuid[])`,
          items: items.map(([item, title, link]) => ({
            item,
            title: { ko: title, en: `${title} (en)` },
            link,
          })),
          titles: { [KIND]: { ko: '새 소식이 있습니다', en: 'There is news' } },
          group: { key, ...GROUP },
          gatherSeconds: 10,
          dedupe: (chosen) => sql`insert into test_told (user_id, item) select user_id, item from ${chosen}
            on conflict do nothing returning user_id, item`,
        },
      ),
    );
  const unread = (userId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const waiting = (userId: string, type: 'push' | 'email' | 'sms') =>
    t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.type, type), isNull(outbox.dispatchedAt)));
  const deps = () => ({ db: t.database.db, config: t.config, pushCa: peer.certPem });

  it('one notification per person with the list; later news joins it and the waiting copies', async () => {
    // Every channel, consent, a push subscription, a mobile number, no quiet hours.
    const all = await signedInAs(t, ['resident']);
    await all.client.put('/api/v1/me/consents/notifications', { granted: true });
    await all.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: KIND, channels: { inApp: true, email: true, push: true, sms: true } }],
    });
    await all.client.put('/api/v1/me/notification-settings', {
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      mobileNumber: '010-2222-3333',
      emailDigest: false,
    });
    const sub = peer.subscribe();
    await all.client.post('/api/v1/me/push-subscriptions', { endpoint: sub.endpoint, keys: sub.keys });
    // The defaults (in-app only), and someone who turned the kind off in the app.
    const plain = await signedInAs(t, ['resident']);
    const off = await signedInAs(t, ['resident']);
    await off.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: KIND, channels: { inApp: false, email: false } }],
    });
    const people = [all.user.id, plain.user.id, off.user.id];

    const first = await tell(people, [
      ['a', '가 소식', '/news/a'],
      ['b', '나 소식', '/news/b'],
      ['c', '다 소식', '/news/c'],
    ]);
    expect(first).toEqual({ recorded: 6, inApp: 2, emails: 1, pushes: 1, texts: 1 });
    for (const who of [all, plain]) {
      const [n, ...more] = await unread(who.user.id);
      expect(more).toEqual([]);
      expect(n).toMatchObject({
        titleKo: '새 소식 3건',
        titleEn: '3 pieces of news',
        bodyKo: '가 소식 외 2건',
        bodyEn: '가 소식 (en) and 2 more',
        link: '/news',
        itemCount: 3,
        groupKey: 'test.news:1',
      });
      expect(n.items.map((i) => i.link)).toEqual(['/news/a', '/news/b', '/news/c']);
    }
    expect(await unread(off.user.id)).toEqual([]);
    const [mail] = await waiting(all.user.id, 'email');
    expect(mail.payload).toMatchObject({ subject: '새 소식 3건', count: 3, group: 'test.news:1' });
    const site = t.config.HAMKKE_PUBLIC_URL ?? `http://localhost:${t.config.PORT}`;
    expect(mail.payload.text).toBe(
      `새 소식 3건\n\n- 가 소식\n  ${site}/news/a\n- 나 소식\n  ${site}/news/b\n- 다 소식\n  ${site}/news/c\n\n전체 목록: ${site}/news`,
    );

    // The same again tells no one; news of the same group joins (a repeated link counts once).
    expect(await tell(people, [['a', '가 소식', '/news/a']])).toMatchObject({ recorded: 0, inApp: 0 });
    const joined = await tell(people, [
      ['d', '라 소식', '/news/d'],
      ['a-again', '가 소식', '/news/a'],
    ]);
    expect(joined).toEqual({ recorded: 4, inApp: 2, emails: 1, pushes: 1, texts: 1 });
    const [n4] = await unread(all.user.id);
    expect(n4).toMatchObject({ titleKo: '새 소식 4건', bodyKo: '라 소식 외 3건', itemCount: 4 });
    expect(n4.items.map((i) => i.link)).toEqual(['/news/d', '/news/a', '/news/b', '/news/c']);
    for (const type of ['push', 'email', 'sms'] as const) {
      const rows = await waiting(all.user.id, type);
      expect(rows, type).toHaveLength(1);
      expect(rows[0].payload, type).toMatchObject({ count: 4 });
    }
    expect((await waiting(all.user.id, 'push'))[0].payload).toMatchObject({
      title: { ko: '새 소식 4건', en: '4 pieces of news' },
      body: { ko: '라 소식 외 3건', en: '라 소식 (en) and 3 more' },
      link: '/news',
    });
    expect((await waiting(all.user.id, 'sms'))[0].payload).toMatchObject({ title: { ko: '새 소식 4건' } });
    expect((await waiting(all.user.id, 'email'))[0].payload.text).toContain(`- 라 소식\n  ${site}/news/d`);

    // Copies wait for the gathering: nothing is due now; then one push for all four.
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 0 });
    expect(peer.received.filter((m) => m.subscription === sub.id)).toEqual([]);
    expect(await dispatchPending(deps(), { now: new Date(Date.now() + 60_000) })).toMatchObject({
      delivered: 3,
    });
    const pushed = peer.received.filter((m) => m.subscription === sub.id);
    expect(pushed.map((m) => m.payload)).toEqual([
      expect.objectContaining({
        title: '새 소식 4건',
        body: '라 소식 외 3건',
        link: '/news',
        tag: 'test.news:1',
      }),
    ]);

    // Once sent, later news joins the bell but makes a new push, about one thing.
    await tell(people, [['e', '마 소식', '/news/e']]);
    expect(await unread(all.user.id)).toEqual([expect.objectContaining({ itemCount: 5 })]);
    const [fresh] = await waiting(all.user.id, 'push');
    expect(fresh.payload).toMatchObject({
      title: { ko: '새 소식이 있습니다' },
      body: { ko: '마 소식' },
      link: '/news/e',
      count: 1,
    });
    // A copy a dispatcher holds is left alone: the next news makes another.
    await t.database.db
      .update(outbox)
      .set({ claimId: sql`gen_random_uuid()`, claimedUntil: sql`now() + interval '5 minutes'` })
      .where(eq(outbox.id, fresh.id));
    await tell(people, [['f', '바 소식', '/news/f']]);
    expect(await waiting(all.user.id, 'push')).toHaveLength(2);
    expect(
      (await t.database.db.select().from(outbox).where(eq(outbox.id, fresh.id)))[0].payload,
    ).toMatchObject({ count: 1 });

    // Read, the next news starts a new notification; another group has its own.
    await plain.client.post('/api/v1/notifications/read-all');
    await tell(people, [['g', '사 소식', '/news/g']]);
    expect(await unread(plain.user.id)).toEqual([
      expect.objectContaining({
        titleKo: '새 소식이 있습니다',
        bodyKo: '사 소식',
        link: '/news/g',
        itemCount: 1,
      }),
    ]);
    await tell(people, [['h', '아 소식', '/news/h']], 'test.other:1');
    expect((await unread(plain.user.id)).map((n) => n.groupKey).sort()).toEqual([
      'test.news:1',
      'test.other:1',
    ]);
    expect(await unread(off.user.id)).toEqual([]);
    // The bell counts notifications, not things.
    expect((await plain.client.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
  });

  it('a group link outside the site is refused before anything is written', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        notifyAudience(
          tx,
          { config: t.config },
          {
            organizationId: t.org.id,
            audience: sql`select null::uuid as user_id, ${KIND}::text as kind, 1 as prio, 'x' as item where false`,
            items: [{ item: 'x', title: { ko: 'x', en: 'x' }, link: '/x' }],
            titles: { [KIND]: { ko: 'x', en: 'x' } },
            group: { key: 'test.bad:1', title: GROUP.title, link: 'https://elsewhere.example/' },
            dedupe: (chosen) => sql`select user_id, item from ${chosen}`,
          },
        ),
      ),
    ).rejects.toThrow(/inside the site/);
  });
});
