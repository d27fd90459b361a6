import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { privacy } from './privacy.ts';
import { governanceGroupDocuments, governanceProjectEvaluations } from './tables.ts';

// The working group's documents (자료) and the project's final evaluation (최종 평가): members add
// documents, everyone else gets the space's 404; only https links; the chair, the secretary or staff
// remove them and record the evaluation (scores 1–5), published after execution onto the public
// page; every change audited; the person's own rows exported and unnamed on erasure.

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';

type Person = Awaited<ReturnType<typeof signedInAs>>;

const doc = (over: Record<string, unknown> = {}) => ({
  title: '돌봄 공간 후보지 현장 사진',
  kind: 'reference',
  url: 'https://example.kr/photos',
  note: '',
  ...over,
});
const evaluation = (over: Record<string, unknown> = {}) => ({
  scores: { goals: 4, participation: 5, collaboration: 4, sustainability: 3 },
  lessons: '주민이 처음부터 운영 시간을 정하니 이용이 늘었습니다.',
  ...over,
});

describe.each(engines)('working group documents and the final evaluation on %s', (engine) => {
  let t: TestApp;
  let staff: Person;
  let chair: Person;
  let member: Person;
  let outsider: Person;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    chair = await signedInAs(t, ['resident']);
    member = await signedInAs(t, ['resident']);
    outsider = await signedInAs(t, ['resident']);
    const made = await staff.client.post(STAFF, {
      title: '마을 돌봄 공간 함께 만들기',
      summary: '',
      department: '복지정책과',
      year: 2019,
      budget: 150_000,
      spent: 0,
      status: 'during',
      progress: 40,
    });
    expect(made.statusCode).toBe(201);
    projectId = made.json().id;
    for (const [p, role] of [
      [chair, 'chair'],
      [member, 'member'],
    ] as const) {
      const r = await staff.client.post(`${STAFF}/${projectId}/members`, {
        email: p.email,
        kind: 'citizen',
        role,
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('members add documents; outsiders get 404; the chair removes; each change audited', async () => {
    const added = await member.client.post(`${BASE}/${projectId}/documents`, doc());
    expect(added.statusCode).toBe(201);
    const noteOnly = await member.client.post(
      `${BASE}/${projectId}/documents`,
      doc({ title: '2차 회의 안건 메모', kind: 'agenda', url: '', note: '후보지 세 곳 비교' }),
    );
    expect(noteOnly.statusCode).toBe(201);
    const space = (await member.client.get(`${BASE}/${projectId}/space`)).json();
    expect(space.documents.items).toHaveLength(2);
    expect(space.documents.items[0]).toMatchObject({
      title: '2차 회의 안건 메모',
      kind: 'agenda',
      url: null,
      note: '후보지 세 곳 비교',
    });
    expect(space.documents.items[1]).toMatchObject({
      url: 'https://example.kr/photos',
      addedBy: expect.any(String),
    });

    // A resident outside the group: the same 404 as a missing project, for reading and writing.
    expect((await outsider.client.get(`${BASE}/${projectId}/documents`)).statusCode).toBe(404);
    const refused = await outsider.client.post(`${BASE}/${projectId}/documents`, doc());
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('governance_group_not_found');
    expect((await new TestClient(t.app).get(`${BASE}/${projectId}/documents`)).statusCode).toBe(401);
    const other = await signedInAtOrganization(t, await createOtherOrganization(t), ['staff']);
    expect((await other.client.post(`${BASE}/${projectId}/documents`, doc())).statusCode).toBe(404);
    // The public page never shows documents.
    expect(JSON.stringify((await new TestClient(t.app).get(`${BASE}/${projectId}`)).json())).not.toContain(
      'example.kr/photos',
    );

    // A plain member cannot remove; an outsider gets 404; the chair can.
    const id = added.json().id;
    expect((await member.client.delete(`${BASE}/${projectId}/documents/${id}`)).statusCode).toBe(403);
    expect((await outsider.client.delete(`${BASE}/${projectId}/documents/${id}`)).statusCode).toBe(404);
    expect((await chair.client.delete(`${BASE}/${projectId}/documents/${id}`)).statusCode).toBe(204);
    expect((await chair.client.delete(`${BASE}/${projectId}/documents/${id}`)).statusCode).toBe(404);
    const left = await t.database.db
      .select()
      .from(governanceGroupDocuments)
      .where(eq(governanceGroupDocuments.projectId, projectId));
    expect(left.map((d) => d.title)).toEqual(['2차 회의 안건 메모']);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, projectId),
          inArray(auditLog.action, ['governance.document.add', 'governance.document.remove']),
        ),
      );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'governance.document.add',
      'governance.document.add',
      'governance.document.remove',
    ]);
  });

  it('refuses addresses that are not https, and an empty document, with 400 in Korean and English', async () => {
    for (const url of [
      'http://example.kr/a',
      'javascript:alert(1)',
      'https://',
      'ftp://example.kr',
      '예시 주소',
    ]) {
      const bad = await member.client.post(`${BASE}/${projectId}/documents`, doc({ url }));
      expect(bad.statusCode, url).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('https://로 시작하는 주소를 입력해 주십시오');
    }
    const en = new TestClient(t.app, 'en');
    en.cookies = member.client.cookies;
    en.csrfToken = member.client.csrfToken;
    const english = await en.post(`${BASE}/${projectId}/documents`, doc({ url: 'http://example.kr' }));
    expect(english.statusCode).toBe(400);
    expect(JSON.stringify(english.json())).toContain('starts with https://');
    const empty = await member.client.post(`${BASE}/${projectId}/documents`, doc({ url: '', note: '' }));
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('주소나 짧은 메모 가운데 하나는');
    const badKind = await member.client.post(`${BASE}/${projectId}/documents`, doc({ kind: 'secret' }));
    expect(badKind.statusCode).toBe(400);
  });

  it('records the evaluation (1–5 only, chair or staff), publishes it after execution onto the public page', async () => {
    for (const score of [0, 6, 2.5]) {
      const bad = await chair.client.put(
        `${BASE}/${projectId}/evaluation`,
        evaluation({ scores: { goals: score, participation: 3, collaboration: 3, sustainability: 3 } }),
      );
      expect(bad.statusCode, String(score)).toBe(400);
    }
    const en = new TestClient(t.app, 'en');
    en.cookies = chair.client.cookies;
    en.csrfToken = chair.client.csrfToken;
    const tooHigh = await en.put(
      `${BASE}/${projectId}/evaluation`,
      evaluation({ scores: { goals: 9, participation: 3, collaboration: 3, sustainability: 3 } }),
    );
    expect(JSON.stringify(tooHigh.json())).toContain('Must be at most 5.');
    expect((await member.client.put(`${BASE}/${projectId}/evaluation`, evaluation())).statusCode).toBe(403);
    expect((await outsider.client.put(`${BASE}/${projectId}/evaluation`, evaluation())).statusCode).toBe(404);
    expect((await chair.client.post(`${BASE}/${projectId}/evaluation/publish`)).statusCode).toBe(404);

    const saved = await chair.client.put(`${BASE}/${projectId}/evaluation`, evaluation());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', average: 4, publishedAt: null });
    const changed = await staff.client.put(
      `${BASE}/${projectId}/evaluation`,
      evaluation({ scores: { goals: 5, participation: 5, collaboration: 4, sustainability: 3 } }),
    );
    expect(changed.json()).toMatchObject({ status: 'draft', average: 4.3 });
    // A draft stays inside the group.
    const anon = new TestClient(t.app);
    expect((await anon.get(`${BASE}/${projectId}`)).json().evaluation).toBeNull();
    expect((await member.client.get(`${BASE}/${projectId}/space`)).json().evaluation).toMatchObject({
      status: 'draft',
      scores: { goals: 5 },
    });

    // Not while the project is still running.
    const early = await chair.client.post(`${BASE}/${projectId}/evaluation/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('실행 후');
    const after = await staff.client.put(`${STAFF}/${projectId}/progress`, {
      status: 'after',
      progress: 100,
      spent: 140_000,
    });
    expect(after.statusCode).toBe(200);
    const published = await chair.client.post(`${BASE}/${projectId}/evaluation/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const page = (await anon.get(`${BASE}/${projectId}`)).json();
    expect(page.evaluation).toMatchObject({
      scores: { goals: 5, participation: 5, collaboration: 4, sustainability: 3 },
      average: 4.3,
      lessons: '주민이 처음부터 운영 시간을 정하니 이용이 늘었습니다.',
    });
    expect(page.evaluation).not.toHaveProperty('recordedBy');
    // Published: no more changes.
    const late = await chair.client.put(`${BASE}/${projectId}/evaluation`, evaluation());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('governance_evaluation_published');
    expect((await chair.client.post(`${BASE}/${projectId}/evaluation/publish`)).statusCode).toBe(409);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, projectId),
          inArray(auditLog.action, ['governance.evaluation.save', 'governance.evaluation.publish']),
        ),
      );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'governance.evaluation.publish',
      'governance.evaluation.save',
      'governance.evaluation.save',
    ]);
  });

  it('exports the person’s own documents and evaluations, and unnames them on erasure', async () => {
    const exported = await privacy.exporters.governanceGroupDocuments(t.database.db, member.user.id);
    expect(exported.map((d) => d.title)).toEqual(['2차 회의 안건 메모']);
    expect(await privacy.exporters.governanceGroupDocuments(t.database.db, outsider.user.id)).toEqual([]);
    const evals = await privacy.exporters.governanceProjectEvaluations(t.database.db, staff.user.id);
    expect(evals).toHaveLength(1);
    await t.database.db.transaction(async (tx) => {
      await privacy.erasers.governanceProjects(tx, member.user.id);
      await privacy.erasers.governanceProjects(tx, staff.user.id);
    });
    const [kept] = await t.database.db
      .select()
      .from(governanceGroupDocuments)
      .where(eq(governanceGroupDocuments.projectId, projectId));
    expect(kept).toMatchObject({ title: '2차 회의 안건 메모', addedBy: null });
    const [evaluated] = await t.database.db
      .select()
      .from(governanceProjectEvaluations)
      .where(eq(governanceProjectEvaluations.projectId, projectId));
    expect(evaluated).toMatchObject({ recordedBy: null, status: 'published' });
    expect(evaluated?.publishedBy).not.toBeNull();
  });
});
