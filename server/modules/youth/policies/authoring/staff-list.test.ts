import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';

const URL = '/api/v1/youth/staff/policies';
type Item = { id: string; title: string; workflowStatus: string; source: string };
type List = { items: Item[]; total: number; page: number; limit: number };

describe.each(engines)('staff policy list on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const ids: Record<string, string> = {};

  const create = async (title: string) => {
    const res = await staff.post('/api/v1/youth/policies', { title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const move = async (id: string, ...to: string[]) => {
    for (const step of to) {
      const res = await staff.post(`/api/v1/youth/policies/${id}/transition`, { to: step });
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const list = async (qs = '') => {
    const res = await staff.get(`${URL}${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
    ids.draft = await create('초안 청년 정책');
    ids.review = await create('검토 청년 정책');
    ids.published = await create('게시 청년 정책');
    ids.closed = await create('종료 청년 정책');
    await move(ids.review, 'review');
    await move(ids.published, 'review', 'published');
    await move(ids.closed, 'review', 'published', 'closed');
  }, 60_000);
  afterAll(() => t?.close());

  it('lists policies in every state, most recently changed first, and the public list shows only published', async () => {
    const all = await list();
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.workflowStatus).sort()).toEqual(['closed', 'draft', 'published', 'review']);
    expect(all.items[0].id).toBe(ids.closed);
    expect(all.items.every((i) => i.source === 'local')).toBe(true);
    const pub = (await new TestClient(t.app).get('/api/v1/youth/policies')).json() as { items: Item[] };
    expect(pub.items.map((i) => i.id)).toEqual([ids.published]);
  });

  it('filters by status and by part of the title, and pages', async () => {
    for (const status of ['draft', 'review', 'published', 'closed']) {
      const one = await list(`?status=${status}`);
      expect(one.items.map((i) => i.id)).toEqual([ids[status]]);
      expect(one.total).toBe(1);
    }
    expect((await list(`?q=${encodeURIComponent('게시')}`)).items.map((i) => i.id)).toEqual([ids.published]);
    // A % in the words is a character, not a wildcard.
    expect((await list(`?q=${encodeURIComponent('%')}`)).total).toBe(0);
    const first = await list('?limit=3');
    const second = await list('?limit=3&page=2');
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(4);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(4);
  });

  it('rejects a bad status, page or an unknown parameter', async () => {
    for (const qs of ['?status=archived', '?page=0', '?limit=101', '?sort=title']) {
      const res = await staff.get(`${URL}${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('refuses anonymous people (401), people without a role and residents (403)', async () => {
    expect((await new TestClient(t.app).get(URL)).statusCode).toBe(401);
    for (const roles of [[], ['resident'], ['youth']]) {
      const { client } = await signedInAs(t, roles);
      const res = await client.get(URL);
      expect(res.statusCode, roles.join()).toBe(403);
    }
  });

  it("keeps each organization's policies to itself", async () => {
    const other = await createOtherOrganization(t);
    const { client } = await signedInAtOrganization(t, other, ['staff']);
    const res = await client.get(URL);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});
