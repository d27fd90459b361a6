import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { outbox } from '../../../platform/notify/tables.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { governanceProposalSupports, governanceProposalVersions } from './tables.ts';

const PROCESSES = '/api/v1/governance/processes';
const STAFF_PROCESSES = '/api/v1/governance/staff/processes';
const PROPOSALS = '/api/v1/governance/proposals';
const MISSING = '00000000-0000-4000-8000-000000000000';

type User = Awaited<ReturnType<typeof signedInAs>>;

/** A day `n` days from today in Seoul, as YYYY-MM-DD. */
const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const off = { proposals: false, debates: false, deliberation: false, polls: false };
/** Agenda discovery (ended), deliberation (today, proposals on), selection (later). */
const processBody = (proposalsNow = true) => ({
  title: '시험 참여 과정',
  description: '시험용 과정입니다.',
  supportThreshold: 2,
  phases: [
    { kind: 'agenda', startsOn: day(-30), endsOn: day(-11), ...off, proposals: true },
    {
      kind: 'deliberation',
      startsOn: day(-10),
      endsOn: day(10),
      ...off,
      proposals: proposalsNow,
      debates: true,
    },
    { kind: 'selection', startsOn: day(11), endsOn: day(20), ...off, polls: true },
  ],
});
const proposalBody = {
  title: '마을 도서관 야간 개방',
  body: '퇴근 뒤에도 이용할 수 있도록 마을 도서관을 밤 10시까지 열어 주십시오.',
  category: 'culture',
  place: '당산동',
};

describe.each(engines)('participatory processes and proposals on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let neighbour: User;
  let processId: string;
  let proposalId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    neighbour = await signedInAs(t, ['resident']);
  });
  afterAll(() => t?.close());

  it('staff create a process (audited); everyone reads it with its current phase', async () => {
    const made = await staff.client.post(STAFF_PROCESSES, processBody());
    expect(made.statusCode).toBe(201);
    processId = made.json().id;
    expect(made.json()).toMatchObject({
      state: 'active',
      currentPhase: 'deliberation',
      open: { proposals: true, debates: true, deliberation: false, polls: false },
      supportThreshold: 2,
    });
    expect(made.json().phases.map((p: { kind: string }) => p.kind)).toEqual([
      'agenda',
      'deliberation',
      'selection',
    ]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, processId));
    expect(audit.map((a) => a.action)).toEqual(['governance.process.create']);
    const anon = new TestClient(t.app);
    const list = (await anon.get(PROCESSES)).json();
    expect(list.items.find((p: { id: string }) => p.id === processId)).toMatchObject({
      title: '시험 참여 과정',
      currentPhase: 'deliberation',
      proposals: 0,
    });
    expect((await anon.get(`${PROCESSES}/${MISSING}`)).statusCode).toBe(404);
  });

  it('refuses phases out of order or ending before they start, in Korean and English', async () => {
    const body = processBody();
    const swapped = { ...body, phases: [body.phases[1], body.phases[0]] };
    const ko = await staff.client.post(STAFF_PROCESSES, swapped);
    expect(ko.statusCode).toBe(400);
    expect(ko.json().error.message).toContain('단계는 의제 발굴, 숙의, 선정, 실행, 평가 순서로');
    const en = await (await signedInAs(t, ['staff'], { lang: 'en' })).client.post(STAFF_PROCESSES, {
      ...body,
      phases: [{ ...body.phases[0], endsOn: day(-40) }],
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('Phases must follow the order');
    const noTitle = await staff.client.post(STAFF_PROCESSES, { ...body, title: '' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details[0].field).toBe('body.title');
  });

  it('staff edit the phases; the parts open follow the current phase', async () => {
    const edited = await staff.client.put(`${STAFF_PROCESSES}/${processId}`, processBody(false));
    expect(edited.statusCode).toBe(200);
    expect(edited.json().open.proposals).toBe(false);
    const refused = await author.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('governance_proposals_closed');
    expect((await staff.client.put(`${STAFF_PROCESSES}/${processId}`, processBody())).statusCode).toBe(200);
    expect((await staff.client.put(`${STAFF_PROCESSES}/${MISSING}`, processBody())).statusCode).toBe(404);
  });

  it('refuses anonymous people, residents on staff routes and another organization', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(STAFF_PROCESSES, processBody())).statusCode).toBe(401);
    expect((await anon.post(`${PROCESSES}/${processId}/proposals`, proposalBody)).statusCode).toBe(401);
    expect((await anon.put(`${PROPOSALS}/${MISSING}/support`)).statusCode).toBe(401);
    expect(
      (await anon.post(`${PROPOSALS}/${MISSING}/comments`, { body: '의견', stance: 'for' })).statusCode,
    ).toBe(401);
    expect((await anon.put(`/api/v1/governance/staff/proposals/${MISSING}/answer`, {})).statusCode).toBe(401);
    expect((await author.client.post(STAFF_PROCESSES, processBody())).statusCode).toBe(403);
    expect((await author.client.put(`${STAFF_PROCESSES}/${processId}`, processBody())).statusCode).toBe(403);
    const answer = { status: 'accepted', reason: '좋습니다', cost: null, period: '' };
    expect(
      (await author.client.put(`/api/v1/governance/staff/proposals/${MISSING}/answer`, answer)).statusCode,
    ).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    expect((await otherStaff.client.get(`${PROCESSES}/${processId}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(PROCESSES)).json().items).toEqual([]);
    expect((await otherStaff.client.put(`${STAFF_PROCESSES}/${processId}`, processBody())).statusCode).toBe(
      404,
    );
    expect(
      (await otherResident.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody)).statusCode,
    ).toBe(404);
    expect((await otherResident.client.get(`${PROCESSES}/${processId}/proposals`)).statusCode).toBe(404);
  });

  it('takes a proposal, refuses bad input in both languages, and finds similar titles with typos', async () => {
    const made = await author.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody);
    expect(made.statusCode).toBe(201);
    proposalId = made.json().id;
    expect(made.json()).toMatchObject({
      supports: 0,
      eligible: false,
      mine: { author: true, supported: false },
    });
    expect(made.json().author).toMatch(/\*/); // masked, never the full name
    const bad = await author.client.post(`${PROCESSES}/${processId}/proposals`, {
      ...proposalBody,
      category: 'astrology',
      body: '짧음',
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.body', 'body.category']);
    const en = (await signedInAs(t, ['resident'], { lang: 'en' })).client;
    const badEn = await en.post(`${PROCESSES}/${processId}/proposals`, { ...proposalBody, body: '짧음' });
    expect(badEn.json().error.details[0].message).toContain('at least 10 characters');
    expect(
      bad.json().error.details.find((d: { field: string }) => d.field === 'body.body').message,
    ).toContain('10자 이상');
    await author.client.post(`${PROCESSES}/${processId}/proposals`, {
      ...proposalBody,
      title: '공원 산책로 조명 설치',
      category: 'safety',
    });
    const similar = await new TestClient(t.app).get(
      `${PROCESSES}/${processId}/proposals/similar?title=${encodeURIComponent('마을 도서괸 야간 개방 요청')}`,
    );
    expect(similar.statusCode).toBe(200);
    expect(similar.json().items.map((i: { title: string }) => i.title)).toEqual(['마을 도서관 야간 개방']);
    const none = await new TestClient(t.app).get(
      `${PROCESSES}/${processId}/proposals/similar?title=${encodeURIComponent('주차장 요금')}`,
    );
    expect(none.json().items).toEqual([]);
  });

  it('counts one support per person under 20 parallel requests; the threshold makes it eligible', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => neighbour.client.put(`${PROPOSALS}/${proposalId}/support`)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const rows = await t.database.db
      .select()
      .from(governanceProposalSupports)
      .where(eq(governanceProposalSupports.proposalId, proposalId));
    expect(rows).toHaveLength(1);
    let detail = (await neighbour.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(detail).toMatchObject({ supports: 1, eligible: false, mine: { supported: true, author: false } });
    const third = await signedInAs(t, ['resident']);
    expect((await third.client.put(`${PROPOSALS}/${proposalId}/support`)).json()).toEqual({
      supported: true,
      supports: 2,
      eligible: true,
    });
    expect((await third.client.delete(`${PROPOSALS}/${proposalId}/support`)).json()).toMatchObject({
      supports: 1,
    });
    expect((await third.client.delete(`${PROPOSALS}/${proposalId}/support`)).json()).toMatchObject({
      supports: 1,
    });
    await third.client.put(`${PROPOSALS}/${proposalId}/support`);
    detail = (await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`)).json();
    expect(detail).toMatchObject({ supports: 2, eligible: true, mine: { supported: false } });
  });

  it('lists with filters, sorts by supports, newest and a seeded random order that pages stably', async () => {
    for (let i = 0; i < 5; i++)
      await neighbour.client.post(`${PROCESSES}/${processId}/proposals`, {
        ...proposalBody,
        title: `제안 묶음 ${i + 1}`,
        category: 'welfare',
      });
    const list = (q: string) => new TestClient(t.app).get(`${PROCESSES}/${processId}/proposals?${q}`);
    const top = (await list('sort=supports&limit=3')).json();
    expect(top.items[0]).toMatchObject({ id: proposalId, supports: 2, eligible: true });
    const newest = (await list('sort=newest&limit=50')).json().items.map((i: { title: string }) => i.title);
    expect(newest[0]).toBe('제안 묶음 5');
    expect(newest).toHaveLength(7);
    // The process list and page count them (not each proposal's own row).
    const processes = (await new TestClient(t.app).get(PROCESSES)).json();
    expect(processes.items.find((p: { id: string }) => p.id === processId).proposals).toBe(7);
    expect((await new TestClient(t.app).get(`${PROCESSES}/${processId}`)).json().proposals).toBe(7);
    expect((await list('category=welfare')).json().items).toHaveLength(5);
    expect((await list('status=eligible')).json().items.map((i: { id: string }) => i.id)).toEqual([
      proposalId,
    ]);
    const walk = async (q: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await list(`${q}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        ).json();
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    for (const sort of ['supports', 'newest']) {
      const paged = await walk(`sort=${sort}`);
      expect(new Set(paged).size).toBe(7);
    }
    const a = await walk('sort=random&seed=alpha');
    expect(new Set(a).size).toBe(7);
    expect(await walk('sort=random&seed=alpha')).toEqual(a);
    const orders = await Promise.all(['b', 'c', 'd', 'e'].map((s) => walk(`sort=random&seed=${s}`)));
    expect(orders.some((o) => o.join() !== a.join())).toBe(true);
    expect((await list('cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await list('sort=loudest')).statusCode).toBe(400);
  });

  it('threads comments with a stance; a reply must be to a comment on the same proposal', async () => {
    const first = await neighbour.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '좋은 생각입니다.',
      stance: 'for',
    });
    expect(first.statusCode).toBe(201);
    const parentId = first.json().commentList[0].id;
    const reply = await author.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '관리 인력은 어떻게 합니까?',
      stance: 'neutral',
      parentId,
    });
    expect(reply.json().commentList).toMatchObject([
      { parentId: null, stance: 'for' },
      { parentId, stance: 'neutral' },
    ]);
    expect(reply.json().comments).toBe(2);
    const stray = await author.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '답글',
      stance: 'against',
      parentId: MISSING,
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.code).toBe('governance_comment_parent');
    expect(
      (await author.client.post(`${PROPOSALS}/${proposalId}/comments`, { body: '의견', stance: 'maybe' }))
        .statusCode,
    ).toBe(400);
  });

  it('amendments: the author accepts one (text replaced, version kept) and rejects another', async () => {
    const own = await author.client.post(`${PROPOSALS}/${proposalId}/amendments`, {
      body: '제가 쓴 제안을 제가 고치려고 합니다.',
    });
    expect(own.statusCode).toBe(409);
    const newText = '마을 도서관을 평일 밤 10시까지, 주말에는 저녁 8시까지 열어 주십시오.';
    const proposed = await neighbour.client.post(`${PROPOSALS}/${proposalId}/amendments`, { body: newText });
    expect(proposed.statusCode).toBe(201);
    const amendmentId = proposed.json().amendments[0].id;
    const decide = (u: User, id: string, decision: string) =>
      u.client.put(`/api/v1/governance/amendments/${id}/decision`, { decision });
    expect((await decide(neighbour, amendmentId, 'accepted')).statusCode).toBe(403);
    const accepted = await decide(author, amendmentId, 'accepted');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ body: newText, version: 2 });
    expect(accepted.json().amendments[0]).toMatchObject({ status: 'accepted' });
    const versions = await t.database.db
      .select()
      .from(governanceProposalVersions)
      .where(eq(governanceProposalVersions.proposalId, proposalId));
    expect(versions).toMatchObject([{ version: 1, body: proposalBody.body, amendmentId }]);
    expect((await decide(author, amendmentId, 'rejected')).statusCode).toBe(409);
    const second = await neighbour.client.post(`${PROPOSALS}/${proposalId}/amendments`, {
      body: '도서관 대신 주민센터를 여는 것은 어떻습니까?',
    });
    const rejected = await decide(author, second.json().amendments[0].id, 'rejected');
    expect(rejected.json()).toMatchObject({ body: newText, version: 2 });
    expect((await decide(author, MISSING, 'accepted')).statusCode).toBe(404);
  });

  it('staff answer officially (audited) and the author is notified through the outbox', async () => {
    const answer = {
      status: 'accepted',
      reason: '내년 예산에 반영합니다.',
      cost: 12_000_000,
      period: '2021년 상반기',
    };
    const res = await staff.client.put(`/api/v1/governance/staff/proposals/${proposalId}/answer`, answer);
    expect(res.statusCode).toBe(200);
    expect(res.json().answer).toMatchObject({
      status: 'accepted',
      cost: 12_000_000,
      period: '2021년 상반기',
    });
    expect(res.json().answerStatus).toBe('accepted');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, proposalId));
    expect(audit.map((a) => a.action)).toEqual(['governance.proposal.answer']);
    const notices = await t.database.db.select().from(outbox).where(eq(outbox.userId, author.user.id));
    expect(notices.map((n) => n.kind)).toEqual(['governance.proposal_answered']);
    const bad = await staff.client.put(`/api/v1/governance/staff/proposals/${proposalId}/answer`, {
      ...answer,
      status: 'maybe',
      cost: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await staff.client.put(`/api/v1/governance/staff/proposals/${MISSING}/answer`, answer)).statusCode,
    ).toBe(404);
    const accepted = await new TestClient(t.app).get(`${PROCESSES}/${processId}/proposals?status=accepted`);
    expect(accepted.json().items.map((i: { id: string }) => i.id)).toEqual([proposalId]);
  });
});
