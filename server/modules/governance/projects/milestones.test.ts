import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import { governanceProjectNotices } from './tables.ts';

// Staff manage a project's milestones (add, edit, tick done on a day, untick, remove) and create
// projects: staff only, another organization's staff get 404, bad input 400 in Korean and English,
// audited; followers hear once when a milestone becomes done.

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';
const MISSING = '00000000-0000-4000-8000-000000000000';

const project = {
  title: '골목 정원 가꾸기',
  summary: '주민이 골목 화단을 함께 가꿉니다.',
  department: '공원녹지과',
  year: 2026,
  budget: 80_000,
  spent: 0,
  status: 'before',
  progress: 0,
};

describe.each(engines)('governance project milestones on %s', (engine) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
    const made = await staff.client.post(STAFF, project);
    expect(made.statusCode).toBe(201);
    projectId = made.json().id;
  });
  afterAll(() => t?.close());

  it('lets staff add, edit, tick, untick and remove a milestone; the page shows the day it was done', async () => {
    expect((await resident.client.put(`${BASE}/${projectId}/follow`)).statusCode).toBe(200);
    const added = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
      title: '화단 자리 정하기',
      dueOn: '2026-05-31',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ title: '화단 자리 정하기', done: false, doneOn: null });
    const id = added.json().id;

    const edited = await staff.client.patch(`${STAFF}/${projectId}/milestones/${id}`, {
      title: '화단 자리 세 곳 정하기',
      dueOn: '2026-06-15',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: '화단 자리 세 곳 정하기',
      dueOn: '2026-06-15',
      done: false,
    });

    const ticked = await staff.client.put(`${STAFF}/${projectId}/milestones/${id}`, {
      done: true,
      doneOn: '2026-06-10',
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json()).toMatchObject({ done: true, doneOn: '2026-06-10' });
    // Correcting the day is not news: followers hear once.
    const corrected = await staff.client.put(`${STAFF}/${projectId}/milestones/${id}`, {
      done: true,
      doneOn: '2026-06-11',
    });
    expect(corrected.json().doneOn).toBe('2026-06-11');
    const notices = await t.database.db
      .select()
      .from(governanceProjectNotices)
      .where(eq(governanceProjectNotices.userId, resident.user.id));
    expect(notices).toHaveLength(1);

    const page = (await new TestClient(t.app).get(`${BASE}/${projectId}`)).json();
    expect(page.canManage).toBe(false);
    expect(page.milestones).toEqual([
      {
        id,
        title: '화단 자리 세 곳 정하기',
        titleEn: null,
        dueOn: '2026-06-15',
        done: true,
        doneOn: '2026-06-11',
      },
    ]);
    expect(page.updates.filter((u: { kind: string }) => u.kind === 'milestone')).toHaveLength(1);
    expect((await staff.client.get(`${BASE}/${projectId}`)).json().canManage).toBe(true);

    // Done without a day: today in Seoul; untick clears it.
    const unticked = await staff.client.put(`${STAFF}/${projectId}/milestones/${id}`, { done: false });
    expect(unticked.json()).toMatchObject({ done: false, doneOn: null });
    const today = await staff.client.put(`${STAFF}/${projectId}/milestones/${id}`, { done: true });
    expect(today.json().doneOn).toBe(todayInSeoul());

    expect((await staff.client.delete(`${STAFF}/${projectId}/milestones/${id}`)).statusCode).toBe(204);
    expect((await staff.client.delete(`${STAFF}/${projectId}/milestones/${id}`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`${BASE}/${projectId}`)).json().milestones).toEqual([]);

    const actions = (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetId, projectId), eq(auditLog.actorUserId, staff.user.id)))
    ).map((r) => r.action);
    for (const action of [
      'governance.project.create',
      'governance.milestone.create',
      'governance.milestone.edit',
      'governance.milestone.done',
      'governance.milestone.remove',
    ])
      expect(actions).toContain(action);
  });

  it('refuses residents (403), answers another organization 404, and bad input 400 in Korean and English', async () => {
    const made = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
      title: '씨앗 나누기',
      dueOn: '2026-04-01',
    });
    const id = made.json().id;
    const m = `${STAFF}/${projectId}/milestones/${id}`;
    expect((await resident.client.post(STAFF, project)).statusCode).toBe(403);
    expect(
      (await resident.client.post(`${STAFF}/${projectId}/milestones`, { title: '몰래', dueOn: '2026-04-01' }))
        .statusCode,
    ).toBe(403);
    expect((await resident.client.patch(m, { title: '몰래 고침', dueOn: '2026-04-01' })).statusCode).toBe(
      403,
    );
    expect((await resident.client.put(m, { done: true })).statusCode).toBe(403);
    expect((await resident.client.delete(m)).statusCode).toBe(403);
    expect((await new TestClient(t.app).delete(m)).statusCode).toBe(401);

    const other = await signedInAtOrganization(t, await createOtherOrganization(t), ['staff']);
    expect((await other.client.patch(m, { title: '남의 단계', dueOn: '2026-04-01' })).statusCode).toBe(404);
    expect((await other.client.put(m, { done: true })).statusCode).toBe(404);
    expect((await other.client.delete(m)).statusCode).toBe(404);
    expect(
      (
        await other.client.post(`${STAFF}/${projectId}/milestones`, {
          title: '남의 단계',
          dueOn: '2026-04-01',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await staff.client.patch(`${STAFF}/${projectId}/milestones/${MISSING}`, {
          title: '없는 단계',
          dueOn: '2026-04-01',
        })
      ).statusCode,
    ).toBe(404);

    const messages: Record<string, string> = {};
    for (const lang of ['ko', 'en']) {
      staff.client.lang = lang;
      const badDay = await staff.client.patch(m, { title: '씨앗 나누기', dueOn: '2026-02-30' });
      expect(badDay.statusCode).toBe(400);
      const later = await staff.client.put(m, { done: true, doneOn: '2999-01-01' });
      expect(later.statusCode).toBe(400);
      expect(later.json().error.code).toBe('governance_milestone_done_later');
      messages[lang] = later.json().error.message;
      const badProject = await staff.client.post(STAFF, { ...project, budget: -1 });
      expect(badProject.statusCode).toBe(400);
      expect(badProject.json().error.message).not.toBe('');
    }
    staff.client.lang = 'ko';
    expect(messages.ko).toContain('오늘');
    expect(messages.en).toContain('today or earlier');
    expect((await staff.client.get(`${BASE}/${projectId}`)).json().milestones[0].done).toBe(false);
  });
});
