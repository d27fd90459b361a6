import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youthPolicyRecords } from '../../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { importPolicies } from '../national-import/index.ts';

// Staff authoring over HTTP: the workflow, its revisions and audit entries, and who is refused.
describe.each(engines)('youth policy authoring on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  let youth: TestClient;
  const anon = () => new TestClient(t.app);
  const ids: Record<string, string> = {};
  const create = async (body: Record<string, unknown>) => {
    const res = await staff.post('/api/v1/youth/policies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const transition = (id: string, to: string, client = staff) =>
    client.post(`/api/v1/youth/policies/${id}/transition`, { to });
  const publish = async (id: string) => {
    expect((await transition(id, 'review')).statusCode).toBe(200);
    expect((await transition(id, 'published')).statusCode).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
    youth = (await signedInAs(t, ['youth'])).client;
    // A few national policies: the ones staff may not edit.
    const national = youthPolicyRecords().slice(0, 3);
    await importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id },
      national,
      'ko',
    );
    ids.startup = await create({ title: '영등포 청년 창업 공간 지원', keywords: ['창업', '공간'] });
    await publish(ids.startup);
    ids.draft = await create({ title: '영등포 청년 비공개 초안 창업' });
  });
  afterAll(() => t?.close());

  it('staff write a draft that only staff see; transitions follow draft → review → published → closed', async () => {
    expect((await anon().get(`/api/v1/youth/policies/${ids.draft}`)).statusCode).toBe(404);
    expect((await youth.get(`/api/v1/youth/policies/${ids.draft}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/youth/policies/${ids.draft}`)).json().workflowStatus).toBe('draft');
    const skip = await transition(ids.draft, 'published');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('youth_policy_transition');
    expect((await transition(ids.draft, 'review')).statusCode).toBe(200);
    expect((await transition(ids.draft, 'draft')).statusCode).toBe(200);
    const patched = await staff.patch(`/api/v1/youth/policies/${ids.draft}`, {
      title: '영등포 청년 창업 캠프',
    });
    expect(patched.statusCode).toBe(200);
    await publish(ids.draft);
    const shown = await anon().get(`/api/v1/youth/policies/${ids.draft}`);
    expect(shown.json()).toMatchObject({
      title: '영등포 청년 창업 캠프',
      source: 'local',
      workflowStatus: 'published',
    });
    const found = await anon().get(`/api/v1/search?q=${encodeURIComponent('창업 캠프')}&type=youth.policy`);
    expect(found.json().items.map((i: { url: string }) => i.url)).toContain(`/youth/policies/${ids.draft}`);
    expect((await transition(ids.draft, 'closed')).statusCode).toBe(200);
    expect((await anon().get(`/api/v1/youth/policies/${ids.draft}`)).statusCode).toBe(404);
    const gone = await anon().get(`/api/v1/search?q=${encodeURIComponent('창업 캠프')}&type=youth.policy`);
    expect(gone.json().items.map((i: { url: string }) => i.url)).not.toContain(
      `/youth/policies/${ids.draft}`,
    );
    expect((await transition(ids.draft, 'published')).statusCode).toBe(409);

    const revisions = (await staff.get(`/api/v1/youth/policies/${ids.draft}/revisions`)).json().items;
    expect(revisions.map((r: { change: string }) => r.change)).toEqual([
      'status:closed',
      'status:published',
      'status:review',
      'edit',
      'status:draft',
      'status:review',
      'create',
    ]);
    expect(revisions.at(-1).snapshot.title).toBe('영등포 청년 비공개 초안 창업');
    expect(revisions[3].snapshot.title).toBe('영등포 청년 창업 캠프');
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where target_id = ${ids.draft} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'youth.policy.create',
      'youth.policy.transition',
      'youth.policy.transition',
      'youth.policy.update',
      'youth.policy.transition',
      'youth.policy.transition',
      'youth.policy.transition',
    ]);
  });

  it('national policies change only through import', async () => {
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from youth_policies where source = 'national' limit 1`,
    );
    const res = await staff.patch(`/api/v1/youth/policies/${row.id}`, { title: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('전국 정책은 가져오기로만 고칠 수 있습니다.');
  });

  it('authoring routes: 401 anonymous, 403 for a youth, 400 with field details, 404 unknown', async () => {
    const id = ids.startup;
    const calls = [
      (c: TestClient) => c.post('/api/v1/youth/policies', { title: 'x' }),
      (c: TestClient) => c.patch(`/api/v1/youth/policies/${id}`, { title: 'x' }),
      (c: TestClient) => transition(id, 'closed', c),
      (c: TestClient) => c.get(`/api/v1/youth/policies/${id}/revisions`),
    ];
    for (const call of calls) {
      expect((await call(anon())).statusCode).toBe(401);
      expect((await call(youth)).statusCode).toBe(403);
    }
    const bad = await staff.post('/api/v1/youth/policies', {
      summary: 'no title',
      rounds: [{ startsOn: '2026-05-02', endsOn: '2026-05-01' }],
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.rounds']));
    const ages = await staff.post('/api/v1/youth/policies', { title: '나이 확인', minAge: 30, maxAge: 20 });
    expect(ages.statusCode).toBe(400);
    expect(ages.json().error.details).toEqual([
      { field: 'body.maxAge', code: 'age_order', message: '최대 연령은 최소 연령보다 작을 수 없습니다.' },
    ]);
    const badTo = await staff.post(`/api/v1/youth/policies/${id}/transition`, { to: 'archived' });
    expect(badTo.json().error.details[0].field).toBe('body.to');
    expect((await anon().get('/api/v1/youth/policies/not-a-uuid')).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await staff.patch(`/api/v1/youth/policies/${unknown}`, { title: 'x' })).statusCode).toBe(404);
    expect((await anon().get(`/api/v1/youth/policies/${unknown}`)).statusCode).toBe(404);
  });
});
