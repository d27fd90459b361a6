import { eq, sql } from 'drizzle-orm';
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

const LIST = '/api/v1/youth/suggestions';
const MINE = '/api/v1/youth/suggestions/mine';
const MISSING = '00000000-0000-4000-8000-000000000000';
const statusOf = (id: string) => `/api/v1/youth/suggestions/${id}/status`;
const body = {
  title: '청년 공유 주방 확대',
  body: '영등포구에 청년 공유 주방을 늘려 주십시오.',
  field: 'welfare',
};

describe.each(engines)('youth policy suggestions on %s', (engine) => {
  let t: TestApp;
  let youth: Awaited<ReturnType<typeof signedInAs>>;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let suggestionId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    youth = await signedInAs(t, ['youth']);
    staff = await signedInAs(t, ['staff']);
    await t.database.db.update(users).set({ displayName: '이제안' }).where(eq(users.id, youth.user.id));
  });
  afterAll(() => t?.close());

  it('401 without a session for submitting, my suggestions and status changes', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(LIST, body)).statusCode).toBe(401);
    expect((await anon.get(MINE)).statusCode).toBe(401);
    expect(
      (await anon.put(statusOf(MISSING), { status: 'reviewing', reply: '검토합니다.' })).statusCode,
    ).toBe(401);
  });

  it('400 with field details for a bad suggestion, status or list filter', async () => {
    const bad = await youth.client.post(LIST, { title: '', body: 'x', field: 'space' });
    expect(bad.statusCode).toBe(400);
    const details = JSON.stringify(bad.json().error.details);
    expect(details).toContain('title');
    expect(details).toContain('field');
    const badStatus = await staff.client.put(statusOf(MISSING), { status: 'maybe', reply: '' });
    expect(badStatus.statusCode).toBe(400);
    expect(JSON.stringify(badStatus.json().error.details)).toContain('reply');
    expect((await new TestClient(t.app).get(`${LIST}?status=lost`)).statusCode).toBe(400);
  });

  it('a young person submits; the public list masks the author; my suggestions list it', async () => {
    const res = await youth.client.post(LIST, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'received', author: '이제안', mine: true, reply: null });
    suggestionId = res.json().id;
    const plain = await youth.client.post(LIST, {
      title: '청년 면접 정장 대여',
      body: '정장 대여를 늘려 주십시오.',
    });
    expect(plain.json().field).toBeNull();
    const list = (await new TestClient(t.app).get(LIST)).json().items;
    expect(list.map((s: { author: string }) => s.author)).toEqual(['이*안', '이*안']);
    expect((await youth.client.get(MINE)).json().items).toHaveLength(2);
    expect((await staff.client.get(MINE)).json().items).toEqual([]);
  });

  it('403 for a status change without the staff role, 404 for a missing suggestion', async () => {
    expect(
      (await youth.client.put(statusOf(suggestionId), { status: 'reviewing', reply: '검토' })).statusCode,
    ).toBe(403);
    expect(
      (await staff.client.put(statusOf(MISSING), { status: 'reviewing', reply: '검토' })).statusCode,
    ).toBe(404);
  });

  it('staff move it on with a public reply: audited, the author told each time, skips refused', async () => {
    const skip = await staff.client.put(statusOf(suggestionId), { status: 'done', reply: '완료했습니다.' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('youth_suggestion_bad_transition');
    const reviewing = await staff.client.put(statusOf(suggestionId), {
      status: 'reviewing',
      reply: '담당 부서에서 검토하고 있습니다.',
    });
    expect(reviewing.statusCode).toBe(200);
    const accepted = await staff.client.put(statusOf(suggestionId), {
      status: 'accepted',
      reply: '2027년 사업에 반영하겠습니다.',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reply: '2027년 사업에 반영하겠습니다.' });
    expect((await new TestClient(t.app).get(`${LIST}?status=accepted`)).json().items).toEqual([
      expect.objectContaining({ id: suggestionId, reply: '2027년 사업에 반영하겠습니다.' }),
    ]);

    await dispatchPending({ db: t.database.db, config: t.config });
    const notes = (await youth.client.get('/api/v1/notifications')).json().items;
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual([
      'youth.suggestion_updated',
      'youth.suggestion_updated',
    ]);
    expect(notes.map((n: { title: string }) => n.title)).toContain("정책 제안이 '채택' 상태로 바뀌었습니다.");
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, suggestionId));
    expect(audits.map((a) => a.data)).toEqual(
      expect.arrayContaining([
        { from: 'received', to: 'reviewing' },
        { from: 'reviewing', to: 'accepted' },
      ]),
    );
  });

  it('exports my suggestions; a deleted account leaves them anonymised', async () => {
    const exported = (await youth.client.get('/api/v1/me/export')).json();
    expect(exported.sections.youthSuggestions).toHaveLength(2);
    expect((await youth.client.post('/api/v1/me/delete', { password: youth.password })).statusCode).toBe(200);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int8 as n from youth_suggestions where author_id is null`,
    );
    expect(rows[0].n).toBe(2);
    const list = (await new TestClient(t.app).get(LIST)).json().items;
    expect(list.map((s: { author: string | null }) => s.author)).toEqual([null, null]);
  });

  it('staff see authors in full: the list and a status answer each write access-log records', async () => {
    const author = await signedInAs(t, ['youth']);
    await t.database.db.update(users).set({ displayName: '최기록' }).where(eq(users.id, author.user.id));
    const own = await author.client.post(LIST, {
      title: '청년 독서실 연장',
      body: '밤늦게까지 열어 주십시오.',
    });
    await author.client.post(LIST, { title: '청년 스터디 공간', body: '주말에도 열어 주십시오.' });
    const logOf = (userId: string) =>
      t.database.db
        .select()
        .from(personalDataAccessLog)
        .where(eq(personalDataAccessLog.subjectUserId, userId))
        .orderBy(personalDataAccessLog.id);
    expect(await logOf(author.user.id)).toEqual([]); // the author's own reads are not logged
    await new TestClient(t.app).get(LIST);

    const list = await staff.client.get(LIST);
    expect(list.json().items.map((s: { author: string }) => s.author)).toContain('최기록');
    const changed = await staff.client.put(statusOf(own.json().id), {
      status: 'reviewing',
      reply: '검토합니다.',
    });
    expect(changed.json().author).toBe('최기록');
    // One record per person shown: the author's two suggestions in the list give one record.
    expect(await logOf(author.user.id)).toEqual([
      expect.objectContaining({
        actorUserId: staff.user.id,
        fields: ['displayName'],
        reason: 'youth.suggestions.list',
        route: 'GET /api/v1/youth/suggestions',
      }),
      expect.objectContaining({
        actorUserId: staff.user.id,
        fields: ['displayName'],
        reason: 'youth.suggestions.status',
        route: 'PUT /api/v1/youth/suggestions/:id/status',
      }),
    ]);
  });
});
