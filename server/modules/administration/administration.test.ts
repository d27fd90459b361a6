import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBudget } from '../../../seed/builders/budget.ts';
import { buildEquipment, buildFacilities } from '../../../seed/builders/facilities.ts';
import { ensureOrganization } from '../../../seed/builders/organization.ts';
import { buildPlan } from '../../../seed/builders/plan.ts';
import { buildStaffing } from '../../../seed/builders/staffing.ts';
import { buildTeams } from '../../../seed/builders/teams.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { forgetOrganizations } from '../../platform/tenants/queries.ts';
import { cachedBudget, forgetBudgets } from './budget-cache.ts';

const administrationBuilders = [
  buildTeams,
  buildStaffing,
  buildFacilities,
  buildEquipment,
  buildBudget,
  buildPlan,
];
const K = 1000; // the report's 천원

describe.each(engines)('administration (public reads) on %s', (engine) => {
  let t: TestApp;
  let anon: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // The demo's own builders, twice: the second run must add nothing.
    for (let i = 0; i < 2; i++)
      for (const build of administrationBuilders) await build(t.database.db, t.org.id);
    anon = new TestClient(t.app);
  });
  afterAll(() => t?.close());

  it('shows the organization and its three teams', async () => {
    const res = await anon.get('/api/v1/administration/organization');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toEqual({ ko: '영등포구 사회적경제과', en: 'Yeongdeungpo-gu Social Economy Division' });
    expect(body.teams.map((x: { nameKo: string }) => x.nameKo)).toEqual([
      '사회적경제정책팀',
      '청년지원팀',
      '지역협치팀',
    ]);
    expect(body.teams[0].duties.length).toBeGreaterThan(0);
    expect(body.teams[0].duties[0]).toEqual({ ko: expect.any(String), en: expect.any(String) });
  });

  it('shows the 2019 staffing table with the report differences', async () => {
    const res = await anon.get('/api/v1/administration/staffing?year=2019');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({ authorised: 16, current: 16, difference: 0 });
    expect(body.rows).toHaveLength(14);
    const general = Object.fromEntries(
      body.rows
        .filter((r: { category: string }) => r.category === 'general')
        .map((r: { grade: number }) => [r.grade, r]),
    );
    expect(general[5]).toMatchObject({ authorised: 1, current: 1, difference: 0 });
    expect(general[6]).toMatchObject({ authorised: 5, current: 4, difference: -1 });
    expect(general[7]).toMatchObject({ authorised: 7, current: 6, difference: -1 });
    expect(general[8]).toMatchObject({ authorised: 2, current: 3, difference: 1 });
    expect(general[9]).toMatchObject({ authorised: 1, current: 2, difference: 1 });
    const others = body.rows.filter((r: { category: string }) => r.category !== 'general');
    expect(
      others.every((r: { authorised: number; current: number }) => r.authorised === 0 && r.current === 0),
    ).toBe(true);
  });

  it('shows the facilities, their floors and rooms, and the vehicle', async () => {
    const res = await anon.get('/api/v1/administration/facilities');
    expect(res.statusCode).toBe(200);
    const { facilities, equipment } = res.json();
    expect(facilities.map((f: { nameKo: string }) => f.nameKo)).toEqual([
      '사회적경제지원센터',
      '청년건축학교',
      '무중력지대-영등포',
    ]);
    expect(facilities.map((f: { code: string }) => f.code)).toEqual([
      'social-economy-center',
      'youth-architecture-school',
      'zero-gravity-zone',
    ]);
    const [center, school, zone] = facilities;
    expect(center.address).toContain('선유동1로 80');
    expect(center).toMatchObject({
      floorAreaM2: 684,
      landAreaM2: null,
      team: { nameKo: '사회적경제정책팀' },
    });
    expect(center.floors).toEqual([
      { floor: 2, areaM2: 276 },
      { floor: 3, areaM2: 408 },
    ]);
    expect(
      center.spaces.filter((s: { floor: number }) => s.floor === 2).map((s: { nameKo: string }) => s.nameKo),
    ).toEqual(['교육실', '운영실', '북카페']);
    expect(
      center.spaces.filter((s: { floor: number }) => s.floor === 3).map((s: { nameKo: string }) => s.nameKo),
    ).toEqual(['입주공간', '회의실', '행정']);
    expect(center.notes.ko).toBe('입주공간: 기업 7개, 창업팀 4개');
    expect(school.address).toContain('문래북로 116 B110호');
    expect(school).toMatchObject({ floorAreaM2: 189.02, team: { nameKo: '청년지원팀' } });
    expect(school.spaces.map((s: { nameKo: string }) => s.nameKo)).toEqual([
      '상담실',
      '일자리카페',
      '교육실',
    ]);
    expect(zone.address).toContain('당산로 235');
    expect(zone).toMatchObject({ floorAreaM2: 467, landAreaM2: 551 });
    expect(zone.spaces.map((s: { floor: number; nameKo: string }) => `${s.floor}:${s.nameKo}`)).toEqual([
      '1:코워킹스페이스(공용공간)',
      '2:교육실',
      '2:1인미디어실',
      '2:메이커스페이스',
      '2:공유부엌',
    ]);
    expect(equipment).toHaveLength(1);
    expect(equipment[0]).toMatchObject({
      kind: 'vehicle',
      nameKo: '행정차량',
      registeredOn: '2017-06-20',
      purposeKo: '사회적경제 활동 지원 및 점검',
    });
    expect(equipment[0].model).toContain('서울EV');
  });

  it('shows the 2019 budget exactly as the report, in won and 천원', async () => {
    const res = await anon.get('/api/v1/administration/budget?year=2019');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2019, unit: 'won' });
    expect(body.total).toEqual({
      amountWon: 1_780_060 * K,
      previousAmountWon: 654_714 * K,
      changeWon: 1_125_346 * K,
      amountThousandWon: 1_780_060,
      previousAmountThousandWon: 654_714,
      changeThousandWon: 1_125_346,
    });
    const units = body.units.map((u: Record<string, unknown>) => [
      u.nameKo,
      u.amountThousandWon,
      u.previousAmountThousandWon,
      u.changeThousandWon,
    ]);
    expect(units).toEqual([
      ['사회적경제 활성화', 625_648, 145_140, 480_508],
      ['구정의 민관협치 활성화', 262_000, 144_000, 118_000],
      ['청년의 행복한 사회진입 환경조성', 816_650, 268_178, 548_472],
      ['기본경비', 75_762, 97_396, -21_634],
    ]);
    const sum = (key: string) => body.units.reduce((s: number, u: Record<string, number>) => s + u[key], 0);
    expect(sum('amountWon')).toBe(body.total.amountWon);
    expect(sum('previousAmountWon')).toBe(body.total.previousAmountWon);
    expect(sum('changeWon')).toBe(body.total.changeWon);
    expect(body.units[0].amountWon).toBe(625_648_000);
  });

  it('shows the six plan items with budgets by source and their measurable targets', async () => {
    const res = await anon.get('/api/v1/administration/plan?year=2019');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    const budgets = items.map((i: { kind: string; number: number; budget: Record<string, number> }) => [
      `${i.kind}:${i.number}`,
      i.budget.totalThousandWon,
      i.budget.nationalWon / K,
      i.budget.cityWon / K,
      i.budget.districtWon / K,
    ]);
    expect(budgets).toEqual([
      ['plan:1', 533_073, 0, 105_000, 428_073],
      ['plan:2', 1_167_388, 622_500, 247_313, 297_575],
      ['plan:3', 228_000, 0, 221_000, 7_000],
      ['plan:4', 477_250, 82_550, 130_300, 264_400],
      ['key_project:1', 1_000_000, 0, 1_000_000, 0],
      ['key_project:2', 1_119_000, 400_000, 437_000, 282_000],
    ]);
    for (const i of items)
      expect(i.budget.nationalWon + i.budget.cityWon + i.budget.districtWon).toBe(i.budget.totalWon);
    expect(items[0]).toMatchObject({
      titleKo: '연대와 협력을 통한 사회적경제 활성화 추진',
      team: { nameKo: '사회적경제정책팀' },
      period: { start: '2019-01-01', end: '2019-12-31' },
    });
    expect(items[4].team.nameKo).toBe('지역협치팀');
    expect(items[5].team.nameKo).toBe('청년지원팀');

    const target = (item: { targets: Array<{ descriptionKo: string }> }, word: string) =>
      item.targets.find((x) => x.descriptionKo.includes(word));
    expect(target(items[0], '통합 사업설명회')).toMatchObject({
      targetCount: 2,
      unit: 'times',
      per: 'year',
      comparison: 'at_least',
    });
    expect(target(items[0], '교육 및 컨설팅')).toMatchObject({ targetCount: 6, comparison: 'at_least' });
    expect(target(items[0], '정기적 회의체')).toMatchObject({
      targetCount: 1,
      per: 'quarter',
      comparison: 'exactly',
    });
    expect(target(items[0], '세미나')).toMatchObject({ targetCount: 1, per: 'year' });
    expect(target(items[0], '한마당 축제')).toMatchObject({ targetCount: 2 });
    expect(target(items[0], '실태조사')).toMatchObject({ targetCount: 1, per: 'year' });
    expect(target(items[0], '재정지원')).toMatchObject({
      targetCount: 10,
      unit: 'enterprises',
      comparison: 'at_most',
    });
    expect(target(items[0], '공간지원')).toMatchObject({ targetCount: 8, unit: 'enterprises' });
    expect(target(items[4], '협치사업')).toMatchObject({ targetCount: 10, unit: 'projects', per: 'total' });
    expect(target(items[4], '주관부서')).toMatchObject({ targetCount: 8, unit: 'departments' });
    expect(target(items[4], '워킹그룹')).toMatchObject({
      targetCount: 10,
      unit: 'members',
      comparison: 'at_most',
    });
    expect(items[0].targets).toHaveLength(8);
    for (const x of items[0].targets) expect(x.descriptionEn.length).toBeGreaterThan(5);
  });

  it('answers the same to a signed-in person as to an anonymous one (public data)', async () => {
    const { client } = await signedInAs(t, ['resident']);
    const mine = await client.get('/api/v1/administration/budget?year=2019');
    const theirs = await anon.get('/api/v1/administration/budget?year=2019');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual(theirs.json());
  });

  it.each([
    ['abc', 'invalid_format'],
    ['1999', 'too_small'],
    ['2101', 'too_big'],
    ['2019.5', 'invalid_format'],
    ['', 'invalid_format'],
  ])('refuses year=%s with field details', async (year, code) => {
    for (const path of ['staffing', 'budget', 'plan']) {
      const res = await anon.get(`/api/v1/administration/${path}?year=${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details[0]).toMatchObject({
        field: 'querystring.year',
        ...(code ? { code } : {}),
      });
    }
  });

  it('refuses a missing year and unknown parameters', async () => {
    const missing = await anon.get('/api/v1/administration/budget');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'querystring.year', code: 'required' });
    const extra = await anon.get('/api/v1/administration/budget?year=2019&debug=1');
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].code).toBe('unrecognized_keys');
  });

  it('answers 404 for a year without data, in the asked language', async () => {
    const en = new TestClient(t.app, 'en');
    for (const path of ['staffing', 'budget', 'plan']) {
      const res = await en.get(`/api/v1/administration/${path}?year=2020`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'year_not_found',
        message: 'There is no data for 2020.',
      });
    }
    expect((await anon.get('/api/v1/administration/budget?year=2018')).json().error.message).toBe(
      '2018년 자료가 없습니다.',
    );
  });

  it("shows another organization none of this one's rows", async () => {
    const other = await ensureOrganization(t.database.db, {
      slug: 'other-district',
      nameKo: '다른구',
      nameEn: 'Other district',
      host: 'other.example',
    });
    forgetOrganizations(t.database.db);
    const headers = { host: 'other.example' };
    const org = await anon.get('/api/v1/administration/organization', headers);
    expect(org.json()).toEqual({ name: { ko: '다른구', en: 'Other district' }, teams: [] });
    expect((await anon.get('/api/v1/administration/budget?year=2019', headers)).statusCode).toBe(404);
    expect((await anon.get('/api/v1/administration/facilities', headers)).json()).toEqual({
      facilities: [],
      equipment: [],
    });
    // The same builders give the other organization its own copy.
    await buildTeams(t.database.db, other.id);
    await buildBudget(t.database.db, other.id);
    expect(
      (await anon.get('/api/v1/administration/budget?year=2019', headers)).json().total.amountThousandWon,
    ).toBe(1_780_060);
    expect((await anon.get('/api/v1/administration/budget?year=2019')).json().units).toHaveLength(4);
  });

  it('keeps a budget view until forgetBudgets, which drops it at once', async () => {
    const db = t.database.db;
    const before = await cachedBudget(db, t.org.id, 2019);
    await db.execute(
      sql`update admin_budget_units set amount_won = amount_won + 1000 where organization_id = ${t.org.id} and code = 'basic-expenses'`,
    );
    try {
      expect((await cachedBudget(db, t.org.id, 2019)).total.amountWon).toBe(before.total.amountWon);
      expect((await anon.get('/api/v1/administration/budget?year=2019')).json().total.amountThousandWon).toBe(
        1_780_060,
      );
      await forgetBudgets(db);
      const fresh = await anon.get('/api/v1/administration/budget?year=2019');
      expect(fresh.json().total.amountThousandWon).toBe(1_780_061);
    } finally {
      await db.execute(
        sql`update admin_budget_units set amount_won = amount_won - 1000 where organization_id = ${t.org.id} and code = 'basic-expenses'`,
      );
      await forgetBudgets(db);
    }
    expect((await anon.get('/api/v1/administration/budget?year=2019')).json().total.amountThousandWon).toBe(
      1_780_060,
    );
  });
});
