import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { users } from '../../../platform/auth/tables.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { dispatchPending } from '../../../platform/notify/index.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { importReal, realPolicy, SEONGBUK_ONLY, SEOUL_WIDE } from '../eligibility/test-policies.ts';
import { youthPolicies } from '../policies/tables.ts';
import { youthQuestions } from './tables.ts';

const INBOX = '/api/v1/youth/questions/inbox';
const MINE = '/api/v1/youth/questions/mine';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe.each(engines)('questions on youth policies on %s', (engine) => {
  let t: TestApp;
  let policyId: string;
  let draftId: string;
  let youth: Awaited<ReturnType<typeof signedInAs>>;
  let other: Awaited<ReturnType<typeof signedInAs>>;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  const questionsOf = (id: string) => `/api/v1/youth/policies/${id}/questions`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await importReal(t, [realPolicy(SEOUL_WIDE), realPolicy(SEONGBUK_ONLY)]);
    const idOf = async (externalId: string) =>
      (
        await t.database.db
          .select({ id: youthPolicies.id })
          .from(youthPolicies)
          .where(and(eq(youthPolicies.organizationId, t.org.id), eq(youthPolicies.externalId, externalId)))
      )[0].id;
    policyId = await idOf(SEOUL_WIDE);
    draftId = await idOf(SEONGBUK_ONLY);
    await t.database.db.update(youthPolicies).set({ status: 'draft' }).where(eq(youthPolicies.id, draftId));
    youth = await signedInAs(t, ['youth']);
    other = await signedInAs(t, ['youth']);
    staff = await signedInAs(t, ['staff']);
    await t.database.db.update(users).set({ displayName: '김청년' }).where(eq(users.id, youth.user.id));
  });
  afterAll(() => t?.close());

  it('401 without a session for asking, my questions, the inbox and answering', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(questionsOf(policyId), { body: '질문', public: true })).statusCode).toBe(401);
    expect((await anon.get(MINE)).statusCode).toBe(401);
    expect((await anon.get(INBOX)).statusCode).toBe(401);
    expect((await anon.put(`/api/v1/youth/questions/${MISSING}/answer`, { answer: 'x' })).statusCode).toBe(
      401,
    );
  });

  it('403 for the inbox and answering without the staff role', async () => {
    expect((await youth.client.get(INBOX)).statusCode).toBe(403);
    expect(
      (await youth.client.put(`/api/v1/youth/questions/${MISSING}/answer`, { answer: 'x' })).statusCode,
    ).toBe(403);
  });

  it('400 with field details for a bad question or answer', async () => {
    const empty = await youth.client.post(questionsOf(policyId), { body: '   ', public: true });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json().error.details)).toContain('body');
    const long = await youth.client.post(questionsOf(policyId), { body: 'ㄱ'.repeat(2001), public: false });
    expect(long.statusCode).toBe(400);
    const extra = await youth.client.post(questionsOf(policyId), { body: '질문', public: true, asker: 'x' });
    expect(extra.statusCode).toBe(400);
    const noFlag = await youth.client.post(questionsOf(policyId), { body: '질문' });
    expect(JSON.stringify(noFlag.json().error.details)).toContain('public');
    const badAnswer = await staff.client.put(`/api/v1/youth/questions/${MISSING}/answer`, { answer: '' });
    expect(badAnswer.statusCode).toBe(400);
    expect(JSON.stringify(badAnswer.json().error.details)).toContain('answer');
    expect((await staff.client.put('/api/v1/youth/questions/nope/answer', { answer: 'x' })).statusCode).toBe(
      400,
    );
  });

  it('404 for a policy that is missing or not published, and for a missing question', async () => {
    expect((await youth.client.post(questionsOf(MISSING), { body: '질문', public: true })).statusCode).toBe(
      404,
    );
    expect((await youth.client.post(questionsOf(draftId), { body: '질문', public: true })).statusCode).toBe(
      404,
    );
    expect((await new TestClient(t.app).get(questionsOf(draftId))).statusCode).toBe(404);
    expect(
      (await staff.client.put(`/api/v1/youth/questions/${MISSING}/answer`, { answer: '답변' })).statusCode,
    ).toBe(404);
  });

  it('public questions show to everyone with the name masked; private ones to the asker and staff', async () => {
    const pub = await youth.client.post(questionsOf(policyId), {
      title: '신청 자격',
      body: '휴학생도 신청할 수 있습니까?',
      public: true,
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ public: true, asker: '김청년', mine: true, answer: null });
    const priv = await youth.client.post(questionsOf(policyId), {
      body: '제 경우는 어떻습니까?',
      public: false,
    });
    expect(priv.json()).toMatchObject({ public: false, title: '' });

    const anonItems = (await new TestClient(t.app).get(questionsOf(policyId))).json().items;
    expect(anonItems).toEqual([expect.objectContaining({ id: pub.json().id, asker: '김*년', mine: false })]);
    expect((await other.client.get(questionsOf(policyId))).json().items).toHaveLength(1);
    expect((await youth.client.get(questionsOf(policyId))).json().items).toHaveLength(2);
    const staffItems = (await staff.client.get(questionsOf(policyId))).json().items;
    expect(staffItems.map((q: { asker: string }) => q.asker)).toEqual(['김청년', '김청년']);
    expect(JSON.stringify(staffItems)).not.toContain('@example.com');
    // Staff saw the asker's name: one access-log record per person shown, none for residents' reads.
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.subjectUserId, youth.user.id));
    expect(logged).toEqual([
      expect.objectContaining({
        actorUserId: staff.user.id,
        fields: ['displayName'],
        reason: 'youth.questions.list',
        route: 'GET /api/v1/youth/policies/:id/questions',
      }),
    ]);
    expect((await youth.client.get(MINE)).json().items).toHaveLength(2);
    expect((await other.client.get(MINE)).json().items).toEqual([]);
  });

  it('the inbox lists unanswered questions oldest first with the overdue flag', async () => {
    const [old] = await t.database.db
      .insert(youthQuestions)
      .values({
        organizationId: t.org.id,
        policyId,
        askerId: other.user.id,
        body: '오래된 질문입니다.',
        isPublic: true,
        createdAt: new Date(Date.now() - 14 * 86_400_000),
      })
      .returning({ id: youthQuestions.id });
    const res = await staff.client.get(INBOX);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({ id: old.id, overdue: true });
    expect(items[0].workingDaysWaiting).toBeGreaterThanOrEqual(9);
    expect(items.slice(1).every((q: { overdue: boolean }) => !q.overdue)).toBe(true);
    expect(items.length).toBe(3);
    const [logged] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from personal_data_access_log
          where actor_user_id = ${staff.user.id} and reason = 'youth.questions.inbox'`,
    );
    expect(logged.n).toBe(2); // the two askers shown, once each
  });

  it('staff answer, the asker is notified once, an edit keeps the answer time; all audited', async () => {
    const [question] = (await youth.client.get(MINE))
      .json()
      .items.filter((q: { public: boolean }) => q.public);
    const answered = await staff.client.put(`/api/v1/youth/questions/${question.id}/answer`, {
      answer: '휴학생도 신청할 수 있습니다.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      answer: '휴학생도 신청할 수 있습니다.',
      answeredAt: expect.any(String),
    });
    const edited = await staff.client.put(`/api/v1/youth/questions/${question.id}/answer`, {
      answer: '휴학생도 신청할 수 있습니다. 재학 증명서가 필요합니다.',
    });
    expect(edited.json().answeredAt).toBe(answered.json().answeredAt);
    expect((await staff.client.get(INBOX)).json().items.map((q: { id: string }) => q.id)).not.toContain(
      question.id,
    );

    const seen = (await new TestClient(t.app).get(questionsOf(policyId))).json().items;
    expect(seen.find((q: { id: string }) => q.id === question.id).answer).toContain('재학 증명서');

    await dispatchPending({ db: t.database.db, config: t.config });
    const notes = (await youth.client.get('/api/v1/notifications')).json().items;
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'youth.question_answered',
        link: `/youth/policies/${policyId}#youth-questions`,
      }),
    ]);
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, question.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'youth.question.answer',
      'youth.question.answer_edit',
    ]);
  });

  it('an answer shows staff the asker, so each answer writes an access-log record', async () => {
    const asker = await signedInAs(t, ['youth']);
    await t.database.db.update(users).set({ displayName: '박질문' }).where(eq(users.id, asker.user.id));
    const asked = await asker.client.post(questionsOf(policyId), {
      body: '접수 기간을 알려 주십시오.',
      public: false,
    });
    const answered = await staff.client.put(`/api/v1/youth/questions/${asked.json().id}/answer`, {
      answer: '3월 1일부터 접수합니다.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().asker).toBe('박질문');
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.subjectUserId, asker.user.id));
    expect(logged).toEqual([
      expect.objectContaining({
        actorUserId: staff.user.id,
        fields: ['displayName'],
        reason: 'youth.questions.answer',
        route: 'PUT /api/v1/youth/questions/:id/answer',
      }),
    ]);
  });

  it('exports the questions with my data; a deleted account leaves them anonymised', async () => {
    const person = await signedInAs(t, ['youth']);
    await person.client.post(questionsOf(policyId), { body: '탈퇴 전 질문입니다.', public: true });
    const exported = (await person.client.get('/api/v1/me/export')).json();
    expect(exported.sections.youthQuestions).toEqual([
      expect.objectContaining({ body: '탈퇴 전 질문입니다.', public: true }),
    ]);
    expect((await person.client.post('/api/v1/me/delete', { password: person.password })).statusCode).toBe(
      200,
    );
    const [row] = await queryRows<{ asker_id: string | null }>(
      t.database.db,
      sql`select asker_id from youth_questions where body = '탈퇴 전 질문입니다.'`,
    );
    expect(row.asker_id).toBeNull();
    const shown = (await new TestClient(t.app).get(questionsOf(policyId))).json().items;
    expect(shown.find((q: { body: string }) => q.body === '탈퇴 전 질문입니다.')).toMatchObject({
      asker: null,
    });
  });
});
