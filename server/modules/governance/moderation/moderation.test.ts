import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { outbox } from '../../../platform/notify/tables.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { governanceModerationItems, governanceModerationReports } from './tables.ts';

const PROCESSES = '/api/v1/governance/processes';
const PROPOSALS = '/api/v1/governance/proposals';
const REPORTS = '/api/v1/governance/reports';
const QUEUE = '/api/v1/governance/staff/moderation';
const MISSING = '00000000-0000-4000-8000-000000000000';
const HIDDEN_TEXT = '운영 원칙에 따라 가려진 글입니다';

type User = Awaited<ReturnType<typeof signedInAs>>;

const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const processBody = {
  title: '신고 시험 과정',
  description: '시험용 과정입니다.',
  supportThreshold: 2,
  phases: [
    {
      kind: 'deliberation',
      startsOn: day(-10),
      endsOn: day(10),
      proposals: true,
      debates: false,
      deliberation: false,
      polls: false,
    },
  ],
};
const proposalBody = (title: string) => ({
  title,
  body: '마을 쉼터를 고쳐 주민이 함께 쓸 수 있도록 해 주십시오.',
  category: 'welfare',
  place: '',
});

describe.each(engines)('moderation of proposals and comments on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let residents: User[];
  let processId: string;
  let proposalId: string;
  let commentId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    residents = [];
    for (let i = 0; i < 5; i++) residents.push(await signedInAs(t, ['resident']));
    processId = (await staff.client.post('/api/v1/governance/staff/processes', processBody)).json().id;
    proposalId = (
      await author.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody('쉼터 보수'))
    ).json().id;
    const withComment = await author.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '저는 이 제안에 찬성합니다.',
      stance: 'for',
    });
    commentId = withComment.json().commentList[0].id;
  });
  afterAll(() => t?.close());

  const report = (u: User, targetType: string, targetId: string, reason = 'abuse') =>
    u.client.post(REPORTS, { targetType, targetId, reason });

  it('refuses anonymous people (401), residents on staff routes (403) and another organization (404)', async () => {
    const anon = new TestClient(t.app);
    expect(
      (await anon.post(REPORTS, { targetType: 'comment', targetId: commentId, reason: 'spam' })).statusCode,
    ).toBe(401);
    expect((await anon.get(QUEUE)).statusCode).toBe(401);
    expect(
      (await anon.put(`${QUEUE}/comment/${commentId}`, { decision: 'hide', reason: '욕설' })).statusCode,
    ).toBe(401);
    expect((await residents[0].client.get(QUEUE)).statusCode).toBe(403);
    expect(
      (await residents[0].client.put(`${QUEUE}/comment/${commentId}`, { decision: 'hide', reason: '욕설' }))
        .statusCode,
    ).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    const refused = await otherResident.client.post(REPORTS, {
      targetType: 'comment',
      targetId: commentId,
      reason: 'spam',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('governance_moderation_target_not_found');
    expect(
      (
        await otherStaff.client.put(`${QUEUE}/proposal/${proposalId}`, {
          decision: 'hide',
          reason: '욕설입니다',
        })
      ).statusCode,
    ).toBe(404);
    expect((await report(residents[0], 'proposal', MISSING)).statusCode).toBe(404);
    expect((await report(author, 'comment', commentId)).json().error.code).toBe('governance_report_own');
    expect((await otherStaff.client.get(QUEUE)).json().items).toEqual([]);
  });

  it('counts one report per account; parallel reports from three accounts hide the comment once', async () => {
    const twice = await Promise.all([
      report(residents[0], 'comment', commentId),
      report(residents[0], 'comment', commentId),
    ]);
    expect(twice.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(twice.map((r) => r.json().hidden)).toEqual([false, false]);
    const parallel = await Promise.all([
      report(residents[1], 'comment', commentId, 'spam'),
      report(residents[2], 'comment', commentId),
    ]);
    expect(parallel.map((r) => r.statusCode)).toEqual([200, 200]);
    const [item] = await t.database.db
      .select()
      .from(governanceModerationItems)
      .where(eq(governanceModerationItems.targetId, commentId));
    expect(item).toMatchObject({ reports: 3, state: 'auto_hidden', needsReview: true });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, commentId));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([['governance.moderation.auto_hide', null]]);
    const told = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, author.user.id), eq(outbox.kind, 'governance.content_moderated')));
    expect(told).toHaveLength(1);
    const thread = (await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`)).json();
    expect(thread.commentList[0]).toMatchObject({ id: commentId, body: HIDDEN_TEXT, author: '' });
    const english = await signedInAs(t, ['resident'], { lang: 'en' });
    const inEnglish = (await english.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(inEnglish.commentList[0].body).toBe('This post is hidden under the site’s rules');
  });

  it('takes a 4th report after hiding without hiding or telling again', async () => {
    const fourth = await report(residents[3], 'comment', commentId, 'other');
    expect(fourth.json()).toEqual({ reported: true, hidden: true });
    const rows = await t.database.db
      .select()
      .from(governanceModerationReports)
      .where(eq(governanceModerationReports.targetId, commentId));
    expect(rows).toHaveLength(4);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, commentId));
    expect(audits).toHaveLength(1);
  });

  it('shows staff the queue oldest first, a page at a time, with the reasons counted', async () => {
    // A second item, reported later: a proposal with one report stays visible but waits in the queue.
    const second = (
      await residents[4].client.post(`${PROCESSES}/${processId}/proposals`, proposalBody('주차장 확충'))
    ).json().id;
    expect((await report(residents[0], 'proposal', second, 'spam')).json()).toEqual({
      reported: true,
      hidden: false,
    });
    const first = (await staff.client.get(`${QUEUE}?limit=1`)).json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      targetType: 'comment',
      targetId: commentId,
      proposalId,
      title: '쉼터 보수',
      excerpt: '저는 이 제안에 찬성합니다.',
      state: 'auto_hidden',
      reports: 4,
    });
    expect(first.items[0].reasons).toEqual([
      { reason: 'abuse', count: 2 },
      { reason: 'other', count: 1 },
      { reason: 'spam', count: 1 },
    ]);
    const next = (
      await staff.client.get(`${QUEUE}?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(next.items.map((i: { targetId: string }) => i.targetId)).toEqual([second]);
    expect(next.nextCursor).toBeNull();
    const queues = (await staff.client.get('/api/v1/staff/queues')).json();
    expect(JSON.stringify(queues)).toContain('/governance/staff/moderation');
    expect(
      (await new TestClient(t.app).get(`${PROCESSES}/${processId}/proposals`)).json().items,
    ).toHaveLength(2);
  });

  it('staff restore or hide with a reason (audited, the author told); the author appeals once', async () => {
    const restored = await staff.client.put(`${QUEUE}/comment/${commentId}`, {
      decision: 'restore',
      reason: '욕설이 아닌 의견입니다.',
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({
      state: 'restored',
      hidden: false,
      reason: '욕설이 아닌 의견입니다.',
    });
    let thread = (await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`)).json();
    expect(thread.commentList[0].body).toBe('저는 이 제안에 찬성합니다.');
    // Staff hide the proposal itself: it leaves the public list and its page, but its author still reads it.
    const hidden = await staff.client.put(`${QUEUE}/proposal/${proposalId}`, {
      decision: 'hide',
      reason: '개인정보가 들어 있습니다.',
    });
    expect(hidden.json()).toMatchObject({ state: 'hidden', hidden: true });
    const list = (await new TestClient(t.app).get(`${PROCESSES}/${processId}/proposals`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(proposalId);
    expect((await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`)).statusCode).toBe(404);
    expect((await residents[0].client.get(`${PROPOSALS}/${proposalId}`)).statusCode).toBe(404);
    expect((await author.client.get(`${PROPOSALS}/${proposalId}`)).statusCode).toBe(200);
    expect((await staff.client.get(`${PROPOSALS}/${proposalId}`)).statusCode).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, proposalId));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ['governance.moderation.hide', staff.user.id],
    ]);
    const told = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, author.user.id), eq(outbox.kind, 'governance.content_moderated')));
    expect(told).toHaveLength(3); // hidden by reports, restored, proposal hidden
    const APPEAL = `/api/v1/governance/moderation/proposal/${proposalId}/appeal`;
    expect(
      (await residents[0].client.post(APPEAL, { text: '제 글이 아닙니다만 이의가 있습니다.' })).statusCode,
    ).toBe(404);
    const appealed = await author.client.post(APPEAL, { text: '개인정보를 지웠으니 다시 보여 주십시오.' });
    expect(appealed.statusCode).toBe(200);
    expect(appealed.json().appeal).toBe('개인정보를 지웠으니 다시 보여 주십시오.');
    expect((await author.client.post(APPEAL, { text: '다시 한 번 신청합니다.' })).json().error.code).toBe(
      'governance_appeal_pending',
    );
    const queue = (await staff.client.get(QUEUE)).json();
    expect(queue.items.find((i: { targetId: string }) => i.targetId === proposalId)).toMatchObject({
      state: 'hidden',
      appeal: '개인정보를 지웠으니 다시 보여 주십시오.',
    });
    thread = (await staff.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(thread.id).toBe(proposalId);
  });

  it('masks Korean profanity when proposals and comments are shown', async () => {
    const other = (
      await residents[1].client.post(`${PROCESSES}/${processId}/proposals`, proposalBody('도로 정비'))
    ).json().id;
    const made = await residents[2].client.post(`${PROPOSALS}/${other}/comments`, {
      body: '이건 씨 발 너무 늦었습니다. 시발점부터 다시 봅시다.',
      stance: 'against',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().commentList[0].body).toBe('이건 ● ● 너무 늦었습니다. 시발점부터 다시 봅시다.');
  });

  it('refuses spam (400) and more than ten posts in ten minutes (429), in Korean', async () => {
    const spammer = await signedInAs(t, ['resident']);
    const links = await spammer.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: 'http://a.example http://b.example http://c.example http://d.example',
      stance: 'neutral',
    });
    expect(links.statusCode).toBe(400);
    expect(links.json().error.code).toBe('governance_spam');
    const other = (
      await residents[3].client.post(`${PROCESSES}/${processId}/proposals`, proposalBody('가로등'))
    ).json().id;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        spammer.client.post(`${PROPOSALS}/${other}/comments`, { body: `의견 ${i + 1}`, stance: 'for' }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    const limited = answers.find((a) => a.statusCode === 429);
    expect(limited?.json().error.message).toContain('너무 많이');
    expect(limited?.headers['retry-after']).toBe('600');
  });
});
