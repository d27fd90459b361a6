import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import {
  createOtherOrganization,
  HostClient,
  signedInAtOrganization,
} from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { reindexAll } from '../../../platform/search/sources.ts';

const STAFF = '/api/v1/governance/staff/polls';
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const pollBody = (over: Record<string, unknown> = {}) => ({
  title: '마을도서관 운영 시간 연장',
  description: '주말 저녁에도 도서관을 열지 정해 주십시오.',
  kind: 'single',
  maxChoices: null,
  options: [{ label: '찬성' }, { label: '반대' }],
  opensAt: inHours(-1),
  closesAt: inHours(24),
  residentsOnly: false,
  verifiedOnly: false,
  resultsVisibility: 'live',
  ...over,
});

// Polls in the site search: indexed on create, change and close; found like the other records (a
// part of a word, a typo); never another district's.
describe.each(engines)('polls in the site search on %s', (engine) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  const search = async (q: string, client: TestClient = new TestClient(t.app)) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; type: string; url: string; title: string }[];
  };
  const create = async (over: Record<string, unknown> = {}, as = staff) => {
    const res = await as.client.post(STAFF, pollBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t?.close());

  it('finds a new poll by a part of a Korean word and by a typo, linking to its page', async () => {
    const poll = await create();
    const byPart = await search('도서관');
    const hit = byPart.find((i) => i.id === poll.id);
    expect(hit).toMatchObject({ type: 'governance.poll', url: `/governance/polls/${poll.id}` });
    expect(hit?.title).toBe('마을도서관 운영 시간 연장');
    expect((await search('운영')).map((i) => i.id)).toContain(poll.id);
    expect((await search('마을도서곤 운영 시간 연장')).map((i) => i.id)).toContain(poll.id);
  });

  it('follows an edit and a close; a rebuild keeps it', async () => {
    const poll = await create({ title: '놀이터 그늘막 설치 장소' });
    expect((await search('그늘막')).map((i) => i.id)).toContain(poll.id);
    const edited = await staff.client.put(
      `${STAFF}/${poll.id}`,
      pollBody({ title: '놀이터 분수대 설치 장소' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await search('그늘막')).map((i) => i.id)).not.toContain(poll.id);
    expect((await search('분수대')).map((i) => i.id)).toContain(poll.id);
    expect((await staff.client.post(`${STAFF}/${poll.id}/close`)).statusCode).toBe(200);
    expect((await search('분수대')).map((i) => i.id)).toContain(poll.id);
    await t.database.db.transaction((tx) => reindexAll(tx, t.org.id));
    expect((await search('분수대')).map((i) => i.id)).toContain(poll.id);
  });

  it('never returns another organization’s polls', async () => {
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const theirs = await create({ title: '하천 산책로 조명 교체' }, otherStaff);
    expect((await search('산책로')).map((i) => i.id)).not.toContain(theirs.id);
    expect((await search('하천 산책로 조명 교체')).map((i) => i.id)).not.toContain(theirs.id);
    // …while their own site finds it.
    expect((await search('산책로', new HostClient(t.app, other.host))).map((i) => i.id)).toContain(theirs.id);
  });
});
