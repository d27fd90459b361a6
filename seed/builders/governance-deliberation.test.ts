import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVotes, mapOf } from '../../server/modules/governance/deliberations/queries.ts';
import { governanceDeliberations } from '../../server/modules/governance/deliberations/tables.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { buildGovernanceDeliberation, SAMPLE_DELIBERATION_TITLE } from './governance-deliberation.ts';

// The demo's sample deliberation: made once (a second load adds nothing), a few hundred votes,
// and a map with two or three groups.
describe('sample deliberation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('is idempotent and maps into 2–3 groups', async () => {
    await buildGovernanceDeliberation(t.database.db, t.org.id);
    await buildGovernanceDeliberation(t.database.db, t.org.id);
    const rows = await t.database.db
      .select({ id: governanceDeliberations.id, isSample: governanceDeliberations.isSample })
      .from(governanceDeliberations)
      .where(
        and(
          eq(governanceDeliberations.organizationId, t.org.id),
          eq(governanceDeliberations.title, SAMPLE_DELIBERATION_TITLE),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0].isSample).toBe(true);
    const stored = await loadVotes(t.database.db, t.org.id, rows[0].id);
    expect(stored.statements).toHaveLength(20);
    expect(stored.votes.vote.length).toBeGreaterThan(300);
    const map = mapOf(stored);
    expect(map.groups.length).toBeGreaterThanOrEqual(2);
    expect(map.groups.length).toBeLessThanOrEqual(3);
  });
});
