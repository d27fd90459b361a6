import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprises, sampleEnterprises } from '../../../seed/builders/enterprises.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';

describe('sample enterprises', () => {
  it('are the same list every time, with unique names and the report counts', () => {
    const a = sampleEnterprises();
    expect(sampleEnterprises()).toEqual(a);
    expect(new Set(a.map((e) => e.name)).size).toBe(258);
    const count = (kind: string) => a.filter((e) => e.kind === kind).length;
    expect([
      count('social_enterprise'),
      count('cooperative'),
      count('village_enterprise'),
      count('self_sufficiency'),
    ]).toEqual([43, 211, 2, 2]);
    expect(a.filter((e) => e.kind === 'cooperative').every((e) => e.name.endsWith('협동조합'))).toBe(true);
    expect(sampleEnterprises(7)).not.toEqual(a);
  });
});

describe.each(engines)('enterprise registry (public reads) on %s', (engine) => {
  let t: TestApp;
  let anon: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await buildEnterprises(t.database.db, t.org.id);
    await buildEnterprises(t.database.db, t.org.id); // idempotent
    anon = new TestClient(t.app);
  });
  afterAll(() => t?.close());

  it('counts 258 = 43 + 211 + 2 + 2, marked as sample data', async () => {
    const res = await anon.get('/api/v1/social-economy/enterprises/summary');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 258,
      byKind: { social_enterprise: 43, cooperative: 211, village_enterprise: 2, self_sufficiency: 2 },
      sample: true,
    });
  });

  it('pages through every enterprise once, filtered by kind', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await anon.get(
        `/api/v1/social-economy/enterprises?kind=cooperative&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      for (const e of body.items) {
        expect(e.kind).toBe('cooperative');
        expect(e.sample).toBe(true);
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(211);
    expect(pages).toBe(5);
    const all = await anon.get('/api/v1/social-economy/enterprises?limit=100');
    expect(all.json().items).toHaveLength(100);
    expect(all.json().items[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      kind: expect.any(String),
      certification: expect.any(String),
      district: expect.stringMatching(/동$/),
      field: expect.any(String),
      employees: expect.any(Number),
      sample: true,
    });
  });

  it('finds by part of the name, and treats % and _ literally', async () => {
    const res = await anon.get(
      `/api/v1/social-economy/enterprises?q=${encodeURIComponent('사회적협동조합')}&limit=100`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every(
        (e: { name: string; certification: string }) =>
          e.name.includes('사회적협동조합') && e.certification === 'social_cooperative',
      ),
    ).toBe(true);
    expect((await anon.get('/api/v1/social-economy/enterprises?q=%25')).json().items).toEqual([]);
    expect((await anon.get('/api/v1/social-economy/enterprises?q=_')).json().items).toEqual([]);
  });

  it('answers a signed-in person the same as anyone', async () => {
    const { client } = await signedInAs(t, ['enterprise_member']);
    const res = await client.get('/api/v1/social-economy/enterprises/summary');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(258);
  });

  it('refuses bad parameters with field details', async () => {
    const cases: Array<[string, string]> = [
      ['kind=bank', 'querystring.kind'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['cursor=not-a-cursor', 'querystring.cursor'],
      ['sort=name', 'querystring'],
    ];
    for (const [query, field] of cases) {
      const res = await anon.get(`/api/v1/social-economy/enterprises?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
  });

  it('shows another organization none of these enterprises', async () => {
    const { ensureOrganization } = await import('../../../seed/builders/organization.ts');
    const { forgetOrganizations } = await import('../../platform/tenants/queries.ts');
    await ensureOrganization(t.database.db, {
      slug: 'other-se',
      nameKo: '다른구',
      nameEn: 'Other',
      host: 'other-se.example',
    });
    forgetOrganizations(t.database.db);
    const res = await anon.get('/api/v1/social-economy/enterprises/summary', { host: 'other-se.example' });
    expect(res.json()).toEqual({
      total: 0,
      byKind: { social_enterprise: 0, cooperative: 0, village_enterprise: 0, self_sufficiency: 0 },
      sample: false,
    });
    expect(
      (await anon.get('/api/v1/social-economy/enterprises', { host: 'other-se.example' })).json(),
    ).toEqual({ items: [], nextCursor: null });
  });
});
