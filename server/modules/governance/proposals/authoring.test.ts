import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { testPng } from '../../../platform/media/test-images.ts';
import { outbox } from '../../../platform/notify/tables.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { governanceProposalCoauthors, governanceProposals } from './tables.ts';

// The author edits and withdraws their own proposal (issue 11); the image of a hidden or withdrawn
// proposal is not served; the data download lists the person's own supports.

const PROCESSES = '/api/v1/governance/processes';
const PROPOSALS = '/api/v1/governance/proposals';
const MODERATION = '/api/v1/governance/staff/moderation';
const off = { proposals: false, debates: false, deliberation: false, polls: false };
const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const proposalBody = (over: Record<string, unknown> = {}) => ({
  title: '버스 정류장 의자 설치',
  body: '마을버스 정류장에 어르신이 앉아 기다릴 의자를 놓아 주십시오.',
  category: 'welfare',
  place: '문래동',
  ...over,
});

type User = Awaited<ReturnType<typeof signedInAs>>;

/** The download's section by name, wherever the export nests it. */
function section(data: unknown, name: string): unknown {
  if (!data || typeof data !== 'object') return undefined;
  if (name in data) return (data as Record<string, unknown>)[name];
  for (const v of Object.values(data)) {
    const found = section(v, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe.each(engines)('a proposal’s author edits and withdraws it on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let neighbour: User;
  let processId: string;
  const anon = () => new TestClient(t.app);
  const propose = async (over: Record<string, unknown> = {}) => {
    const res = await author.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const search = async (q: string) =>
    ((await anon().get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map(
      (i) => i.id,
    );
  const listed = async () =>
    ((await anon().get(`${PROCESSES}/${processId}/proposals`)).json().items as { id: string }[]).map(
      (i) => i.id,
    );
  const audits = (action: string, id: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, id)));
  const uploadImage = async (id: string) => {
    const res = await author.client.request({
      method: 'POST',
      url: `${PROPOSALS}/${id}/image?altKo=${encodeURIComponent('정류장 그림')}`,
      payload: testPng(20, 10),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    neighbour = await signedInAs(t, ['resident']);
    const made = await staff.client.post('/api/v1/governance/staff/processes', {
      title: '작성자 수정 시험 과정',
      description: '시험용 과정입니다.',
      supportThreshold: 2,
      phases: [{ kind: 'agenda', startsOn: day(-5), endsOn: day(5), ...off, proposals: true }],
    });
    expect(made.statusCode, made.body).toBe(201);
    processId = made.json().id;
  });
  afterAll(() => t?.close());

  it('lets the author edit while nobody else supports it (audited, in search); the same text changes nothing', async () => {
    const id = await propose();
    const before = (await author.client.get(`${PROPOSALS}/${id}`)).json();
    expect(before.mine).toMatchObject({ author: true, canEdit: true, canWithdraw: true });
    expect(before.editedAt).toBeNull();
    // The author's own support does not stop an edit.
    expect((await author.client.put(`${PROPOSALS}/${id}/support`)).statusCode).toBe(200);
    const edited = await author.client.put(
      `${PROPOSALS}/${id}`,
      proposalBody({ title: '마을버스 정류장 쉼터 의자', category: 'safety' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '마을버스 정류장 쉼터 의자', category: 'safety' });
    expect(edited.json().editedAt).not.toBeNull();
    expect(await search('쉼터 의자')).toContain(id);
    const [audit] = await audits('governance.proposal.edit', id);
    expect(audit.actorUserId).toBe(author.user.id);
    expect(audit.data).toMatchObject({ changed: ['title', 'category'] });
    const again = await author.client.put(
      `${PROPOSALS}/${id}`,
      proposalBody({ title: '마을버스 정류장 쉼터 의자', category: 'safety' }),
    );
    expect(again.statusCode).toBe(200);
    expect(await audits('governance.proposal.edit', id)).toHaveLength(1);
  });

  it('refuses others: anonymous 401, another resident and staff 403, another organization 404; bad input 400 in Korean and English', async () => {
    const id = await propose({ title: '공원 음수대 수리' });
    const body = proposalBody({ title: '바꾼 제목입니다' });
    expect((await anon().put(`${PROPOSALS}/${id}`, body)).statusCode).toBe(401);
    expect((await anon().post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(401);
    for (const other of [neighbour, staff]) {
      const edit = await other.client.put(`${PROPOSALS}/${id}`, body);
      expect(edit.statusCode).toBe(403);
      expect(edit.json().error.code).toBe('governance_proposal_not_author');
      expect((await other.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(403);
    }
    expect((await neighbour.client.get(`${PROPOSALS}/${id}`)).json().mine).toMatchObject({
      canEdit: false,
      canWithdraw: false,
    });
    const there = await signedInAtOrganization(t, await createOtherOrganization(t), ['staff']);
    expect((await there.client.put(`${PROPOSALS}/${id}`, body)).statusCode).toBe(404);
    expect((await there.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(404);
    const bad = await author.client.put(`${PROPOSALS}/${id}`, { ...body, body: '짧음' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('10자 이상');
    author.client.lang = 'en';
    const badEn = await author.client.put(`${PROPOSALS}/${id}`, { ...body, body: '짧음' });
    author.client.lang = 'ko';
    expect(badEn.json().error.details[0].message).toContain('at least 10 characters');
    const [row] = await t.database.db
      .select()
      .from(governanceProposals)
      .where(eq(governanceProposals.id, id));
    expect(row.title).toBe('공원 음수대 수리');
  });

  it('refuses an edit once another resident supports it, in Korean and English (409)', async () => {
    const id = await propose({ title: '골목길 가로등 교체' });
    expect((await neighbour.client.put(`${PROPOSALS}/${id}/support`)).statusCode).toBe(200);
    expect((await author.client.get(`${PROPOSALS}/${id}`)).json().mine.canEdit).toBe(false);
    const res = await author.client.put(`${PROPOSALS}/${id}`, proposalBody({ title: '다른 제목으로' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('governance_proposal_edit_supported');
    expect(res.json().error.message).toContain('공감');
    author.client.lang = 'en';
    const resEn = await author.client.put(`${PROPOSALS}/${id}`, proposalBody({ title: '다른 제목으로' }));
    author.client.lang = 'ko';
    expect(resEn.json().error.message).toContain('support');
    // Adding or replacing the image is an edit too; removing it stays possible.
    const png = await author.client.request({
      method: 'POST',
      url: `${PROPOSALS}/${id}/image?altKo=${encodeURIComponent('가로등 그림')}`,
      payload: testPng(20, 10),
      headers: { 'content-type': 'image/png' },
    });
    expect(png.statusCode).toBe(409);
    expect(png.json().error.code).toBe('governance_proposal_edit_supported');
  });

  it('withdraws: a notice, out of the list and search, no more supports or comments, image not served; audited; kept in the export', async () => {
    const id = await propose({ title: '하천 산책로 벤치 추가' });
    const imageId = await uploadImage(id);
    expect((await anon().get(`/api/v1/media/${imageId}`)).statusCode).toBe(200);
    expect(await listed()).toContain(id);
    expect(await search('산책로 벤치')).toContain(id);
    const res = await author.client.post(`${PROPOSALS}/${id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().withdrawnAt).not.toBeNull();
    expect(res.json().image).toBeNull();
    expect(res.json().mine).toMatchObject({ canEdit: false, canWithdraw: false });
    // Still readable at its address by anyone, with the withdrawal on it.
    const page = await anon().get(`${PROPOSALS}/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().withdrawnAt).not.toBeNull();
    expect(await listed()).not.toContain(id);
    expect(await search('산책로 벤치')).not.toContain(id);
    expect((await anon().get(`/api/v1/media/${imageId}`)).statusCode).toBe(404);
    const support = await neighbour.client.put(`${PROPOSALS}/${id}/support`);
    expect(support.statusCode).toBe(409);
    expect(support.json().error.code).toBe('governance_proposal_withdrawn');
    expect(
      (await neighbour.client.post(`${PROPOSALS}/${id}/comments`, { body: '좋습니다', stance: 'for' }))
        .statusCode,
    ).toBe(409);
    expect((await author.client.put(`${PROPOSALS}/${id}`, proposalBody())).statusCode).toBe(409);
    // Withdrawing again changes nothing; one audit entry.
    expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
    expect(await audits('governance.proposal.withdraw', id)).toHaveLength(1);
    const exported = JSON.stringify((await author.client.get('/api/v1/me/export')).json());
    expect(exported).toContain('하천 산책로 벤치 추가');
  });

  it('does not serve the image while moderation hides the proposal: 200, hide 404, restore 200', async () => {
    const id = await propose({ title: '놀이터 모래 교체' });
    const imageId = await uploadImage(id);
    const image = () => anon().get(`/api/v1/media/${imageId}`);
    expect((await image()).statusCode).toBe(200);
    const decide = (decision: string) =>
      staff.client.put(`${MODERATION}/proposal/${id}`, { decision, reason: '운영 원칙을 확인합니다.' });
    expect((await decide('hide')).statusCode).toBe(200);
    expect((await image()).statusCode).toBe(404);
    // Not in its author's view either while it is hidden, nor can they edit it.
    expect((await author.client.get(`${PROPOSALS}/${id}`)).json().image).toBeNull();
    const edit = await author.client.put(`${PROPOSALS}/${id}`, proposalBody());
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('governance_proposal_edit_hidden');
    expect((await decide('restore')).statusCode).toBe(200);
    expect((await image()).statusCode).toBe(200);
    expect((await anon().get(`${PROPOSALS}/${id}`)).json().image.id).toBe(imageId);
  });

  it('lists the person’s own supports in their data download: which proposal, when', async () => {
    const id = await propose({ title: '복지관 점심 배달' });
    expect((await neighbour.client.put(`${PROPOSALS}/${id}/support`)).statusCode).toBe(200);
    const supports = async (who: User) => {
      const res = await who.client.get('/api/v1/me/export');
      expect(res.statusCode).toBe(200);
      return section(res.json(), 'proposalSupports') as {
        proposal: string;
        page: string;
        createdAt: string;
      }[];
    };
    const theirs = await supports(neighbour);
    const row = theirs.find((r) => r.proposal === '복지관 점심 배달');
    expect(row).toMatchObject({ page: `/governance/proposals/${id}` });
    expect(Number.isNaN(Date.parse(row!.createdAt))).toBe(false);
    // Only their own: the author did not support it, so their download does not list it.
    expect((await supports(author)).map((r) => r.proposal)).not.toContain('복지관 점심 배달');
    // Withdrawn proposals they wrote stay in their download, marked so.
    const proposals = section((await author.client.get('/api/v1/me/export')).json(), 'proposals') as {
      title: string;
      withdrawnAt: string | null;
    }[];
    expect(proposals.find((p) => p.title === '하천 산책로 벤치 추가')?.withdrawnAt).toBeTruthy();
  });

  it('refuses to withdraw once staff accepted it, but not while under review', async () => {
    const id = await propose({ title: '도서관 주말 개방' });
    const answer = (status: string) =>
      staff.client.put(`/api/v1/governance/staff/proposals/${id}/answer`, {
        status,
        reason: '검토 결과를 알려 드립니다.',
        cost: null,
        period: '',
      });
    expect((await answer('accepted')).statusCode).toBe(200);
    expect((await author.client.get(`${PROPOSALS}/${id}`)).json().mine).toMatchObject({
      canEdit: false,
      canWithdraw: false,
    });
    const res = await author.client.post(`${PROPOSALS}/${id}/withdraw`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('governance_proposal_withdraw_decided');
    expect((await author.client.put(`${PROPOSALS}/${id}`, proposalBody())).statusCode).toBe(409);
    expect((await answer('under_review')).statusCode).toBe(200);
    expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
  });

  it('refuses staff’s answer to a withdrawn proposal (409, Korean and English) for every status; it stays unanswered', async () => {
    const id = await propose({ title: '경로당 난방비 지원' });
    const answer = (status: string) =>
      staff.client.put(`/api/v1/governance/staff/proposals/${id}/answer`, {
        status,
        reason: '검토 결과를 알려 드립니다.',
        cost: null,
        period: '',
      });
    // Under review first: the author may still withdraw it, and then it takes no answer at all.
    expect((await answer('under_review')).statusCode).toBe(200);
    expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
    const before = await audits('governance.proposal.answer', id);
    for (const status of ['accepted', 'rejected', 'under_review']) {
      const res = await answer(status);
      expect(res.statusCode, status).toBe(409);
      expect(res.json().error.code).toBe('governance_proposal_answer_withdrawn');
      expect(res.json().error.message).toBe('작성자가 철회한 제안에는 답변할 수 없습니다.');
    }
    staff.client.lang = 'en';
    const en = await answer('accepted');
    staff.client.lang = 'ko';
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toBe('This proposal was withdrawn by its author; it cannot be answered.');
    const [row] = await t.database.db
      .select()
      .from(governanceProposals)
      .where(eq(governanceProposals.id, id));
    expect(row.answerStatus).toBe('under_review');
    expect(await audits('governance.proposal.answer', id)).toHaveLength(before.length);
  });

  /** The withdrawal notices a person has about one proposal. */
  const withdrawalNotices = async (id: string, who: User) =>
    (
      await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.userId, who.user.id), eq(outbox.kind, 'governance.proposal_withdrawn')))
    ).filter((n) => (n.payload as { link?: string }).link === `/governance/proposals/${id}`);

  it('tells each supporter once when the author withdraws (not the author, not others); withdrawing again tells no one', async () => {
    const id = await propose({ title: '시장 앞 횡단보도 신설' });
    const first = await signedInAs(t, ['resident']);
    const second = await signedInAs(t, ['resident']);
    const bystander = await signedInAs(t, ['resident']);
    for (const who of [author, first, second])
      expect((await who.client.put(`${PROPOSALS}/${id}/support`)).statusCode).toBe(200);
    const notices = (who: User) => withdrawalNotices(id, who);
    expect(await notices(first)).toHaveLength(0);
    expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
    for (const who of [first, second]) {
      const mine = await notices(who);
      expect(mine).toHaveLength(1);
      expect(mine[0].payload).toMatchObject({
        title: {
          ko: '공감한 제안을 작성자가 철회했습니다.',
          en: 'A proposal you supported was withdrawn by its author.',
        },
        body: { ko: '제안: 시장 앞 횡단보도 신설', en: 'Proposal: 시장 앞 횡단보도 신설' },
      });
    }
    expect(await notices(author)).toHaveLength(0);
    expect(await notices(bystander)).toHaveLength(0);
    expect(await notices(neighbour)).toHaveLength(0);
    expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
    for (const who of [first, second]) expect(await notices(who)).toHaveLength(1);
    expect(await notices(author)).toHaveLength(0);
  });

  it('tells each co-author once when the author withdraws, whether or not they support it; never the author', async () => {
    const id = await propose({ title: '어린이집 앞 과속 방지턱' });
    const supportingCoauthor = await signedInAs(t, ['resident']);
    const quietCoauthor = await signedInAs(t, ['resident']);
    const supporter = await signedInAs(t, ['resident']);
    // The author listed among the co-authors too is still not told.
    await t.database.db.insert(governanceProposalCoauthors).values(
      [supportingCoauthor, quietCoauthor, author].map((who) => ({
        organizationId: t.org.id,
        proposalId: id,
        userId: who.user.id,
      })),
    );
    for (const who of [author, supportingCoauthor, supporter])
      expect((await who.client.put(`${PROPOSALS}/${id}/support`)).statusCode).toBe(200);
    const notices = (who: User) => withdrawalNotices(id, who);
    const coauthorTitle = {
      ko: '함께 쓴 제안을 작성자가 철회했습니다.',
      en: 'A proposal you co-authored was withdrawn by its author.',
    };
    for (let round = 0; round < 2; round++) {
      expect((await author.client.post(`${PROPOSALS}/${id}/withdraw`)).statusCode).toBe(200);
      for (const who of [supportingCoauthor, quietCoauthor]) {
        const mine = await notices(who);
        expect(mine).toHaveLength(1);
        expect(mine[0].payload).toMatchObject({
          title: coauthorTitle,
          body: { ko: '제안: 어린이집 앞 과속 방지턱', en: 'Proposal: 어린이집 앞 과속 방지턱' },
        });
      }
      const theirs = await notices(supporter);
      expect(theirs).toHaveLength(1);
      expect(theirs[0].payload).toMatchObject({
        title: { ko: '공감한 제안을 작성자가 철회했습니다.' },
      });
      expect(await notices(author)).toHaveLength(0);
      expect(await notices(neighbour)).toHaveLength(0);
    }
  });
});
