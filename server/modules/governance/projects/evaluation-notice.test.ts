import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { notifications } from '../../../platform/notify/tables.ts';
import { PROJECT_UPDATE } from './notify.ts';
import { governanceProjectNotices, governanceProjectUpdates } from './tables.ts';

// Followers are told when the working group publishes its final evaluation: one in-app notification
// each, once (publishing again and editing afterwards are refused and send nothing more); people
// who do not follow the project, and members who do not follow it, are not told.

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';

type Person = Awaited<ReturnType<typeof signedInAs>>;

const evaluation = {
  scores: { goals: 4, participation: 5, collaboration: 4, sustainability: 3 },
  lessons: '주민이 처음부터 운영 시간을 정하니 이용이 늘었습니다.',
};

describe.each(engines)('the final evaluation told to followers on %s', (engine) => {
  let t: TestApp;
  let staff: Person;
  let chair: Person;
  let follower: Person;
  let bystander: Person;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    chair = await signedInAs(t, ['resident']);
    follower = await signedInAs(t, ['resident']);
    bystander = await signedInAs(t, ['resident']);
    const made = await staff.client.post(STAFF, {
      title: '사회적경제 공공구매 연결망',
      summary: '',
      department: '사회적경제과',
      year: 2019,
      budget: 90_000,
      spent: 86_000,
      status: 'after',
      progress: 100,
    });
    expect(made.statusCode).toBe(201);
    projectId = made.json().id;
    const seat = await staff.client.post(`${STAFF}/${projectId}/members`, {
      email: chair.email,
      kind: 'citizen',
      role: 'chair',
    });
    expect(seat.statusCode).toBe(201);
    expect((await follower.client.put(`${BASE}/${projectId}/follow`)).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const noticesOf = (userId: string) =>
    t.database.db
      .select({
        titleKo: notifications.titleKo,
        bodyKo: notifications.bodyKo,
        bodyEn: notifications.bodyEn,
        itemCount: notifications.itemCount,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, PROJECT_UPDATE)));

  it('tells each follower once; non-followers, the chair included, hear nothing', async () => {
    expect((await chair.client.put(`${BASE}/${projectId}/evaluation`, evaluation)).statusCode).toBe(200);
    // A draft is not news.
    expect(await noticesOf(follower.user.id)).toEqual([]);

    const published = await chair.client.post(`${BASE}/${projectId}/evaluation/publish`);
    expect(published.statusCode).toBe(200);
    const told = await noticesOf(follower.user.id);
    expect(told).toHaveLength(1);
    expect(told[0].itemCount).toBe(1);
    expect(`${told[0].titleKo} ${told[0].bodyKo}`).toContain(
      '최종 평가를 공개했습니다(평균 4.0점, 5점 만점)',
    );
    expect(told[0].bodyEn).toContain('published its final evaluation (average 4.0 out of 5)');
    expect(await noticesOf(bystander.user.id)).toEqual([]);
    expect(await noticesOf(chair.user.id)).toEqual([]);

    // The public page's news has it, in the reader's language.
    const anon = new TestClient(t.app);
    const news = (await anon.get(`${BASE}/${projectId}`)).json().updates;
    expect(news.map((u: { kind: string }) => u.kind)).toEqual(['evaluation']);
    anon.lang = 'en';
    expect((await anon.get(`${BASE}/${projectId}`)).json().updates[0].text).toContain('final evaluation');

    // Publishing again or editing is refused, and nobody is told again.
    expect((await chair.client.post(`${BASE}/${projectId}/evaluation/publish`)).statusCode).toBe(409);
    expect((await staff.client.post(`${BASE}/${projectId}/evaluation/publish`)).statusCode).toBe(409);
    expect((await chair.client.put(`${BASE}/${projectId}/evaluation`, evaluation)).statusCode).toBe(409);
    expect(await noticesOf(follower.user.id)).toHaveLength(1);
    expect((await noticesOf(follower.user.id))[0].itemCount).toBe(1);
    const once = await t.database.db
      .select()
      .from(governanceProjectNotices)
      .innerJoin(governanceProjectUpdates, eq(governanceProjectUpdates.id, governanceProjectNotices.updateId))
      .where(eq(governanceProjectUpdates.projectId, projectId));
    expect(once.map((r) => r.governance_project_notices.userId)).toEqual([follower.user.id]);
    const updates = await t.database.db
      .select()
      .from(governanceProjectUpdates)
      .where(eq(governanceProjectUpdates.projectId, projectId));
    expect(updates).toHaveLength(1);
  });

  it('refuses publishing to a plain member (403), an outsider (404) and a visitor (401), telling no one', async () => {
    const other = await staff.client.post(STAFF, {
      title: '마을 에너지 전환 실천',
      summary: '',
      department: '환경과',
      year: 2019,
      budget: 100_000,
      spent: 100_000,
      status: 'after',
      progress: 100,
    });
    const id = other.json().id;
    await staff.client.post(`${STAFF}/${id}/members`, {
      email: follower.email,
      kind: 'citizen',
      role: 'member',
    });
    expect((await staff.client.put(`${BASE}/${id}/evaluation`, evaluation)).statusCode).toBe(200);
    expect((await follower.client.put(`${BASE}/${id}/follow`)).statusCode).toBe(200);
    expect((await follower.client.post(`${BASE}/${id}/evaluation/publish`)).statusCode).toBe(403);
    expect((await bystander.client.post(`${BASE}/${id}/evaluation/publish`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).post(`${BASE}/${id}/evaluation/publish`)).statusCode).toBe(401);
    expect(await noticesOf(follower.user.id)).toHaveLength(1);
  });
});
