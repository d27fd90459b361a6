import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { importReal, realPolicy, SEOUL_WIDE } from '../../modules/youth/eligibility/test-policies.ts';
import { youthPolicies } from '../../modules/youth/policies/tables.ts';
import { youthQuestions } from '../../modules/youth/questions/tables.ts';
import { addDays, dateInSeoul, fullWorkingDaysBetween } from '../time/index.ts';
import { overdueBefore } from './work-queues.ts';

// The staff home's queues: staff only, one organization's work only, the oldest item's age in
// working days by the question inbox's own rule.
const QUEUES = '/api/v1/staff/queues';

interface Queue {
  kind: string;
  label: string;
  count: number;
  oldestCreatedAt: string | null;
  oldestWorkingDays: number | null;
  targetWorkingDays: number | null;
  overdue: boolean;
  overdueCount: number;
  link: string;
}
const byKind = (items: Queue[]) => Object.fromEntries(items.map((q) => [q.kind, q]));

describe('the overdue cut-off', () => {
  // Over two years of days (추석 and 설 included), an item that came in on a day at any hour is
  // before the cut-off exactly when it has waited the target in full working days by the inbox's rule.
  it('agrees with the working-day age for every day and target', () => {
    const holidays = { outsideTable: 'solar-only' as const };
    for (const today of ['2026-12-07', '2026-09-28', '2027-02-10', '2026-01-01']) {
      for (const target of [1, 3, 5]) {
        const cut = overdueBefore(today, target);
        for (let back = 0; back < 40; back++) {
          const day = addDays(today, -back);
          const waited = fullWorkingDaysBetween(day, today, holidays) >= target;
          for (const hour of ['00:00', '12:00', '23:59']) {
            const at = new Date(`${day}T${hour}:00+09:00`);
            expect(at < cut, `${today} target ${target}: ${day} ${hour}`).toBe(waited);
          }
        }
      }
    }
  });
});

describe.each(engines)('staff work queues on %s', (engine) => {
  let t: TestApp;
  let policyId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await importReal(t, [realPolicy(SEOUL_WIDE)]);
    [{ id: policyId }] = await t.database.db
      .select({ id: youthPolicies.id })
      .from(youthPolicies)
      .where(and(eq(youthPolicies.organizationId, t.org.id), eq(youthPolicies.externalId, SEOUL_WIDE)));
  });
  afterAll(() => t?.close());

  it('refuses anonymous callers (401) and residents and young people (403)', async () => {
    expect((await new TestClient(t.app).get(QUEUES)).statusCode).toBe(401);
    for (const roles of [['resident'], ['youth']]) {
      const { client } = await signedInAs(t, roles);
      const res = await client.get(QUEUES);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('counts what waits, names it in the person’s language and ages the oldest in working days', async () => {
    const staff = await signedInAs(t, ['staff']);
    const empty = byKind((await staff.client.get(QUEUES)).json().items);
    expect(Object.keys(empty)).toEqual(expect.arrayContaining(['youth.questions', 'youth.suggestions']));
    expect(empty['youth.questions']).toEqual({
      kind: 'youth.questions',
      label: '답변을 기다리는 청년 정책 문의',
      count: 0,
      oldestCreatedAt: null,
      oldestWorkingDays: null,
      targetWorkingDays: 3,
      overdue: false,
      overdueCount: 0,
      link: '/youth/questions/inbox',
    });

    const youth = await signedInAs(t, ['youth']);
    const ask = async (body: string) =>
      (
        await youth.client.post(`/api/v1/youth/policies/${policyId}/questions`, { body, public: false })
      ).json().id as string;
    const old = await ask('지난달에 남긴 질문');
    await ask('오늘 남긴 질문');
    const answered = await ask('답변을 받은 질문');
    const oldAt = new Date(Date.now() - 20 * 86_400_000);
    await t.database.db.update(youthQuestions).set({ createdAt: oldAt }).where(eq(youthQuestions.id, old));
    expect(
      (await staff.client.put(`/api/v1/youth/questions/${answered}/answer`, { answer: '답변입니다.' }))
        .statusCode,
    ).toBe(200);
    for (const title of ['청년 공유 주방', '심야 버스', '청년 상담 확대']) {
      await youth.client.post('/api/v1/youth/suggestions', { title, body: `${title}을 제안합니다.` });
    }
    const [first] = (await youth.client.get('/api/v1/youth/suggestions/mine')).json().items;
    await staff.client.put(`/api/v1/youth/suggestions/${first.id}/status`, {
      status: 'reviewing',
      reply: '검토하고 있습니다.',
    });

    const res = await staff.client.get(QUEUES);
    expect(res.statusCode).toBe(200);
    const queues = byKind(res.json().items);
    const waited = fullWorkingDaysBetween(dateInSeoul(oldAt), dateInSeoul(new Date()), {
      outsideTable: 'solar-only',
    });
    expect(waited).toBeGreaterThanOrEqual(10); // 20 calendar days hold at least 10 working days
    expect(queues['youth.questions']).toMatchObject({
      count: 2,
      oldestCreatedAt: oldAt.toISOString(),
      oldestWorkingDays: waited,
      overdue: true,
      overdueCount: 1, // the old one; today's is within its 3 working days
    });
    // The inbox tells the same age for the same question.
    const inbox = (await staff.client.get('/api/v1/youth/questions/inbox')).json().items;
    expect(inbox.find((q: { id: string }) => q.id === old).workingDaysWaiting).toBe(waited);
    expect(queues['youth.suggestions']).toMatchObject({
      count: 2,
      oldestWorkingDays: 0,
      targetWorkingDays: null,
      overdue: false,
      overdueCount: 0,
      link: '/youth/suggestions/manage',
    });

    const admin = await signedInAs(t, ['admin'], { lang: 'en' });
    const english = byKind((await admin.client.get(QUEUES)).json().items);
    expect(english['youth.questions']).toMatchObject({
      label: 'Youth policy questions waiting for an answer',
      count: 2,
    });
    expect(english['youth.suggestions'].label).toBe('Youth policy suggestions not yet taken up for review');
  });

  it('shows another organization’s staff nothing of this one’s work', async () => {
    const home = await signedInAs(t, ['staff']);
    const before = byKind((await home.client.get(QUEUES)).json().items);
    expect(before['youth.questions'].count).toBeGreaterThan(0);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const theirs = byKind((await otherStaff.client.get(QUEUES)).json().items);
    expect(theirs['youth.questions']).toMatchObject({ count: 0, oldestCreatedAt: null });
    expect(theirs['youth.suggestions']).toMatchObject({ count: 0, oldestCreatedAt: null });
    // Their own resident's suggestion is theirs alone.
    const resident = await signedInAtOrganization(t, other, ['youth']);
    await resident.client.post('/api/v1/youth/suggestions', { title: '다른 기관 제안', body: '내용입니다.' });
    expect(byKind((await otherStaff.client.get(QUEUES)).json().items)['youth.suggestions'].count).toBe(1);
    expect(byKind((await home.client.get(QUEUES)).json().items)['youth.suggestions'].count).toBe(
      before['youth.suggestions'].count,
    );
    // Home staff reaching the other host with their cookie are not signed in there.
    const crossing = await home.client.get(QUEUES, { host: other.host });
    expect(crossing.statusCode).toBe(401);
  });
});
