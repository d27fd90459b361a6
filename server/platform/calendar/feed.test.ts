import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import {
  createOtherOrganization,
  HostClient,
  signedInAtOrganization,
} from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { idempotencyKeys } from '../idempotency/tables.ts';
import { addDays as addDaysTo, todayInSeoul } from '../time/index.ts';
import { calendarFeeds } from './tables.ts';
import { parseCalendar } from './test-ical.ts';

// The personal calendar feed: made, shown once, read by a calendar app with no cookie, only the
// owner's items, replaced and revoked, never stored in clear, bound to its organization.

const addDays = (days: number) => addDaysTo(todayInSeoul(), days);
const FEED = '/api/v1/me/calendar-feed';
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe.each(engines)('personal calendar feed on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const anon = () => new TestClient(t.app);
  const policies: Record<string, string> = {};

  const create = async (title: string, body: Record<string, unknown>) => {
    const res = await staff.post('/api/v1/youth/policies', { title, ...body });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    for (const to of ['review', 'published'])
      expect((await staff.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(200);
    return id;
  };
  const follow = async (c: TestClient, body: Record<string, unknown>) =>
    expect((await c.post('/api/v1/youth/follows', body)).statusCode).toBe(200);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
    policies.a = await create('청년 월세, 지원; 가', {
      rounds: [
        { startsOn: addDays(-3), endsOn: addDays(4) },
        { startsOn: addDays(30), endsOn: addDays(45) },
      ],
    });
    policies.b = await create('청년 면접 정장 대여 나', {
      rounds: [{ startsOn: addDays(1), endsOn: addDays(12) }],
    });
    policies.always = await create('상시 상담 다', { applyPeriodKind: 'always' });
  });
  afterAll(() => t?.close());

  it('is made on my page, read with no cookie, and lists only the deadlines of what its owner follows', async () => {
    const me = await signedInAs(t, ['resident']);
    const other = await signedInAs(t, ['resident']);
    await follow(me.client, { kind: 'policy', target: policies.a });
    await follow(me.client, { kind: 'policy', target: policies.always });
    await follow(me.client, { kind: 'field', target: 'housing' });
    await follow(other.client, { kind: 'policy', target: policies.b });

    expect((await me.client.get(FEED)).json()).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    const made = await me.client.post(FEED);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.headers['cache-control']).toBe('no-store');
    const { url, createdAt } = made.json();
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar\/feed\.ics\?token=[A-Za-z0-9_-]{43}$/);
    expect((await me.client.get(FEED)).json()).toEqual({ active: true, createdAt, lastUsedAt: null });

    const res = await anon().get(pathOf(url));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    const cal = parseCalendar(res.body);
    expect(cal.name).toBe('함께 — 내 일정');
    expect(cal.refreshInterval).toBe('PT6H');
    expect(cal.events.map((e) => [e.summary, e.startDate, e.endDate])).toEqual([
      ['[마감] 청년 월세, 지원; 가', addDays(4), addDays(5)],
      ['[마감] 청년 월세, 지원; 가', addDays(45), addDays(46)],
    ]);
    // The same events as the policy's own download: a calendar holding both sees one event.
    const download = parseCalendar(
      (await anon().get(`/api/v1/youth/policies/${policies.a}/deadline.ics`)).body,
    );
    expect(cal.events.map((e) => e.uid)).toEqual(download.events.map((e) => e.uid));
    // Fetching is noted (to the hour) for the owner to see.
    const status = (await me.client.get(FEED)).json();
    expect(status.lastUsedAt).not.toBeNull();

    // The other person's feed holds their follow only.
    const theirs = (await other.client.post(FEED)).json().url;
    const theirEvents = parseCalendar((await anon().get(pathOf(theirs))).body).events;
    expect(theirEvents.map((e) => e.summary)).toEqual(['[마감] 청년 면접 정장 대여 나']);
    expect(theirEvents[0].url).toMatch(new RegExp(`/youth/policies/${policies.b}$`));

    // A policy taken off the catalogue leaves the feed.
    expect(
      (await staff.post(`/api/v1/youth/policies/${policies.b}/transition`, { to: 'closed' })).statusCode,
    ).toBe(200);
    expect(parseCalendar((await anon().get(pathOf(theirs))).body).events).toEqual([]);
  });

  it('stores only the hash of the secret, not even in a kept Idempotency-Key answer', async () => {
    const me = await signedInAs(t, ['resident']);
    const first = await me.client.post(FEED, undefined, { 'idempotency-key': 'feed-key-1' });
    expect(first.statusCode).toBe(201);
    const token = tokenOf(first.json().url);
    const rows = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, me.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const kept = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, me.user.id));
    expect(kept).toEqual([]);
    // Repeating the request makes another address (the unseen one stops working), never a replay.
    const again = await me.client.post(FEED, undefined, { 'idempotency-key': 'feed-key-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    expect(tokenOf(again.json().url)).not.toBe(token);
  });

  it('a new address ends the old one; revoking ends it; unknown and malformed secrets are refused', async () => {
    const me = await signedInAs(t, ['resident']);
    await follow(me.client, { kind: 'policy', target: policies.a });
    const old = (await me.client.post(FEED)).json().url;
    expect((await anon().get(pathOf(old))).statusCode).toBe(200);
    const renewed = (await me.client.post(FEED)).json().url;
    expect(renewed).not.toBe(old);
    expect((await anon().get(pathOf(old))).statusCode).toBe(404);
    expect((await anon().get(pathOf(renewed))).statusCode).toBe(200);

    const revoked = await me.client.delete(FEED);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ ok: true });
    const gone = await anon().get(pathOf(renewed));
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
    expect((await me.client.get(FEED)).json().active).toBe(false);
    expect((await me.client.delete(FEED)).statusCode).toBe(200); // already gone: still fine

    expect((await anon().get(`/api/v1/calendar/feed.ics?token=${'A'.repeat(43)}`)).statusCode).toBe(404);
    expect((await anon().get('/api/v1/calendar/feed.ics?token=short')).statusCode).toBe(400);
    expect((await anon().get('/api/v1/calendar/feed.ics')).statusCode).toBe(400);
  });

  it('needs a session to make, see or revoke a feed, and a CSRF token to change it', async () => {
    expect((await anon().get(FEED)).statusCode).toBe(401);
    expect((await anon().post(FEED)).statusCode).toBe(401);
    expect((await anon().delete(FEED)).statusCode).toBe(401);
    const me = await signedInAs(t, ['resident']);
    const noCsrf = await me.client.post(FEED, undefined, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("another organization's host cannot read a feed, and its own feeds stay there", async () => {
    const me = await signedInAs(t, ['resident']);
    await follow(me.client, { kind: 'policy', target: policies.a });
    const url = (await me.client.post(FEED)).json().url;
    const other = await createOtherOrganization(t);
    const atOther = new HostClient(t.app, other.host);
    expect((await atOther.get(pathOf(url))).statusCode).toBe(404);

    // A person of the other organization (even its host-level staff) gets a feed that works only there.
    const host = await signedInAtOrganization(t, other, ['staff']);
    const theirs = (await host.client.post(FEED)).json().url;
    expect(new URL(theirs).host).toBe(other.host);
    expect((await atOther.get(pathOf(theirs))).statusCode).toBe(200);
    expect((await anon().get(pathOf(theirs))).statusCode).toBe(404);
    expect(parseCalendar((await atOther.get(pathOf(theirs))).body).events).toEqual([]);
    // Their status and revocation see only their own feed.
    expect((await host.client.delete(FEED)).statusCode).toBe(200);
    expect((await anon().get(pathOf(url))).statusCode).toBe(200);
  });

  it('is in "download my data" without the secret, and goes with the account', async () => {
    const me = await signedInAs(t, ['resident']);
    const url = (await me.client.post(FEED)).json().url;
    const exported = await me.client.get('/api/v1/me/export');
    const section = exported.json().sections.calendarFeeds;
    expect(section).toEqual([
      expect.objectContaining({ organizationId: t.org.id, createdAt: expect.any(String), lastUsedAt: null }),
    ]);
    const [row] = await t.database.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, me.user.id));
    expect(exported.body).not.toContain(row.tokenHash);
    expect(exported.body).not.toContain(tokenOf(url));

    expect((await me.client.post('/api/v1/me/delete', { password: me.password })).statusCode).toBe(200);
    expect(
      await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, me.user.id)),
    ).toEqual([]);
    expect((await anon().get(pathOf(url))).statusCode).toBe(404);
  });

  it('is held to the app-wide rate limit (a flood of guesses is refused with 429)', async () => {
    const limited = await createTestApp(engine, { HAMKKE_RATE_LIMIT_PER_MINUTE: '10' });
    try {
      const guess = () =>
        new TestClient(limited.app).get(`/api/v1/calendar/feed.ics?token=${'B'.repeat(43)}`);
      const codes = [];
      for (let i = 0; i < 11; i++) codes.push((await guess()).statusCode);
      expect(codes).toEqual([...Array(10).fill(404), 429]);
    } finally {
      await limited.close();
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await anon().get('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/calendar/feed.ics'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'token', in: 'query', required: true })]),
    );
    expect(Object.keys(doc.paths['/api/v1/me/calendar-feed']).sort()).toEqual(['delete', 'get', 'post']);
  });
});
