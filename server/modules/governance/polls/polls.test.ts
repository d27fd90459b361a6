import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { users } from '../../../platform/auth/tables.ts';
import { privacy } from './privacy.ts';
import { governanceBallotChoices, governanceBallots } from './tables.ts';

const BASE = '/api/v1/governance/polls';
const STAFF = '/api/v1/governance/staff/polls';
const MISSING = '00000000-0000-4000-8000-000000000000';
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const pollBody = (over: Record<string, unknown> = {}) => ({
  title: '2020 협치 의제 선정',
  description: '올해 함께 추진할 의제를 골라 주십시오.',
  kind: 'pick_up_to',
  maxChoices: 3,
  options: ['마을 돌봄', '청년 일자리', '골목상권', '보행 환경', '기후 에너지'].map((label) => ({ label })),
  opensAt: inHours(-1),
  closesAt: inHours(24),
  residentsOnly: true,
  verifiedOnly: true,
  resultsVisibility: 'after_close',
  ...over,
});

describe.each(engines)('polls on %s', (engine) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
  });
  afterAll(() => t?.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await staff.client.post(STAFF, pollBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; options: { id: string; label: string }[] };
  };
  const ballot = (p: { id: string }) => `${BASE}/${p.id}/ballot`;

  it('staff create a poll (audited); people see it in the open list with its options', async () => {
    const poll = await create();
    expect(poll.options.map((o) => o.label)).toEqual([
      '마을 돌봄',
      '청년 일자리',
      '골목상권',
      '보행 환경',
      '기후 에너지',
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'governance.poll.create'), eq(auditLog.targetId, poll.id)));
    expect(audit).toBeDefined();
    const list = (await new TestClient(t.app).get(`${BASE}?state=open`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(poll.id);
    const closed = (await new TestClient(t.app).get(`${BASE}?state=closed`)).json();
    expect(closed.items.map((p: { id: string }) => p.id)).not.toContain(poll.id);
    const one = (await new TestClient(t.app).get(`${BASE}/${poll.id}`)).json();
    expect(one.state).toBe('open');
    expect(one.myChoices).toBeNull();
    expect(one.resultsAvailable).toBe(false);
  });

  it('a resident votes once; a second ballot is 409 in Korean and English, and counted once', async () => {
    const poll = await create();
    const first = await resident.client.post(ballot(poll), {
      optionIds: [poll.options[0].id, poll.options[2].id],
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await resident.client.post(ballot(poll), { optionIds: [poll.options[1].id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('governance_poll_already_voted');
    expect(again.json().error.message).toContain('이미 투표했습니다');
    const en = new TestClient(t.app, 'en');
    en.cookies = resident.client.cookies;
    en.csrfToken = resident.client.csrfToken;
    expect((await en.post(ballot(poll), { optionIds: [poll.options[1].id] })).json().error.message).toContain(
      'already voted',
    );
    const mine = (await resident.client.get(`${BASE}/${poll.id}`)).json();
    expect(new Set(mine.myChoices)).toEqual(new Set([poll.options[0].id, poll.options[2].id]));
    const results = (await staff.client.get(`${BASE}/${poll.id}/results`)).json();
    expect(results.voters).toBe(1);
    expect(results.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 1, 0, 0]);
  });

  it('one person, one vote under 30 parallel ballots from the same person, and 30 people at once', async () => {
    const poll = await create({ kind: 'single', maxChoices: null, resultsVisibility: 'live' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const send = (p: { client: TestClient }, optionId: string) =>
      fetch(`http://127.0.0.1:${port}${ballot(poll)}`, {
        method: 'POST',
        headers: {
          cookie: [...p.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': p.client.csrfToken ?? '',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ optionIds: [optionId] }),
      }).then((r) => r.status);
    const same = await signedInAs(t, ['resident']);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(same, poll.options[i % poll.options.length].id)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    const people = await Promise.all(Array.from({ length: 30 }, () => signedInAs(t, ['resident'])));
    const many = await Promise.all(people.map((p, i) => send(p, poll.options[i % 2].id)));
    expect(many.every((s) => s === 201)).toBe(true);
    const rows = await t.database.db
      .select()
      .from(governanceBallots)
      .where(eq(governanceBallots.pollId, poll.id));
    expect(rows).toHaveLength(31);
    const choices = await t.database.db
      .select()
      .from(governanceBallotChoices)
      .where(eq(governanceBallotChoices.pollId, poll.id));
    expect(choices).toHaveLength(31);
    const results = (await new TestClient(t.app).get(`${BASE}/${poll.id}/results`)).json();
    expect(results.voters).toBe(31);
    expect(results.options.reduce((n: number, o: { votes: number }) => n + o.votes, 0)).toBe(31);
  });

  it('enforces the kind: pick up to N, exactly one, no repeats, no foreign options', async () => {
    const upTo = await create();
    const four = upTo.options.slice(0, 4).map((o) => o.id);
    const tooMany = await resident.client.post(ballot(upTo), { optionIds: four });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('최대 3개');
    const repeated = await resident.client.post(ballot(upTo), { optionIds: [four[0], four[0]] });
    expect(repeated.statusCode).toBe(400);
    const foreign = await resident.client.post(ballot(upTo), { optionIds: [MISSING] });
    expect(foreign.statusCode).toBe(400);
    expect((await resident.client.post(ballot(upTo), { optionIds: [] })).statusCode).toBe(400);
    expect((await resident.client.post(ballot(upTo), { optionIds: four.slice(0, 3) })).statusCode).toBe(201);
    const single = await create({ kind: 'single', maxChoices: null });
    const two = await resident.client.post(ballot(single), {
      optionIds: single.options.slice(0, 2).map((o) => o.id),
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.code).toBe('governance_poll_choose_one');
    const multiple = await create({ kind: 'multiple', maxChoices: null });
    const all = await resident.client.post(ballot(multiple), {
      optionIds: multiple.options.map((o) => o.id),
    });
    expect(all.statusCode).toBe(201);
  });

  it('refuses people the rules leave out: non-residents, unverified accounts, ages, before and after voting', async () => {
    const poll = await create();
    const pick = { optionIds: [poll.options[0].id] };
    const youthOnly = await signedInAs(t, ['youth']);
    const notResident = await youthOnly.client.post(ballot(poll), pick);
    expect(notResident.statusCode).toBe(403);
    expect(notResident.json().error.code).toBe('governance_poll_residents_only');
    const eligibility = (await youthOnly.client.get(`${BASE}/${poll.id}`)).json().eligibility;
    expect(eligibility.find((r: { rule: string }) => r.rule === 'residence').result).toBe('fail');

    const unverified = await signedInAs(t, ['resident']);
    await t.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unverified.user.id));
    const refused = await unverified.client.post(ballot(poll), pick);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('governance_poll_verified_only');

    const aged = await create({ minAge: 19, maxAge: 39 });
    const agedPick = { optionIds: [aged.options[0].id] };
    const noDate = await resident.client.post(ballot(aged), agedPick);
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.message).toContain('생년월일');
    const old = await resident.client.post(ballot(aged), { ...agedPick, birthDate: '1950-01-01' });
    expect(old.statusCode).toBe(403);
    expect(old.json().error.code).toBe('governance_poll_age');
    expect(
      (await resident.client.post(ballot(aged), { ...agedPick, birthDate: '2000-01-01' })).statusCode,
    ).toBe(201);

    const later = await create({ opensAt: inHours(2), closesAt: inHours(5) });
    const early = await resident.client.post(ballot(later), { optionIds: [later.options[0].id] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('governance_poll_not_open');
  });

  it('hides results until the close except to staff; closing shows them with turnout', async () => {
    const poll = await create();
    await resident.client.post(ballot(poll), { optionIds: [poll.options[1].id] });
    const hidden = await resident.client.get(`${BASE}/${poll.id}/results`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().error.message).toContain('투표가 끝난 뒤 공개');
    expect((await new TestClient(t.app).get(`${BASE}/${poll.id}/results`)).statusCode).toBe(403);
    const forStaff = await staff.client.get(`${BASE}/${poll.id}/results`);
    expect(forStaff.statusCode).toBe(200);
    expect(forStaff.json().final).toBe(false);

    const closed = await staff.client.post(`${STAFF}/${poll.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().state).toBe('closed');
    expect(closed.json().closedEarly).toBe(true);
    expect((await staff.client.post(`${STAFF}/${poll.id}/close`)).statusCode).toBe(409);
    const late = await resident.client.post(ballot(poll), { optionIds: [poll.options[0].id] });
    expect(late.statusCode).toBe(409);

    const results = (await new TestClient(t.app).get(`${BASE}/${poll.id}/results`)).json();
    expect(results.final).toBe(true);
    expect(results.voters).toBe(1);
    expect(results.options[1]).toMatchObject({ votes: 1, percent: 100 });
    // Verified residents of this organization so far are who may vote: turnout is 1 of them.
    expect(results.eligible).toBeGreaterThan(1);
    expect(results.turnoutPercent).toBeCloseTo((1 / results.eligible) * 100, 1);
    const list = (await new TestClient(t.app).get(`${BASE}?state=closed`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(poll.id);
  });

  it('staff edit a poll; after the first ballot only the title, text, close and visibility change', async () => {
    const poll = await create();
    const edited = await staff.client.put(
      `${STAFF}/${poll.id}`,
      pollBody({ title: '바뀐 제목', maxChoices: 2 }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '바뀐 제목', maxChoices: 2 });
    const options = edited.json().options;
    await resident.client.post(ballot(poll), { optionIds: [options[0].id] });
    const body = pollBody({ title: '다시 바뀐 제목', maxChoices: 2 });
    const structural = await staff.client.put(`${STAFF}/${poll.id}`, { ...body, maxChoices: 3 });
    expect(structural.statusCode).toBe(409);
    expect(structural.json().error.code).toBe('governance_poll_has_ballots');
    const current = edited.json();
    const ok = await staff.client.put(`${STAFF}/${poll.id}`, {
      ...body,
      opensAt: current.opensAt,
      resultsVisibility: 'live',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '다시 바뀐 제목', resultsVisibility: 'live', voters: 1 });
    expect((await resident.client.get(`${BASE}/${poll.id}/results`)).statusCode).toBe(200);
  });

  it('refuses bad input with 400 in Korean and English', async () => {
    const backwards = await staff.client.post(STAFF, pollBody({ closesAt: inHours(-3) }));
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json())).toContain('투표 마감은 투표 시작보다 뒤여야 합니다.');
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    const noN = await en.post(STAFF, pollBody({ maxChoices: null }));
    expect(noN.statusCode).toBe(400);
    expect(JSON.stringify(noN.json())).toContain('pick up to N');
    expect((await staff.client.post(STAFF, pollBody({ options: [{ label: '하나' }] }))).statusCode).toBe(400);
    expect((await staff.client.post(STAFF, pollBody({ extra: 1 }))).statusCode).toBe(400);
    expect(
      (await resident.client.post(`${BASE}/not-a-uuid/ballot`, { optionIds: [MISSING] })).statusCode,
    ).toBe(400);
    expect(
      (await resident.client.post(`${BASE}/${MISSING}/ballot`, { optionIds: [MISSING] })).statusCode,
    ).toBe(404);
    expect((await new TestClient(t.app).get(`${BASE}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('refuses anonymous people (401), residents on staff routes (403) and another organization (404)', async () => {
    const poll = await create();
    const anon = new TestClient(t.app);
    expect((await anon.post(ballot(poll), { optionIds: [poll.options[0].id] })).statusCode).toBe(401);
    expect((await anon.get(STAFF)).statusCode).toBe(401);
    expect((await anon.post(STAFF, pollBody())).statusCode).toBe(401);
    expect((await resident.client.get(STAFF)).statusCode).toBe(403);
    expect((await resident.client.post(STAFF, pollBody())).statusCode).toBe(403);
    expect((await resident.client.get(`${STAFF}/${poll.id}`)).statusCode).toBe(403);
    expect((await resident.client.put(`${STAFF}/${poll.id}`, pollBody())).statusCode).toBe(403);
    expect((await resident.client.post(`${STAFF}/${poll.id}/close`)).statusCode).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    expect((await otherStaff.client.get(`${BASE}/${poll.id}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${BASE}/${poll.id}/results`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${STAFF}/${poll.id}`)).statusCode).toBe(404);
    expect((await otherStaff.client.post(`${STAFF}/${poll.id}/close`)).statusCode).toBe(404);
    expect((await otherStaff.client.put(`${STAFF}/${poll.id}`, pollBody())).statusCode).toBe(404);
    expect(
      (await otherResident.client.post(ballot(poll), { optionIds: [poll.options[0].id] })).statusCode,
    ).toBe(404);
    expect((await otherStaff.client.get(STAFF)).json().items).toEqual([]);
  });

  it('exports a person’s ballots and unlinks them on deletion, still counted', async () => {
    const poll = await create({ resultsVisibility: 'live' });
    const voter = await signedInAs(t, ['resident']);
    await voter.client.post(ballot(poll), { optionIds: [poll.options[4].id] });
    const exported = await privacy.exporters.pollBallots(t.database.db, voter.user.id);
    expect(exported).toEqual([
      expect.objectContaining({ poll: '2020 협치 의제 선정', option: '기후 에너지' }),
    ]);
    await t.database.db.transaction((tx) => privacy.erasers.polls(tx, voter.user.id));
    expect(await privacy.exporters.pollBallots(t.database.db, voter.user.id)).toEqual([]);
    const results = (await new TestClient(t.app).get(`${BASE}/${poll.id}/results`)).json();
    expect(results.options[4].votes).toBe(1);
  });
});
