import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { youthAlerts } from './tables.ts';

// "My alerts and follows": the follows name their policy, the alerts come a page at a time.
describe.each(engines)('my youth alerts and follows on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const publish = async (staff: TestClient, title: string) => {
    const res = await staff.post('/api/v1/youth/policies', { title });
    const id = res.json().id as string;
    for (const to of ['review', 'published'])
      expect((await staff.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(200);
    return id;
  };

  it('401 without a session, also with paging parameters', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get('/api/v1/youth/alerts?limit=5')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/youth/alerts?cursor=10&limit=5')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/youth/follows')).statusCode).toBe(401);
  });

  it('pages the alerts newest first with a cursor, only my own; 400 for a bad cursor', async () => {
    const staff = (await signedInAs(t, ['staff'])).client;
    const me = await signedInAs(t, ['youth']);
    const other = await signedInAs(t, ['youth']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await publish(staff, `알림 정책 ${i}`));
    await t.database.db.insert(youthAlerts).values([
      ...ids.map((policyId) => ({
        organizationId: t.org.id,
        userId: me.user.id,
        policyId,
        kind: 'followed_match' as const,
        concerns: '',
      })),
      {
        organizationId: t.org.id,
        userId: other.user.id,
        policyId: ids[0],
        kind: 'followed_match',
        concerns: '',
      },
    ]);

    const first = await me.client.get('/api/v1/youth/alerts?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((a: { policyTitle: string }) => a.policyTitle)).toEqual([
      '알림 정책 4',
      '알림 정책 3',
    ]);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // opaque (base64url), as every list's cursor
    const second = (await me.client.get(`/api/v1/youth/alerts?limit=2&cursor=${cursor}`)).json();
    expect(second.items.map((a: { policyTitle: string }) => a.policyTitle)).toEqual([
      '알림 정책 2',
      '알림 정책 1',
    ]);
    const last = (await me.client.get(`/api/v1/youth/alerts?limit=2&cursor=${second.nextCursor}`)).json();
    expect(last.items).toHaveLength(1);
    expect(last.items[0]).toMatchObject({ policyId: ids[0], link: `/youth/policies/${ids[0]}` });
    expect(last.nextCursor).toBeNull();
    expect((await me.client.get('/api/v1/youth/alerts')).json().items).toHaveLength(5);
    expect((await other.client.get('/api/v1/youth/alerts')).json().items).toHaveLength(1);

    for (const bad of ['cursor=abc', 'cursor=-1', 'limit=0', 'limit=101', 'extra=1'])
      expect((await me.client.get(`/api/v1/youth/alerts?${bad}`)).statusCode, bad).toBe(400);
  });

  it('lists my follows with the followed policy’s title', async () => {
    const staff = (await signedInAs(t, ['staff'])).client;
    const id = await publish(staff, '관심 정책 제목');
    const me = await signedInAs(t, ['youth']);
    const added = await me.client.post('/api/v1/youth/follows', { kind: 'policy', target: id });
    expect(added.json()).toMatchObject({ kind: 'policy', target: id, policyTitle: '관심 정책 제목' });
    await me.client.post('/api/v1/youth/follows', { kind: 'field', target: 'housing' });
    const list = (await me.client.get('/api/v1/youth/follows')).json().items;
    expect(list.map((f: { kind: string; policyTitle: string | null }) => [f.kind, f.policyTitle])).toEqual([
      ['policy', '관심 정책 제목'],
      ['field', null],
    ]);
  });
});
