import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceBallots, governancePolls } from '../../server/modules/governance/polls/tables.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { buildGovernancePolls, SAMPLE_POLLS } from './governance-polls.ts';

// The demo's two sample polls: one open (results after the close), one closed in 2019 whose results
// anyone may read, with sample ballots that name nobody. A second load adds nothing.
describe('sample governance polls', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('makes one open and one closed sample poll with results, once', async () => {
    await buildGovernancePolls(t.database.db, t.org.id);
    await buildGovernancePolls(t.database.db, t.org.id);
    const polls = await t.database.db
      .select({ id: governancePolls.id })
      .from(governancePolls)
      .where(eq(governancePolls.organizationId, t.org.id));
    expect(polls).toHaveLength(2);
    const ballots = await t.database.db.select({ id: governanceBallots.id }).from(governanceBallots);
    expect(ballots).toHaveLength(SAMPLE_POLLS.reduce((n, p) => n + p.ballots, 0));

    const anon = new TestClient(t.app);
    const open = (await anon.get('/api/v1/governance/polls?state=open')).json();
    const closed = (await anon.get('/api/v1/governance/polls?state=closed')).json();
    expect(open.items).toHaveLength(1);
    expect(closed.items).toHaveLength(1);
    for (const p of [...open.items, ...closed.items]) {
      expect(p.sample).toBe(true);
      expect(p.title.startsWith('[예시]')).toBe(true);
    }
    expect(open.items[0].kind).toBe('pick_up_to');
    expect(open.items[0].voters).toBe(SAMPLE_POLLS[0].ballots);
    // Results of the open poll wait for its close; the closed one's are final and add up.
    expect((await anon.get(`/api/v1/governance/polls/${open.items[0].id}/results`)).statusCode).toBe(403);
    const results = (await anon.get(`/api/v1/governance/polls/${closed.items[0].id}/results`)).json();
    expect(results.final).toBe(true);
    expect(results.voters).toBe(SAMPLE_POLLS[1].ballots);
    expect(results.options.reduce((n: number, o: { votes: number }) => n + o.votes, 0)).toBe(results.voters);
    expect(results.options.every((o: { votes: number }) => o.votes > 0)).toBe(true);
  });
});
