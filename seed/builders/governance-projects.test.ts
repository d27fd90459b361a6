import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db/connect.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { buildGovernanceProjects } from './governance-projects.ts';

// The demo's ten sample governance projects: eight departments, the 1,000,000 thousand-won city
// grant split among them, a working group each (at most 10, one chair), the resident a secretary,
// one published meeting whose minutes show on the public page, two documents in each space and one
// published final evaluation; milestones have English titles. A second load adds nothing.
describe('sample governance projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('makes ten sample projects in eight departments sharing the 1,000,000 thousand-won grant, once', async () => {
    await buildGovernanceProjects(t.database.db, t.org.id);
    await buildGovernanceProjects(t.database.db, t.org.id);
    const anon = new TestClient(t.app);
    const list = (await anon.get('/api/v1/governance/projects')).json();
    expect(list.items).toHaveLength(10);
    expect(list.departments).toBe(8);
    expect(list.totalBudget).toBe(1_000_000);
    expect(
      list.items.every((p: { sample: boolean; title: string }) => p.sample && p.title.startsWith('[예시]')),
    ).toBe(true);
    let published = 0;
    const evaluated: string[] = [];
    for (const p of list.items) {
      const page = (await anon.get(`/api/v1/governance/projects/${p.id}`)).json();
      expect(page.members).toBeGreaterThanOrEqual(2);
      expect(page.members).toBeLessThanOrEqual(10);
      expect(page.milestones.length).toBeGreaterThanOrEqual(2);
      // Every sample milestone has an English title for the English page.
      for (const m of page.milestones) expect(m.titleEn).toMatch(/^[A-Z][a-z]/);
      published += page.minutes.length;
      if (page.evaluation) evaluated.push(page.title);
      // Documents stay inside the space.
      expect(JSON.stringify(page)).not.toContain('example.org');
      if (page.evaluation) {
        expect(page.status).toBe('after');
        expect(page.evaluation.lessons).toContain('[예시]');
        expect(page.updates.map((u: { kind: string }) => u.kind)).toContain('evaluation');
      }
    }
    expect(published).toBe(1);
    expect(evaluated).toEqual(['[예시] 사회적경제 공공구매 연결망']);
    const [documents] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from governance_group_documents where organization_id = ${t.org.id}`,
    );
    expect(Number(documents?.n)).toBe(20);
  });
});
