import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { governanceGroupMembers, governanceProjectNotices } from './tables.ts';

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';
const MISSING = '00000000-0000-4000-8000-000000000000';

type Person = Awaited<ReturnType<typeof signedInAs>>;

const project = (over: Record<string, unknown> = {}) => ({
  title: '마을 돌봄 공간 함께 만들기',
  summary: '동마다 돌봄 공간을 주민과 함께 만듭니다.',
  department: '복지정책과',
  year: 2019,
  budget: 150_000,
  spent: 0,
  status: 'before',
  progress: 0,
  ...over,
});

const meeting = (attendees: string[], over: Record<string, unknown> = {}) => ({
  heldOn: '2019-04-10',
  title: '2차 실무협의체 회의',
  agenda: '1. 공간 후보지 검토\n2. 역할 나누기',
  minutes: '후보지 세 곳을 돌아보고 두 곳을 추렸습니다.',
  attendees,
  ...over,
});

describe.each(engines)('governance projects and working groups on %s', (engine) => {
  let t: TestApp;
  let staff: Person;
  let chair: Person;
  let secretary: Person;
  let member: Person;
  let outsider: Person;
  let projectId: string;

  const add = (email: string, kind: string, role: string) =>
    staff.client.post(`${STAFF}/${projectId}/members`, { email, kind, role });

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    chair = await signedInAs(t, ['resident']);
    secretary = await signedInAs(t, ['resident']);
    member = await signedInAs(t, ['resident']);
    outsider = await signedInAs(t, ['resident']);
    const made = await staff.client.post(STAFF, project());
    expect(made.statusCode).toBe(201);
    projectId = made.json().id;
    expect((await add(chair.email, 'citizen', 'chair')).statusCode).toBe(201);
    expect((await add(secretary.email, 'citizen', 'secretary')).statusCode).toBe(201);
    expect((await add(member.email, 'expert', 'member')).statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  it('lists projects publicly with the budget total and shows the accountability page', async () => {
    const anon = new TestClient(t.app);
    const list = (await anon.get(BASE)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(projectId);
    expect(list.totalBudget).toBe(150_000);
    expect(list.departments).toBe(1);
    const page = await anon.get(`${BASE}/${projectId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      title: '마을 돌봄 공간 함께 만들기',
      department: '복지정책과',
      budget: 150_000,
      members: 3,
      minutes: [],
      following: false,
      canOpenSpace: false,
    });
    expect((await anon.get(`${BASE}/${MISSING}`)).statusCode).toBe(404);
  });

  it('refuses anonymous people (401), residents on staff routes (403) and another organization (404)', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get(`${BASE}/${projectId}/space`)).statusCode).toBe(401);
    expect((await anon.get(`${BASE}/mine`)).statusCode).toBe(401);
    expect((await anon.put(`${BASE}/${projectId}/follow`)).statusCode).toBe(401);
    expect((await anon.post(`${BASE}/${projectId}/meetings`, meeting([]))).statusCode).toBe(401);
    expect((await anon.post(STAFF, project())).statusCode).toBe(401);
    expect((await outsider.client.post(STAFF, project())).statusCode).toBe(403);
    expect(
      (
        await outsider.client.post(`${STAFF}/${projectId}/members`, {
          email: outsider.email,
          kind: 'citizen',
          role: 'member',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await outsider.client.put(`${STAFF}/${projectId}/progress`, {
          status: 'during',
          progress: 10,
          spent: 0,
        })
      ).statusCode,
    ).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    expect((await otherStaff.client.get(`${BASE}/${projectId}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${BASE}/${projectId}/space`)).statusCode).toBe(404);
    expect(
      (
        await otherStaff.client.put(`${STAFF}/${projectId}/progress`, {
          status: 'during',
          progress: 10,
          spent: 0,
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherStaff.client.get(BASE)).json().items).toEqual([]);
  });

  it('keeps the space and its drafts private: a non-member resident gets 404, not 403', async () => {
    const members = (await secretary.client.get(`${BASE}/${projectId}/space`)).json().members;
    const draft = await secretary.client.post(
      `${BASE}/${projectId}/meetings`,
      meeting(members.map((m: { userId: string }) => m.userId)),
    );
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', attendees: expect.any(Array) });
    expect(draft.json().attendees).toHaveLength(3);
    const space = await outsider.client.get(`${BASE}/${projectId}/space`);
    expect(space.statusCode).toBe(404);
    expect(space.json().error.code).toBe('governance_group_not_found');
    expect((await outsider.client.get(`${BASE}/${projectId}/meetings/${draftId}`)).statusCode).toBe(404);
    expect(
      (
        await outsider.client.request({
          method: 'PUT',
          url: `${BASE}/${projectId}/meetings/${draftId}`,
          payload: meeting([]),
        })
      ).statusCode,
    ).toBe(404);
    expect((await outsider.client.post(`${BASE}/${projectId}/meetings/${draftId}/publish`)).statusCode).toBe(
      404,
    );
    // The same 404 as a project that does not exist.
    expect((await outsider.client.get(`${BASE}/${MISSING}/space`)).statusCode).toBe(404);
    // The draft never reaches the public page.
    expect((await new TestClient(t.app).get(`${BASE}/${projectId}`)).json().minutes).toEqual([]);
    // A plain member reads the space and the draft but cannot publish (403: they can see it).
    const seen = await member.client.get(`${BASE}/${projectId}/meetings/${draftId}`);
    expect(seen.statusCode).toBe(200);
    expect((await member.client.post(`${BASE}/${projectId}/meetings/${draftId}/publish`)).statusCode).toBe(
      403,
    );
    expect((await member.client.post(`${BASE}/${projectId}/meetings`, meeting([]))).statusCode).toBe(403);
  });

  it('records a meeting with a vote and a consensus, publishes the minutes, and followers hear of it', async () => {
    const follower = await signedInAs(t, ['resident']);
    const followed = await follower.client.put(`${BASE}/${projectId}/follow`);
    expect(followed.json()).toEqual({ following: true, followers: 1 });
    const space = (await secretary.client.get(`${BASE}/${projectId}/space`)).json();
    expect(space.myRole).toBe('secretary');
    expect(space.canRecord).toBe(true);
    const present = space.members.filter((m: { role: string }) => m.role !== 'member');
    const made = await secretary.client.post(
      `${BASE}/${projectId}/meetings`,
      meeting(
        present.map((m: { userId: string }) => m.userId),
        { title: '3차 회의', heldOn: '2019-05-08' },
      ),
    );
    const meetingId = made.json().id;
    const vote = await secretary.client.post(`${BASE}/${projectId}/meetings/${meetingId}/decisions`, {
      text: '1호 돌봄 공간은 신길동 경로당 2층으로 합니다.',
      method: 'vote',
      votesFor: 2,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    expect(vote.statusCode).toBe(201);
    const agreed = await secretary.client.post(`${BASE}/${projectId}/meetings/${meetingId}/decisions`, {
      text: '운영 시간은 주민 설문으로 정합니다.',
      method: 'consensus',
      votesFor: null,
      votesAgainst: null,
      votesAbstain: null,
    });
    expect(agreed.json().decisions).toHaveLength(2);
    const published = await secretary.client.post(`${BASE}/${projectId}/meetings/${meetingId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    // Published minutes are final.
    const edit = await secretary.client.request({
      method: 'PUT',
      url: `${BASE}/${projectId}/meetings/${meetingId}`,
      payload: meeting([]),
    });
    expect(edit.statusCode).toBe(409);
    const page = (await new TestClient(t.app).get(`${BASE}/${projectId}`)).json();
    expect(page.minutes).toHaveLength(1);
    expect(page.minutes[0]).toMatchObject({ title: '3차 회의', attendance: 2 });
    expect(page.minutes[0].decisions.map((d: { method: string }) => d.method)).toEqual(['vote', 'consensus']);
    expect(page.minutes[0].decisions[0]).toMatchObject({ votesFor: 2, votesAgainst: 0, votesAbstain: 0 });
    expect(page.updates[0].kind).toBe('minutes');
    const notices = await t.database.db
      .select()
      .from(governanceProjectNotices)
      .where(eq(governanceProjectNotices.userId, follower.user.id));
    expect(notices).toHaveLength(1);
    const inApp = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications where user_id = ${follower.user.id} and kind = 'governance.project_update'`,
    );
    expect(Number(inApp[0]?.n)).toBe(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'governance.minutes.publish'), eq(auditLog.targetId, meetingId)));
    expect(audits).toHaveLength(1);
  });

  it('refuses the 11th member with 409 and one chair only', async () => {
    const made = await staff.client.post(STAFF, project({ title: '인원 제한 시험 사업' }));
    const id = made.json().id;
    const people = await Promise.all(Array.from({ length: 11 }, () => signedInAs(t, ['resident'])));
    // Ten added at once: the project lock counts them one after another.
    const results = await Promise.all(
      people.slice(0, 10).map((p, i) =>
        staff.client.post(`${STAFF}/${id}/members`, {
          email: p.email,
          kind: i < 4 ? 'citizen' : i < 7 ? 'official' : 'expert',
          role: 'member',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const eleventh = await staff.client.post(`${STAFF}/${id}/members`, {
      email: people[10]!.email,
      kind: 'citizen',
      role: 'member',
    });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error.code).toBe('governance_group_full');
    expect(eleventh.json().error.message).toContain('10명까지');
    const rows = await t.database.db
      .select()
      .from(governanceGroupMembers)
      .where(eq(governanceGroupMembers.projectId, id));
    expect(rows).toHaveLength(10);
    const secondChair = await add(outsider.email, 'citizen', 'chair');
    expect(secondChair.statusCode).toBe(409);
    expect(secondChair.json().error.code).toBe('governance_group_one_chair');
    expect((await add(secretary.email, 'citizen', 'member')).statusCode).toBe(409);
    expect((await add('nobody@example.com', 'citizen', 'member')).statusCode).toBe(404);
  });

  it('refuses bad input with 400 in Korean and English', async () => {
    const bad = await staff.client.put(`${STAFF}/${projectId}/progress`, {
      status: 'during',
      progress: 140,
      spent: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('100 이하여야 합니다.');
    const en = new TestClient(t.app, 'en');
    en.cookies = secretary.client.cookies;
    en.csrfToken = secretary.client.csrfToken;
    const space = (await secretary.client.get(`${BASE}/${projectId}/space`)).json();
    const draft = space.meetings.find((m: { status: string }) => m.status === 'draft');
    const counts = await en.post(`${BASE}/${projectId}/meetings/${draft.id}/decisions`, {
      text: '표결 수가 없는 결정',
      method: 'vote',
      votesFor: null,
      votesAgainst: null,
      votesAbstain: null,
    });
    expect(counts.statusCode).toBe(400);
    expect(JSON.stringify(counts.json())).toContain('give the counts for, against and abstaining');
    const ko = await secretary.client.post(`${BASE}/${projectId}/meetings/${draft.id}/decisions`, {
      text: '합의인데 수가 있는 결정',
      method: 'consensus',
      votesFor: 3,
      votesAgainst: null,
      votesAbstain: null,
    });
    expect(JSON.stringify(ko.json())).toContain('찬성·반대·기권 수를 모두 적고');
    const stranger = await secretary.client.post(
      `${BASE}/${projectId}/meetings`,
      meeting([outsider.user.id]),
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.message).toContain('위원만');
    const overspent = await staff.client.put(`${STAFF}/${projectId}/progress`, {
      status: 'during',
      progress: 30,
      spent: 999_999,
    });
    expect(overspent.statusCode).toBe(400);
    expect(overspent.json().error.code).toBe('governance_spent_over_budget');
    expect((await staff.client.post(STAFF, project({ title: 'x', year: 1800 }))).statusCode).toBe(400);
  });

  it('lets staff set progress and milestones (audited, told to followers) and reads the space with an access log', async () => {
    const progress = await staff.client.put(`${STAFF}/${projectId}/progress`, {
      status: 'during',
      progress: 40,
      spent: 52_000,
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({ status: 'during', progress: 40, spent: 52_000 });
    const milestone = await staff.client.post(`${STAFF}/${projectId}/milestones`, {
      title: '1호 돌봄 공간 문 열기',
      dueOn: '2019-09-30',
    });
    expect(milestone.statusCode).toBe(201);
    const done = await staff.client.put(`${STAFF}/${projectId}/milestones/${milestone.json().id}`, {
      done: true,
    });
    expect(done.json().done).toBe(true);
    const page = (await new TestClient(t.app).get(`${BASE}/${projectId}`)).json();
    expect(page.milestones).toEqual([
      expect.objectContaining({ title: '1호 돌봄 공간 문 열기', done: true }),
    ]);
    expect(page.updates.map((u: { kind: string }) => u.kind).slice(0, 2)).toEqual(['milestone', 'progress']);
    const space = await staff.client.get(`${BASE}/${projectId}/space`);
    expect(space.statusCode).toBe(200);
    expect(space.json()).toMatchObject({ myRole: null, canRecord: true, canManage: true });
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.actorUserId, staff.user.id));
    expect(logged.length).toBeGreaterThanOrEqual(3);
  });

  it('tasks belong to members; the owner marks theirs done; quarterly reports replace per quarter', async () => {
    const task = await secretary.client.post(`${BASE}/${projectId}/tasks`, {
      title: '후보지 임대 조건 알아보기',
      ownerId: member.user.id,
      dueOn: '2019-05-20',
    });
    expect(task.statusCode).toBe(201);
    const done = await member.client.put(`${BASE}/${projectId}/tasks/${task.json().id}`, { done: true });
    expect(done.json()).toEqual({ id: task.json().id, done: true });
    expect(
      (await outsider.client.put(`${BASE}/${projectId}/tasks/${task.json().id}`, { done: false })).statusCode,
    ).toBe(404);
    for (const progress of [20, 25]) {
      const r = await secretary.client.put(`${BASE}/${projectId}/reports`, {
        year: 2019,
        quarter: 2,
        body: '2분기: 후보지를 정하고 임대 협의를 시작했습니다.',
        progress,
      });
      expect(r.statusCode).toBe(200);
    }
    const space = (await member.client.get(`${BASE}/${projectId}/space`)).json();
    expect(space.reports).toHaveLength(1);
    expect(space.reports[0].progress).toBe(25);
    expect(space.tasks[0]).toMatchObject({ title: '후보지 임대 조건 알아보기', done: true });
    const mine = (await member.client.get(`${BASE}/mine`)).json();
    expect(mine.items.map((g: { project: { id: string } }) => g.project.id)).toEqual([projectId]);
    expect(mine.items[0].role).toBe('member');
  });
});
