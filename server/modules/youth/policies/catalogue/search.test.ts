import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyListQuery } from '../../../../../contracts/youth-policies.ts';
import { ensureOrganization } from '../../../../../seed/builders/organization.ts';
import { youthPolicyRecords } from '../../../../../tests/fixtures/youth-policies.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/helpers/database.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { initialsOf } from '../../../../platform/search/tokens.ts';
import { addDays, todayInSeoul } from '../../../../platform/time/index.ts';
import { insertPublishedPolicy } from '../authoring/index.ts';
import { importPolicies } from '../national-import/index.ts';
import { applyStatus } from '../status.ts';
import { catalogueOf } from './copy-cache.ts';
import { listPolicies, listPoliciesJson, listPoliciesSql } from './queries.ts';
import { dayView } from './views.ts';

// The in-process search must give the SQL list's answers exactly: the same items in the same
// order, the same cursors (the two may take each other's), on every day. The catalogue here is the
// fixture's real records copied with varied titles (copies share their registration time, so ties
// are broken by id), and local policies with several rounds.
const TODAY = todayInSeoul();
const DAYS = [TODAY, addDays(TODAY, 12), addDays(TODAY, 45), addDays(TODAY, -60), '2025-07-01'];
const PREFIXES = ['영등포', '강서', '마포 청년', 'AI', '서울시'];
const SUFFIXES = ['1기', '하반기', '시즌2', 'ICT 특별', '추가모집', ''];

function replicated() {
  const base = youthPolicyRecords();
  const out = [...base];
  for (let copy = 1; copy <= 5; copy++)
    for (const [i, r] of base.entries())
      out.push({
        ...r,
        plcyNo: `T${copy}${r.plcyNo}`.slice(0, 40),
        plcyNm:
          `${PREFIXES[(copy + i) % PREFIXES.length]} ${r.plcyNm} ${SUFFIXES[(copy * 7 + i) % SUFFIXES.length]}`.trim(),
      });
  return out;
}

describe.each(engines)('the in-process catalogue search on %s', (engine) => {
  let database: TestDatabase;
  let orgId: string;
  let words: string[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    orgId = (await ensureOrganization(database.db)).id;
    const records = replicated();
    await importPolicies(database.db, { actor: { userId: null }, organizationId: orgId }, records, 'ko');
    const local = [
      {
        title: '청년 창업 공간 지원',
        rounds: [[-3, 3]],
        keywords: ['창업', '공간'],
        // Found by place through its operator and its one district (the facets).
        operator: '영등포구 사회적경제과 청년지원팀',
        regionCodes: ['11560'],
      },
      {
        title: '영등포 청년 월세 보조',
        rounds: [
          [-10, 30],
          [40, 50],
          [-90, -80],
        ],
        keywords: ['주거'],
      },
      {
        title: '청년창업 사관학교',
        rounds: [
          [5, 9],
          [5, 20],
          [-1, 2],
        ],
        keywords: [],
      },
      { title: 'AI 데이터 인턴십 (IT)', rounds: [], keywords: ['AI', 'Data'] },
      // The pairs of 'ict' without the word: the title alone must not rank it first.
      { title: 'IC CT 영상 교육', rounds: [], keywords: ['ICT'] },
      { title: 'ICT 영상 교육', rounds: [], keywords: [] },
      { title: '드론 교육', rounds: [], keywords: [], summary: 'ICT 영상 제작을 배웁니다' },
      { title: '마음건강 상담', rounds: [], keywords: [], applyPeriodKind: 'always' as const },
      { title: '청년 해외 연수', rounds: [[-30, -20]], keywords: [], applyPeriodKind: 'closed' as const },
    ];
    for (const p of local)
      await insertPublishedPolicy(database.db, orgId, {
        title: p.title,
        summary: 'summary' in p ? p.summary : `${p.title} 요약: 청년 누구나`,
        keywords: p.keywords,
        ...('operator' in p ? { operator: p.operator, regionCodes: p.regionCodes } : {}),
        fields: ['jobs'],
        applyPeriodKind: p.applyPeriodKind,
        rounds: p.rounds.map(([a, b]) => ({ startsOn: addDays(TODAY, a), endsOn: addDays(TODAY, b) })),
      });
    words = [
      ...new Set(records.flatMap((r) => r.plcyNm.match(/[\uac00-\ud7a3]{2,}|[A-Za-z]{2,}/g) ?? [])),
    ].sort();
  }, 180_000);
  afterAll(() => database?.close());

  const both = async (query: PolicyListQuery, on: string) => {
    const mem = await listPolicies(database.db, orgId, query, on);
    const ref = await listPoliciesSql(database.db, orgId, query, on);
    // The text the route sends is the same page.
    expect(JSON.parse((await listPoliciesJson(database.db, orgId, query, on)).toString('utf8'))).toEqual(mem);
    return { mem, ref };
  };

  /** Every page of a query from both, following the cursor they give (the same one); how many items. */
  const samePages = async (query: PolicyListQuery, on: string, pages = 3) => {
    let cursor: string | undefined;
    let seen = 0;
    for (let page = 0; page < pages; page++) {
      const { mem, ref } = await both({ ...query, ...(cursor ? { cursor } : {}) }, on);
      expect(mem, JSON.stringify({ query, on, page })).toEqual(ref);
      seen += mem.items.length;
      if (!mem.nextCursor) break;
      cursor = mem.nextCursor;
    }
    return seen;
  };

  it('finds, ranks and pages as the SQL does, for words, 초성, typos, filters and sorts on several days', async () => {
    const word = fc.constantFrom(...words);
    const piece = fc.tuple(word, fc.nat(4), fc.nat(4)).map(([w, a, n]) => {
      const chars = Array.from(w);
      const start = Math.min(a, chars.length - 1);
      return chars.slice(start, start + 1 + n).join('');
    });
    const typo = fc.tuple(word, fc.nat(10), fc.integer({ min: 0xac00, max: 0xd7a3 })).map(([w, at, cp]) => {
      const chars = Array.from(w);
      chars[at % chars.length] = String.fromCodePoint(cp);
      return chars.join('');
    });
    // One 자모 changed (the typos people make: 월쇄 for 월세), which the typo fallback corrects.
    const jamoTypo = fc
      .tuple(word, fc.nat(10), fc.constantFrom(1, 28, 588), fc.integer({ min: 1, max: 20 }))
      .map(([w, at, unit, by]) => {
        const chars = Array.from(w);
        const i = at % chars.length;
        const code = chars[i].codePointAt(0)! - 0xac00;
        if (code < 0 || code > 11171) return w;
        const size = unit === 1 ? 28 : unit === 28 ? 21 : 19;
        const part = Math.floor(code / unit) % size;
        chars[i] = String.fromCodePoint(0xac00 + code + (((part + by) % size) - part) * unit);
        return chars.join('');
      });
    const q = fc.oneof(
      word,
      jamoTypo,
      piece,
      fc.array(piece, { minLength: 2, maxLength: 3 }).map((ws) => ws.join(' ')),
      piece.map((w) => initialsOf(w)).filter((s) => s.length > 0),
      fc
        .tuple(piece, fc.nat(3))
        .map(([w, n]) => initialsOf(w).slice(0, n + 1))
        .filter((s) => s.length > 0),
      typo,
      word.map((w) => w[0]),
      fc.constantFrom('AI', 'ict', 'IT 창업', '청년창업', '창엽', 'ㅊㅇ', 'ㅇㄷㅍ ㅊㄴ', '!!', '2025년'),
      fc.constantFrom('월쇄', '취엄', '전새대출', '영등포', 'Yeongdeungpo', '청년지원팀', '강진', '충주'),
      fc.constantFrom(
        'housing',
        'jobs',
        'start-up',
        'Startup 영등포',
        'education',
        'welfare',
        'hosuing',
        'finanse',
      ),
    );
    // Each filter in about one search of four, as people use them.
    const sometimes = <T>(a: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
    const query: fc.Arbitrary<PolicyListQuery> = fc
      .record({
        q: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 5, arbitrary: q }),
        field: sometimes(fc.constantFrom('jobs', 'housing', 'education', 'welfare', 'participation')),
        region: sometimes(fc.constantFrom('11560', '11110', '26440', '41650', '44825')),
        age: sometimes(fc.integer({ min: 15, max: 45 })),
        status: sometimes(fc.constantFrom('open', 'closing_soon', 'upcoming', 'always_open', 'closed')),
        sort: sometimes(fc.constantFrom('relevance', 'deadline', 'newest')),
        limit: fc.integer({ min: 1, max: 40 }),
      })
      .map(
        (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as PolicyListQuery,
      );
    let runs = 0;
    let found = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom(...DAYS), async (qy, on) => {
        runs++;
        if ((await samePages(qy, on)) > 0) found++;
      }),
      { numRuns: engine === 'pglite' ? 150 : 250 },
    );
    // The comparison means something only if many searches find policies.
    expect(found / runs).toBeGreaterThan(0.3);
  }, 300_000);

  it('pages through whole lists identically: every order, broad words and 초성', async () => {
    for (const [q, sort] of [
      [undefined, 'newest'],
      [undefined, 'deadline'],
      ['청년', 'relevance'],
      ['지원', 'deadline'],
      ['ㅊㄴ', 'relevance'],
      ['청', 'relevance'],
      ['영등포 청년 창엽 공간 지원', 'relevance'],
      ['ict 영상', 'relevance'],
      ['월쇄', 'relevance'],
      ['housing', 'deadline'],
      ['취엄', 'newest'],
      ['영등포', 'relevance'],
    ] as const) {
      expect(await samePages({ ...(q ? { q } : {}), sort, limit: 37 }, TODAY, 40)).toBeGreaterThan(0);
      // One a page: every cursor (which holds the rank) is compared too.
      await samePages({ ...(q ? { q } : {}), sort, limit: 1 }, TODAY, 3);
    }
  }, 300_000);

  it('computes each policy’s status and deadline as the SQL does', async () => {
    const cat = await catalogueOf(database.db, orgId);
    for (const on of DAYS) {
      const st = applyStatus(on);
      const rows = await queryRows<{ id: string; apply_status: string; deadline: string | null }>(
        database.db,
        sql`select p.id, ${st.columns} from youth_policies p
             where p.organization_id = ${orgId} and p.status = 'published'`,
      );
      const view = dayView(cat, on);
      const mine = new Map(
        cat.entries.map((e, i) => [e.id, { status: view.status[i], deadline: view.deadline[i] }]),
      );
      expect(mine.size).toBe(rows.length);
      for (const r of rows)
        expect(mine.get(r.id), `${r.id} on ${on}`).toEqual({ status: r.apply_status, deadline: r.deadline });
    }
  });

  it('refuses a cursor of another kind of search', async () => {
    const first = await listPolicies(database.db, orgId, { q: 'ㅊㅇ', limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    await expect(
      listPolicies(database.db, orgId, { q: '청년', limit: 2, cursor: first.nextCursor! }),
    ).rejects.toMatchObject({ code: 'youth_cursor', status: 400 });
  });
});
