import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { buildGovernanceProjects } from './governance-projects.ts';

// The demo's ten sample governance projects: eight departments, the 1,000,000 thousand-won city
// grant split among them, a working group each (at most 10, one chair), the resident a secretary,
// and one published meeting whose minutes show on the public page. A second load adds nothing.
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
    for (const p of list.items) {
      const page = (await anon.get(`/api/v1/governance/projects/${p.id}`)).json();
      expect(page.members).toBeGreaterThanOrEqual(2);
      expect(page.members).toBeLessThanOrEqual(10);
      expect(page.milestones.length).toBeGreaterThanOrEqual(2);
      published += page.minutes.length;
    }
    expect(published).toBe(1);
  });
});
