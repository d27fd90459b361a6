import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVERTED, youthPolicyRecords } from '../../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { importPolicies } from '../national-import/index.ts';

// What people type that the words alone missed (issue 9): 자모 typos, English words, and places —
// over the public list route, on the fixture's real national records and two local policies of
// 영등포구 written by staff as the demo's are.
const records = youthPolicyRecords().filter((r) => r.plcyNo !== INVERTED);
const titled = (pattern: RegExp) => records.filter((r) => pattern.test(r.plcyNm)).map((r) => r.plcyNm.trim());
type Page = {
  items: Array<{ id: string; title: string; field: string; operator: string }>;
  nextCursor: string | null;
  suggestion?: string;
};

describe.each(engines)('youth policy search words on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const local: Record<string, string> = {};
  const search = async (q: string, more = '&limit=100') => {
    const res = await new TestClient(t.app).get(`/api/v1/youth/policies?q=${encodeURIComponent(q)}${more}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const titles = (page: Page) => page.items.map((i) => i.title.trim());

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
    await importPolicies(t.database.db, { actor: { userId: null }, organizationId: t.org.id }, records, 'ko');
    const publish = async (body: Record<string, unknown>) => {
      const res = await staff.post('/api/v1/youth/policies', body);
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      for (const to of ['review', 'published'])
        expect((await staff.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(200);
      return id;
    };
    // Neither title says where: the operator says it for one, the region list for the other.
    local.media = await publish({
      title: '1인 미디어 크리에이터 양성 과정',
      summary: '경쟁력 있는 1인 미디어 창작자를 발굴하고 육성합니다.',
      fields: ['jobs'],
      operator: '영등포구 사회적경제과 청년지원팀',
      regionCodes: ['11560'],
    });
    local.counsel = await publish({
      title: '청년 마음건강 상담',
      summary: '마음이 힘든 청년에게 상담을 드립니다.',
      fields: ['welfare'],
      operator: '서울특별시 청년정책과',
      regionCodes: ['11560'],
    });
  });
  afterAll(() => t?.close());

  it('corrects one wrong 자모: 월쇄 → 월세, 취엄 → 취업, 전새대출 → 전세대출, and says so', async () => {
    for (const [typo, meant, expected] of [
      ['월쇄', '월세', titled(/월세/)],
      ['취엄', '취업', titled(/취업/)],
      ['전새대출', '전세대출', ['청년 신혼부부 주거자금 대출이자 지원사업']],
    ] as const) {
      const fixed = await search(typo);
      expect(fixed.suggestion, typo).toBe(meant);
      expect(titles(fixed), typo).toEqual(expect.arrayContaining([...expected]));
      expect(expected.length, typo).toBeGreaterThan(0);
      // The same policies in the same order as the corrected query, which needs no correction.
      const right = await search(meant);
      expect(right.suggestion).toBeUndefined();
      expect(fixed.items).toEqual(right.items);
    }
    // Words the catalogue knows are never "corrected", even when together they find nothing.
    const none = await search('월세 크리에이터');
    expect(none.suggestion).toBeUndefined();
  });

  it('pages through corrected results with the cursor, the suggestion on every page', async () => {
    const whole = await search('월세');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search(
        '월쇄',
        `&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.suggestion).toBe('월세');
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole.items.map((i) => i.id));
    expect(seen.length).toBeGreaterThan(8);
  });

  it('English words find the fields and what policies call them', async () => {
    const housing = await search('housing');
    // Every policy of the housing field (주거), whatever its text says.
    const housingField = records.filter((r) => r.lclsfNm.includes('주거')).map((r) => r.plcyNm.trim());
    expect(housingField.length).toBeGreaterThan(10);
    expect(titles(housing)).toEqual(expect.arrayContaining(housingField));
    for (const q of ['job', 'jobs']) {
      const jobs = await search(q);
      expect(titles(jobs), q).toEqual(
        expect.arrayContaining(['서울시 일자리카페 운영', '미래 청년 일자리 사업']),
      );
      expect(titles(jobs), q).toContain('1인 미디어 크리에이터 양성 과정');
    }
    for (const q of ['startup', 'start-up', 'Start up']) {
      const startups = await search(q);
      expect(titles(startups), q).toEqual(expect.arrayContaining(titled(/창업/)));
    }
    expect(titles(await search('education'))).toContain('온국민평생배움터 운영');
    expect(titles(await search('welfare'))).toContain('청년 마음건강 상담');
    expect(titles(await search('finance'))).toContain('영세창업농 초기영농비 지원사업'); // 취약계층 및 금융지원
    expect(titles(await search('culture'))).toContain('성연 청소년문화의집 운영');
    // Mixed with Korean, and a misspelt English word corrected with a suggestion.
    expect(titles(await search('housing 음성군'))).toEqual(['음성군 청년월세 지원사업']);
    const misspelt = await search('hosuing');
    expect(misspelt.suggestion).toBe('housing');
    expect(misspelt.items).toEqual(housing.items);
  });

  it('places: 영등포 finds what 영등포구 runs or is for; operators of national policies are searched', async () => {
    const ydp = await search('영등포');
    expect(ydp.items.map((i) => i.id).sort()).toEqual([local.media, local.counsel].sort());
    expect(ydp.suggestion).toBeUndefined();
    expect((await search('Yeongdeungpo')).items.map((i) => i.id).sort()).toEqual(
      [local.media, local.counsel].sort(),
    );
    // The operator alone: 청년지원팀 is in no title, summary or region.
    expect((await search('청년지원팀')).items.map((i) => i.id)).toEqual([local.media]);
    // A whole-city list (all 25 districts) is left to the region filter: the fixture's Seoul-wide
    // policies are open to 영등포 residents but are not 영등포's own.
    expect(titles(ydp)).not.toContain('서울시 일자리카페 운영');
    expect(titles(await search('서울시', '&region=11560'))).toContain('서울시 일자리카페 운영');
    // National records whose title does not name their place: 주관기관 충주시, 강진군.
    expect(titles(await search('충주'))).toEqual(['청년 신혼부부 주거자금 대출이자 지원사업']);
    expect(titles(await search('강진'))).toEqual(['창업 청년 임대료 지원사업']);
  });

  it('an empty answer says nothing it cannot back: no suggestion when nothing is close', async () => {
    const nothing = await search('쀍쀍쀍');
    expect(nothing.items).toEqual([]);
    expect(nothing.suggestion).toBeUndefined();
    const bad = await new TestClient(t.app).get(`/api/v1/youth/policies?q=${'가'.repeat(101)}`);
    expect(bad.statusCode).toBe(400);
  });
});
