import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { buildGovernanceProcess, SAMPLE_PROCESS_TITLE } from './governance-process.ts';
import { ILLUSTRATED_PROPOSAL_TITLE } from './governance-proposal-image.ts';

// The demo's sample participatory process: in its agenda phase with proposals open today, eleven
// sample proposals (more than a page of ten) with supports and comments. A second load adds nothing.
describe('sample participatory process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('makes one sample process taking proposals, with eleven sample proposals, once', async () => {
    await buildGovernanceProcess(t.database.db, t.org.id);
    await buildGovernanceProcess(t.database.db, t.org.id);
    const anon = new TestClient(t.app);
    const list = (await anon.get('/api/v1/governance/processes')).json();
    expect(list.items).toHaveLength(1);
    const [summary] = list.items;
    expect(summary).toMatchObject({ title: SAMPLE_PROCESS_TITLE, sample: true, state: 'active' });
    expect(summary.title.startsWith('[예시]')).toBe(true);
    expect(summary.currentPhase).toBe('agenda');
    const process = (await anon.get(`/api/v1/governance/processes/${summary.id}`)).json();
    expect(process.open.proposals).toBe(true);
    expect(process.phases).toHaveLength(5);
    const first = (await anon.get(`/api/v1/governance/processes/${summary.id}/proposals?limit=10`)).json();
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const cursor = encodeURIComponent(first.nextCursor);
    const second = (
      await anon.get(`/api/v1/governance/processes/${summary.id}/proposals?limit=10&cursor=${cursor}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ supports: 24, eligible: true, sample: true, author: '예시 주민' });
    const page = (await anon.get(`/api/v1/governance/proposals/${first.items[0].id}`)).json();
    expect(page.commentList).toHaveLength(2);
    expect(page.mine).toEqual({ supported: false, author: false, canEdit: false, canWithdraw: false });
    // One sample proposal shows a sample illustration, served as a PNG, its alt text saying so.
    const all = [...first.items, ...second.items];
    const illustrated = all.filter((p: { image: unknown }) => p.image !== null);
    expect(illustrated).toHaveLength(1);
    expect(illustrated[0].title).toBe(ILLUSTRATED_PROPOSAL_TITLE);
    expect(illustrated[0].image.alt.startsWith('예시 그림')).toBe(true);
    const png = await anon.get(`/api/v1/media/${illustrated[0].image.id}`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
  });
});
