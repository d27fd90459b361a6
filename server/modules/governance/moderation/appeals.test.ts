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

// The author's side of moderation: their hidden posts (내 글 숨김 안내), one appeal per hiding, and
// staff answering the appeal (accept: shown again; reject: stays hidden), audited, the author told.

const PROPOSALS = '/api/v1/governance/proposals';
const QUEUE = '/api/v1/governance/staff/moderation';
const MINE = '/api/v1/governance/moderation/mine';

type User = Awaited<ReturnType<typeof signedInAs>>;

const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe.each(engines)('appeals against hidden posts on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let other: User;
  let proposalId: string;
  let firstComment: string;
  let secondComment: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    other = await signedInAs(t, ['resident']);
    const processId = (
      await staff.client.post('/api/v1/governance/staff/processes', {
        title: '이의 신청 시험 과정',
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
      })
    ).json().id;
    proposalId = (
      await other.client.post(`/api/v1/governance/processes/${processId}/proposals`, {
        title: '놀이터 그늘막',
        body: '놀이터에 그늘막을 설치해 주십시오. 여름에 아이들이 더위에 지칩니다.',
        category: 'welfare',
        place: '',
      })
    ).json().id;
    const c1 = await author.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '첫 번째 의견입니다. 그늘막이 꼭 필요합니다.',
      stance: 'for',
    });
    firstComment = c1.json().commentList[0].id;
    const c2 = await author.client.post(`${PROPOSALS}/${proposalId}/comments`, {
      body: '두 번째 의견입니다. 벤치도 함께 놓아 주십시오.',
      stance: 'neutral',
    });
    secondComment = c2.json().commentList.find((c: { id: string }) => c.id !== firstComment).id;
  });
  afterAll(() => t?.close());

  const told = async () =>
    t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, author.user.id), eq(outbox.kind, 'governance.content_moderated')));

  it('marks the caller’s own comments so the web offers no 신고 on them', async () => {
    const asAuthor = (await author.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(asAuthor.commentList.map((c: { own: boolean }) => c.own)).toEqual([true, true]);
    const asOther = (await other.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(asOther.commentList.map((c: { own: boolean }) => c.own)).toEqual([false, false]);
    const anon = (await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`)).json();
    expect(anon.commentList.map((c: { own: boolean }) => c.own)).toEqual([false, false]);
  });

  it('lists only the author’s own hidden posts, with the reason, and refuses anonymous people', async () => {
    expect((await new TestClient(t.app).get(MINE)).statusCode).toBe(401);
    expect((await author.client.get(MINE)).json()).toEqual({ items: [], nextCursor: null });
    for (const id of [firstComment, secondComment]) {
      const hidden = await staff.client.put(`${QUEUE}/comment/${id}`, {
        decision: 'hide',
        reason: '다른 주민을 비방하는 표현',
      });
      expect(hidden.json()).toMatchObject({ state: 'hidden', appealState: 'none' });
    }
    const page1 = (await author.client.get(`${MINE}?limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await author.client.get(`${MINE}?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.items, ...page2.items];
    expect(all.map((i: { targetId: string }) => i.targetId).sort()).toEqual(
      [firstComment, secondComment].sort(),
    );
    expect(all.find((i: { targetId: string }) => i.targetId === firstComment)).toMatchObject({
      targetType: 'comment',
      proposalId,
      proposalTitle: '놀이터 그늘막',
      excerpt: '첫 번째 의견입니다. 그늘막이 꼭 필요합니다.',
      hidden: true,
      reason: '다른 주민을 비방하는 표현',
      appeal: null,
      appealState: 'none',
    });
    const inProposal = (await author.client.get(`${MINE}?proposalId=${proposalId}`)).json();
    expect(inProposal.items).toHaveLength(2);
    // Nobody else reads the hidden words: another resident's list is empty, and the thread hides them.
    expect((await other.client.get(MINE)).json().items).toEqual([]);
    expect((await staff.client.get(MINE)).json().items).toEqual([]);
    const thread = JSON.stringify((await other.client.get(`${PROPOSALS}/${proposalId}`)).json());
    expect(thread).not.toContain('첫 번째 의견입니다');
    const elsewhere = await signedInAtOrganization(t, await createOtherOrganization(t), ['resident']);
    expect((await elsewhere.client.get(`${MINE}?proposalId=${proposalId}`)).json().items).toEqual([]);
    expect((await author.client.get(`${MINE}?proposalId=not-an-id`)).statusCode).toBe(400);
    // The notice of a hiding leads to the author's list, where they read the reason and appeal.
    const notes = await told();
    expect(notes).toHaveLength(2);
    for (const n of notes) expect(JSON.stringify(n.payload)).toContain('/governance/moderation/mine');
  });

  it('staff answer an appeal: residents are refused, 409 without one, accept shows the post again', async () => {
    const DECIDE = `${QUEUE}/comment/${firstComment}/appeal`;
    const accept = { decision: 'accept', reason: '비방이 아닌 의견으로 보입니다.' };
    expect((await new TestClient(t.app).put(DECIDE, accept)).statusCode).toBe(401);
    expect((await author.client.put(DECIDE, accept)).statusCode).toBe(403);
    const none = await staff.client.put(DECIDE, accept);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('governance_appeal_none');
    const before = (await told()).length;
    const appealed = await author.client.post(
      `/api/v1/governance/moderation/comment/${firstComment}/appeal`,
      {
        text: '비방할 뜻이 없었습니다. 다시 보여 주십시오.',
      },
    );
    expect(appealed.json()).toMatchObject({ appealState: 'pending', hidden: true });
    const queued = (await staff.client.get(QUEUE)).json().items;
    expect(queued.find((i: { targetId: string }) => i.targetId === firstComment)).toMatchObject({
      appeal: '비방할 뜻이 없었습니다. 다시 보여 주십시오.',
      appealState: 'pending',
    });
    const otherStaff = await signedInAtOrganization(t, await createOtherOrganization(t), ['staff']);
    expect((await otherStaff.client.put(DECIDE, accept)).statusCode).toBe(404);
    const decided = await staff.client.put(DECIDE, accept);
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'restored', hidden: false, appealState: 'accepted' });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, firstComment));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ['governance.moderation.hide', staff.user.id],
      ['governance.moderation.appeal', author.user.id],
      ['governance.moderation.appeal_accept', staff.user.id],
    ]);
    const notes = await told();
    expect(notes.length).toBe(before + 1);
    expect(JSON.stringify(notes.at(-1))).toContain('이의 신청을 받아들여');
    const thread = (await other.client.get(`${PROPOSALS}/${proposalId}`)).json();
    expect(thread.commentList.find((c: { id: string }) => c.id === firstComment).body).toBe(
      '첫 번째 의견입니다. 그늘막이 꼭 필요합니다.',
    );
    const mine = (await author.client.get(MINE)).json().items;
    expect(mine.find((i: { targetId: string }) => i.targetId === firstComment)).toMatchObject({
      hidden: false,
      appealState: 'accepted',
    });
    expect((await staff.client.put(DECIDE, accept)).statusCode).toBe(409);
  });

  it('a rejected appeal keeps the post hidden and is the only one for that hiding', async () => {
    const APPEAL = `/api/v1/governance/moderation/comment/${secondComment}/appeal`;
    await author.client.post(APPEAL, { text: '벤치 이야기일 뿐입니다.' });
    const rejected = await staff.client.put(`${QUEUE}/comment/${secondComment}/appeal`, {
      decision: 'reject',
      reason: '같은 표현이 다시 쓰였습니다.',
    });
    expect(rejected.json()).toMatchObject({
      state: 'hidden',
      hidden: true,
      appealState: 'rejected',
      reason: '같은 표현이 다시 쓰였습니다.',
    });
    expect(JSON.stringify((await told()).at(-1))).toContain('계속 가려집니다');
    const again = await author.client.post(APPEAL, { text: '한 번 더 신청합니다.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('governance_appeal_decided');
    const queue = (await staff.client.get(QUEUE)).json().items;
    expect(queue.map((i: { targetId: string }) => i.targetId)).not.toContain(secondComment);
    // A new hiding (shown again, then hidden again) may be appealed once more.
    await staff.client.put(`${QUEUE}/comment/${secondComment}`, {
      decision: 'restore',
      reason: '다시 봅니다.',
    });
    await staff.client.put(`${QUEUE}/comment/${secondComment}`, {
      decision: 'hide',
      reason: '다시 가립니다.',
    });
    const fresh = await author.client.post(APPEAL, { text: '새로 가려진 것에 이의가 있습니다.' });
    expect(fresh.json()).toMatchObject({ appealState: 'pending' });
  });
});
