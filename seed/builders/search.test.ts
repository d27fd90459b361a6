import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { engines } from '../../tests/helpers/engines.ts';
import { loadDemo } from '../demo.ts';

describe.each(engines)('the demo is searchable on %s', (engine) => {
  let t: TestApp;
  let anon: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await loadDemo(t.database.db);
    anon = new TestClient(t.app);
  });
  afterAll(() => t?.close());

  it('finds the youth support platform plan item by a two-syllable word and by initials', async () => {
    for (const q of ['플랫폼', 'ㅍㄹㅍ']) {
      const res = await anon.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const titles = res.json().items.map((i: { title: string }) => i.title);
      expect(
        titles.some((title: string) => title.includes('청년지원플랫폼')),
        `${q}: ${titles}`,
      ).toBe(true);
    }
  });

  it('finds facilities by address and sample enterprises by kind', async () => {
    const place = await anon.get(`/api/v1/search?q=${encodeURIComponent('당산로')}`);
    expect(place.json().items.map((i: { title: string }) => i.title)).toContain('무중력지대-영등포');
    const coops = await anon.get(
      `/api/v1/search?q=${encodeURIComponent('협동조합')}&type=social_economy.enterprise`,
    );
    expect(coops.json().items.length).toBeGreaterThan(0);
  });
});
