import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { governanceDebateComments } from './tables.ts';

const PROCESSES = '/api/v1/governance/processes';
const STAFF = '/api/v1/governance/staff';
const DEBATES = '/api/v1/governance/debates';
const MISSING = '00000000-0000-4000-8000-000000000000';

type User = Awaited<ReturnType<typeof signedInAs>>;

/** A day `n` days from today in Seoul, as YYYY-MM-DD. */
const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const off = { proposals: false, debates: false, deliberation: false, polls: false };
/** Today's phase (deliberation) has debates on or off; the next phase never has them. */
const processBody = (debatesNow = true) => ({
  title: '토론 시험 과정',
  description: '시험용 과정입니다.',
  supportThreshold: 5,
  phases: [
    { kind: 'deliberation', startsOn: day(-5), endsOn: day(5), ...off, debates: debatesNow },
    { kind: 'selection', startsOn: day(6), endsOn: day(20), ...off, polls: true },
  ],
});
const debateBody = {
  title: '공원 야간 조명, 어디까지 늘릴까요?',
  question:
    '산책로 안전을 위해 조명을 늘리자는 의견과 빛 공해를 걱정하는 의견이 있습니다. 어떻게 생각하십니까?',
};
const conclusion = { conclusion: '산책로 주요 구간에만 조명을 늘리고, 주거지 쪽은 밝기를 낮춥니다.' };

describe.each(engines)('debates in a participatory process on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let resident: User;
  let neighbour: User;
  let processId: string;
  let debateId: string;
  let firstCommentId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
    neighbour = await signedInAs(t, ['resident']);
    processId = (await staff.client.post(`${STAFF}/processes`, processBody())).json().id;
  });
  afterAll(() => t?.close());

  it('staff open a debate (audited); everyone reads it as open with no comments', async () => {
    const made = await staff.client.post(`${STAFF}/processes/${processId}/debates`, debateBody);
    expect(made.statusCode).toBe(201);
    debateId = made.json().id;
    expect(made.json()).toMatchObject({
      title: debateBody.title,
      status: 'open',
      comments: 0,
      stances: { for: 0, against: 0, neutral: 0 },
      conclusion: null,
      phaseOpen: true,
      commentsOpen: true,
      processId,
      processTitle: '토론 시험 과정',
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, debateId));
    expect(audit.map((a) => a.action)).toEqual(['governance.debate.create']);
    const anon = new TestClient(t.app);
    expect((await anon.get(`${DEBATES}/${debateId}`)).json().question).toBe(debateBody.question);
    expect((await anon.get(`${DEBATES}/${MISSING}`)).statusCode).toBe(404);
    expect((await anon.get(`${PROCESSES}/${MISSING}/debates`)).statusCode).toBe(404);
  });

  it('refuses bad input in Korean and English, NUL bytes and huge bodies', async () => {
    const ko = await staff.client.post(`${STAFF}/processes/${processId}/debates`, {
      title: '',
      question: '짧음',
    });
    expect(ko.statusCode).toBe(400);
    const fields = ko
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.question', 'body.title']);
    expect(
      ko.json().error.details.find((d: { field: string }) => d.field === 'body.question').message,
    ).toContain('10자 이상');
    const enStaff = await signedInAs(t, ['staff'], { lang: 'en' });
    const en = await enStaff.client.post(`${STAFF}/processes/${processId}/debates`, {
      ...debateBody,
      question: 'short',
    });
    expect(en.json().error.details[0].message).toContain('at least 10 characters');
    const nul = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '좋은\u0000생각',
      stance: 'for',
    });
    expect(nul.statusCode).toBe(400);
    const huge = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '가'.repeat(2_000_000),
      stance: 'for',
    });
    expect(huge.statusCode).toBe(413);
    const long = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '가'.repeat(2001),
      stance: 'for',
    });
    expect(long.statusCode).toBe(400);
    const extra = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '의견',
      stance: 'for',
      admin: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(
      (await resident.client.post(`${DEBATES}/${debateId}/comments`, { body: '의견', stance: 'maybe' }))
        .statusCode,
    ).toBe(400);
    expect((await new TestClient(t.app).get(`${DEBATES}/not-a-uuid`)).statusCode).toBe(400);
    expect((await new TestClient(t.app).get(`${DEBATES}/${debateId}/comments?cursor=nope`)).statusCode).toBe(
      400,
    );
  });

  it('refuses anonymous people, residents on staff routes and another organization', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(`${STAFF}/processes/${processId}/debates`, debateBody)).statusCode).toBe(401);
    expect((await anon.put(`${STAFF}/debates/${debateId}/close`, conclusion)).statusCode).toBe(401);
    const anonComment = await anon.post(`${DEBATES}/${debateId}/comments`, { body: '의견', stance: 'for' });
    expect(anonComment.statusCode).toBe(401);
    expect(anonComment.json().error.message).toMatch(/로그인/);
    expect(
      (await resident.client.post(`${STAFF}/processes/${processId}/debates`, debateBody)).statusCode,
    ).toBe(403);
    expect((await resident.client.put(`${STAFF}/debates/${debateId}/close`, conclusion)).statusCode).toBe(
      403,
    );
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    expect((await otherStaff.client.get(`${DEBATES}/${debateId}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${DEBATES}/${debateId}/comments`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${PROCESSES}/${processId}/debates`)).statusCode).toBe(404);
    expect(
      (await otherStaff.client.post(`${STAFF}/processes/${processId}/debates`, debateBody)).statusCode,
    ).toBe(404);
    expect((await otherStaff.client.put(`${STAFF}/debates/${debateId}/close`, conclusion)).statusCode).toBe(
      404,
    );
    expect(
      (await otherResident.client.post(`${DEBATES}/${debateId}/comments`, { body: '의견', stance: 'for' }))
        .statusCode,
    ).toBe(404);
  });

  it('threads stance comments, counts them per stance, and pages the threads', async () => {
    const first = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '밤길이 어두워서 조명이 꼭 필요합니다.',
      stance: 'for',
    });
    expect(first.statusCode).toBe(201);
    firstCommentId = first.json().id;
    expect(first.json()).toMatchObject({ parentId: null, stance: 'for' });
    expect(first.json().author).toMatch(/\*/); // masked, never the full name
    const reply = await neighbour.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '집 창문으로 빛이 들어오면 잠을 설칩니다.',
      stance: 'against',
      parentId: firstCommentId,
    });
    expect(reply.json().parentId).toBe(firstCommentId);
    // A reply to a reply joins the same thread.
    const deeper = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '밝기를 낮추면 어떻습니까?',
      stance: 'neutral',
      parentId: reply.json().id,
    });
    expect(deeper.json().parentId).toBe(firstCommentId);
    const stray = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '답글',
      stance: 'for',
      parentId: MISSING,
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.code).toBe('governance_debate_parent');
    for (let i = 0; i < 3; i++)
      await neighbour.client.post(`${DEBATES}/${debateId}/comments`, {
        body: `의견 ${i + 1}`,
        stance: 'against',
      });
    const detail = (await new TestClient(t.app).get(`${DEBATES}/${debateId}`)).json();
    expect(detail).toMatchObject({ comments: 6, stances: { for: 1, against: 4, neutral: 1 } });
    const seen: { id: string; replies: unknown[] }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; replies: unknown[] }[]; nextCursor: string | null } = (
        await new TestClient(t.app).get(
          `${DEBATES}/${debateId}/comments?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.replies.length)).toEqual([2, 0, 0, 0]);
    expect(seen[0].id).toBe(firstCommentId);
  });

  it('takes no comments while the phase has debates off', async () => {
    expect((await staff.client.put(`${STAFF}/processes/${processId}`, processBody(false))).statusCode).toBe(
      200,
    );
    const refused = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '의견',
      stance: 'for',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('governance_debates_off');
    expect((await new TestClient(t.app).get(`${DEBATES}/${debateId}`)).json()).toMatchObject({
      phaseOpen: false,
      commentsOpen: false,
      status: 'open',
    });
    expect((await staff.client.put(`${STAFF}/processes/${processId}`, processBody())).statusCode).toBe(200);
  });

  it('staff close it with a conclusion (audited, once); then comments are refused in words', async () => {
    const closed = await staff.client.put(`${STAFF}/debates/${debateId}/close`, conclusion);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      commentsOpen: false,
      conclusion: { text: conclusion.conclusion },
    });
    expect((await staff.client.put(`${STAFF}/debates/${debateId}/close`, conclusion)).statusCode).toBe(409);
    expect((await staff.client.put(`${STAFF}/debates/${MISSING}/close`, conclusion)).statusCode).toBe(404);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, debateId));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'governance.debate.close',
      'governance.debate.create',
    ]);
    const refused = await resident.client.post(`${DEBATES}/${debateId}/comments`, {
      body: '늦었지만 의견을 남깁니다.',
      stance: 'for',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('마감된 토론입니다. 마감된 토론에는 댓글을 남길 수 없습니다.');
    const en = await signedInAs(t, ['resident'], { lang: 'en' });
    const refusedEn = await en.client.post(`${DEBATES}/${debateId}/comments`, {
      body: 'late',
      stance: 'for',
    });
    expect(refusedEn.json().error.message).toBe('This debate is closed and takes no more comments.');
    const rows = await t.database.db
      .select()
      .from(governanceDebateComments)
      .where(eq(governanceDebateComments.debateId, debateId));
    expect(rows).toHaveLength(6);
  });

  it('lists a process’s debates newest first, a page at a time', async () => {
    for (let i = 0; i < 3; i++)
      await staff.client.post(`${STAFF}/processes/${processId}/debates`, {
        ...debateBody,
        title: `토론 ${i + 1}`,
      });
    const anon = new TestClient(t.app);
    const first = (await anon.get(`${PROCESSES}/${processId}/debates?limit=3`)).json();
    expect(first.items.map((d: { title: string }) => d.title)).toEqual(['토론 3', '토론 2', '토론 1']);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await anon.get(
        `${PROCESSES}/${processId}/debates?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).json();
    expect(second.items).toMatchObject([{ id: debateId, status: 'closed', comments: 6 }]);
    expect(second.nextCursor).toBeNull();
    expect((await anon.get(`${PROCESSES}/${processId}/debates?limit=500`)).statusCode).toBe(400);
  });

  it('exports a resident’s debate comments; a deleted account leaves them as a former resident’s', async () => {
    const exported = (await resident.client.get('/api/v1/me/export')).json();
    expect(exported.sections.debateComments.map((c: { stance: string }) => c.stance).sort()).toEqual([
      'for',
      'neutral',
    ]);
    expect(
      (await resident.client.post('/api/v1/me/delete', { password: resident.password })).statusCode,
    ).toBe(200);
    const page = (await new TestClient(t.app).get(`${DEBATES}/${debateId}/comments`)).json();
    expect(page.items[0]).toMatchObject({ id: firstCommentId, author: '(탈퇴한 주민)' });
    expect(page.items[0].replies[1].author).toBe('(탈퇴한 주민)');
  });
});
