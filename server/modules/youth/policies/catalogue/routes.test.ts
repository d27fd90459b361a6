import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVERTED, youthPolicyRecords } from '../../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { initialsOf } from '../../../../platform/search/tokens.ts';
import { addDays, todayInSeoul } from '../../../../platform/time/index.ts';
import { listPoliciesForEligibility } from '../index.ts';
import { importPolicies } from '../national-import/index.ts';

const records = youthPolicyRecords();
/** The fixture's records the import takes in: all but the one it refuses. */
const NATIONAL = records.filter((r) => r.plcyNo !== INVERTED).length;

const shift = (days: number) => addDays(todayInSeoul(), days);
type Item = { id: string; title: string; status: string; deadline: string | null; fields: string[] };

describe.each(engines)('youth policies on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  let youth: TestClient;
  const anon = () => new TestClient(t.app);
  const ids: Record<string, string> = {};
  const list = async (qs: string) => {
    const res = await anon().get(`/api/v1/youth/policies?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; nextCursor: string | null };
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await staff.post('/api/v1/youth/policies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const transition = (id: string, to: string, client = staff) =>
    client.post(`/api/v1/youth/policies/${id}/transition`, { to });
  const publish = async (id: string) => {
    expect((await transition(id, 'review')).statusCode).toBe(200);
    expect((await transition(id, 'published')).statusCode).toBe(200);
  };
  const column = async <T>(id: string, expr: string) =>
    (
      await queryRows<{ v: T }>(
        t.database.db,
        sql`select ${sql.raw(expr)} as v from youth_policies where id = ${id}`,
      )
    )[0].v;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
    youth = (await signedInAs(t, ['youth'])).client;
    await importPolicies(t.database.db, { actor: { userId: null }, organizationId: t.org.id }, records, 'ko');
    ids.startup = await create({
      title: '영등포 청년 창업 공간 지원',
      summary: '영등포구 청년 창업가에게 사무 공간을 드립니다.',
      keywords: ['창업', '공간'],
      fields: ['jobs'],
      rounds: [{ startsOn: shift(-3), endsOn: shift(3) }],
      minAge: 19,
      maxAge: 34,
      regionCodes: ['11560'],
      employmentCodes: ['0013003'],
    });
    ids.rent = await create({
      title: '영등포 청년 월세 보조',
      summary: '혼자 사는 청년의 월세를 돕습니다.',
      supportContent: '주거비 월 20만원, 퐁당두레카드로 지급',
      fields: ['housing'],
      rounds: [{ startsOn: shift(-10), endsOn: shift(30) }],
    });
    ids.always = await create({
      title: '영등포 청년 마음건강 상담',
      applyPeriodKind: 'always',
      fields: ['welfare'],
    });
    ids.later = await create({
      title: '영등포 청년 해외 연수',
      rounds: [{ startsOn: shift(10), endsOn: shift(20) }],
    });
    for (const id of Object.values(ids)) await publish(id);
    ids.draft = await create({ title: '영등포 청년 비공개 초안 창업' });
  });
  afterAll(() => t?.close());

  it('one policy: a draft only for staff, 404 for others and for an unknown id, 400 for a bad id', async () => {
    expect((await anon().get(`/api/v1/youth/policies/${ids.draft}`)).statusCode).toBe(404);
    expect((await youth.get(`/api/v1/youth/policies/${ids.draft}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/youth/policies/${ids.draft}`)).json().workflowStatus).toBe('draft');
    expect((await anon().get(`/api/v1/youth/policies/${ids.rent}`)).json()).toMatchObject({
      title: '영등포 청년 월세 보조',
      workflowStatus: 'published',
    });
    expect((await anon().get('/api/v1/youth/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await anon().get('/api/v1/youth/policies/not-a-uuid')).statusCode).toBe(400);
  });

  it('computes the application status for today in Korea', async () => {
    const statusOf = async (id: string) => (await anon().get(`/api/v1/youth/policies/${id}`)).json();
    expect(await statusOf(ids.startup)).toMatchObject({ status: 'closing_soon', deadline: shift(3) });
    expect(await statusOf(ids.rent)).toMatchObject({ status: 'open', deadline: shift(30) });
    expect(await statusOf(ids.always)).toMatchObject({ status: 'always_open', deadline: null });
    expect(await statusOf(ids.later)).toMatchObject({ status: 'upcoming', deadline: shift(20) });
  });

  it('Korean search: two-syllable words, initial consonants, typos', async () => {
    const housing = await list(`q=${encodeURIComponent('주거')}&limit=100`);
    expect(housing.items.length).toBeGreaterThan(20);
    expect(housing.items.slice(0, 10).every((i) => i.title.includes('주거'))).toBe(true); // title matches rank first
    // A word found only in the support content.
    expect((await list(`q=${encodeURIComponent('퐁당두레')}`)).items.map((i) => i.id)).toEqual([ids.rent]);
    const startup = await list(`q=${encodeURIComponent('창업')}&limit=100`);
    expect(startup.items.map((i) => i.id)).toContain(ids.startup);
    expect(startup.items.slice(0, 10).every((i) => i.title.includes('창업'))).toBe(true);
    const initials = await list(`q=${encodeURIComponent('ㅊㅇ')}&limit=100`);
    expect(initials.items.length).toBeGreaterThan(0);
    expect(initials.items.every((i) => initialsOf(i.title).includes('ㅊㅇ'))).toBe(true);
    expect(initials.items.some((i) => i.title.includes('창업'))).toBe(true);
    const ydp = await list(`q=${encodeURIComponent('ㅇㄷㅍ ㅊㄴ ㅊㅇ')}`);
    expect(ydp.items[0].id).toBe(ids.startup);
    const typo = await list(`q=${encodeURIComponent('영등포 청년 창엽 공간 지원')}`);
    expect(typo.items[0].id).toBe(ids.startup);
    const realTitle: string = records[10].plcyNm.trim();
    const misspelt = `${realTitle.slice(0, -1)}X`;
    const found = await list(`q=${encodeURIComponent(misspelt)}`);
    expect(found.items.map((i) => i.title)).toContain(realTitle);
  });

  it('filters by field, region (unrestricted policies always match), age and status', async () => {
    const housing = await list('field=housing&limit=100');
    for (const i of housing.items) {
      expect(await column<string[]>(i.id, 'fields'), i.title).toContain('housing');
      // The card names its fields from these codes, not from the source's free-text 대분류.
      expect(i.fields, i.title).toContain('housing');
    }
    expect(housing.items.map((i) => i.id)).toContain(ids.rent);
    const ydp = await list('region=11560&limit=100');
    expect(ydp.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.startup, ids.rent]));
    for (const i of ydp.items) {
      const regions = await column<string[]>(i.id, 'region_codes');
      expect(regions.length === 0 || regions.includes('11560'), i.title).toBe(true);
    }
    const elsewhere = await list('region=26110&limit=100');
    expect(elsewhere.items.map((i) => i.id)).not.toContain(ids.startup);
    expect(elsewhere.items.map((i) => i.id)).toContain(ids.rent);
    expect((await list('age=40&limit=100')).items.map((i) => i.id)).not.toContain(ids.startup);
    expect((await list('age=25&region=11560&limit=100')).items.map((i) => i.id)).toContain(ids.startup);
    const soon = await list('status=closing_soon&limit=100');
    expect(soon.items.map((i) => i.id)).toContain(ids.startup);
    expect(soon.items.every((i) => i.status === 'closing_soon' && i.deadline! <= shift(7))).toBe(true);
    const open = await list('status=open&limit=100');
    expect(open.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.startup, ids.rent]));
    expect(open.items.every((i) => ['open', 'closing_soon'].includes(i.status))).toBe(true);
    const always = await list('status=always_open&limit=100');
    expect(always.items.map((i) => i.id)).toContain(ids.always);
    expect(always.items.every((i) => i.status === 'always_open')).toBe(true);
    const closed = await list('status=closed&limit=5');
    expect(closed.items.every((i) => i.status === 'closed')).toBe(true);
    const combined = await list(`q=${encodeURIComponent('창업')}&field=jobs&region=11560&age=30&status=open`);
    expect(combined.items.map((i) => i.id)).toContain(ids.startup);
    expect(combined.items.every((i) => ['open', 'closing_soon'].includes(i.status))).toBe(true);
  });

  it('sorts by deadline (open soonest first, always open, then closed) and by newest', async () => {
    const all: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=deadline&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const rank = (s: string) => ['open', 'closing_soon', 'upcoming', 'always_open', 'closed'].indexOf(s);
    const group = (s: string) => Math.max(0, rank(s) - 1);
    for (let i = 1; i < all.length; i++) {
      expect(group(all[i - 1].status)).toBeLessThanOrEqual(group(all[i].status));
      if (group(all[i].status) === 0 && group(all[i - 1].status) === 0)
        expect(all[i - 1].deadline! <= all[i].deadline!).toBe(true);
    }
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.length).toBe(NATIONAL + 4);
    const newest = await list('limit=1');
    expect(newest.items[0].id).toBe(ids.later); // published last, registered last
  });

  it('pages with a cursor: every result once, in the same order as one long page', async () => {
    for (const qs of [`q=${encodeURIComponent('청년')}`, 'sort=newest', `q=${encodeURIComponent('ㅊㄴ')}`]) {
      const whole = await list(`${qs}&limit=100`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`${qs}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor && paged.length < 100);
      expect(paged.slice(0, 100), qs).toEqual(whole.items.map((i) => i.id));
    }
  });

  it('400 for bad filters and cursors', async () => {
    for (const qs of [
      'limit=0',
      'region=1156',
      'status=soon',
      'sort=best',
      'age=x',
      'field=sports',
      'cursor=abc',
    ]) {
      const res = await anon().get(`/api/v1/youth/policies?${qs}`);
      expect(res.statusCode, qs).toBe(400);
    }
    const res = await anon().get('/api/v1/youth/policies?region=1156');
    expect(res.json().error.details[0].field).toBe('querystring.region');
  });

  it('listPoliciesForEligibility gives published policies with their rules and status', async () => {
    const all = await listPoliciesForEligibility(t.database.db, t.org.id);
    expect(all.length).toBe(NATIONAL + 4);
    const startup = all.find((p) => p.id === ids.startup)!;
    expect(startup).toMatchObject({ status: 'closing_soon', deadline: shift(3), externalId: null });
    expect(startup.eligibility).toMatchObject({
      minAge: 19,
      maxAge: 34,
      regionCodes: ['11560'],
      employmentCodes: ['0013003'],
      incomeConditionCode: null,
    });
    expect(all.some((p) => p.id === ids.draft)).toBe(false);
    const later = await listPoliciesForEligibility(t.database.db, t.org.id, shift(15));
    expect(later.find((p) => p.id === ids.later)?.status).toBe('closing_soon');
  });
});
