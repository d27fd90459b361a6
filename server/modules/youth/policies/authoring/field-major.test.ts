import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import type { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { fieldsOf } from '../national-import/getplcy.ts';

// A local policy's 대분류 follows its fields (issue 9): staff choose fields, the server writes the
// 대분류 as 온통청년 names them, a free-text one is refused, and migration 0071 brought older rows in line.
const MIGRATION = path.resolve(
  import.meta.dirname,
  '../../../../../db/migrations/0071_youth_local_field_major.sql',
);

describe.each(engines)('a local policy’s 대분류 on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const majorOf = async (id: string) =>
    (
      await queryRows<{ m: string }>(
        t.database.db,
        sql`select field_major as m from youth_policies where id = ${id}`,
      )
    )[0].m;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
  });
  afterAll(() => t?.close());

  it('is written from the fields on create and on every change, and cannot be typed', async () => {
    const res = await staff.post('/api/v1/youth/policies', {
      title: '청년 주거·일자리',
      fields: ['housing', 'jobs'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect(await majorOf(id)).toBe('주거,일자리');
    expect((await staff.patch(`/api/v1/youth/policies/${id}`, { fields: ['welfare'] })).statusCode).toBe(200);
    expect(await majorOf(id)).toBe('복지문화');
    expect((await staff.get(`/api/v1/youth/policies/${id}`)).json().fieldMajor).toBe('복지문화');

    const typed = await staff.patch(`/api/v1/youth/policies/${id}`, { fieldMajor: '아무거나' });
    expect(typed.statusCode).toBe(400);
    expect(JSON.stringify(typed.json().error.details)).toContain('fieldMajor');
    expect(
      (await staff.post('/api/v1/youth/policies', { title: '대분류만', fieldMajor: '주거' })).statusCode,
    ).toBe(400);
  });

  it('reads back as the same fields after an export and import (온통청년 names)', async () => {
    const res = await staff.post('/api/v1/youth/policies', {
      title: '다섯 분야',
      fields: ['jobs', 'housing', 'education', 'welfare', 'participation'],
    });
    const { id } = res.json();
    for (const to of ['review', 'published'])
      expect((await staff.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(200);
    const exported = await staff.get('/api/v1/youth/policies/export');
    expect(exported.statusCode).toBe(200);
    const list: Array<Record<string, string>> = exported.json().result.youthPolicyList;
    const mine = list.find((r) => r.plcyNm === '다섯 분야')!;
    expect(mine.lclsfNm).toBe('일자리,주거,교육,복지문화,참여권리');
    expect(fieldsOf(mine.lclsfNm).sort()).toEqual([
      'education',
      'housing',
      'jobs',
      'participation',
      'welfare',
    ]);
  });

  it('migration 0071 writes older local rows’ 대분류 from their fields and leaves imported ones', async () => {
    const { id } = (
      await staff.post('/api/v1/youth/policies', { title: '예전 정책', fields: ['education'] })
    ).json();
    await t.database.db.execute(
      sql`update youth_policies set field_major = '교육·훈련(직접 입력)' where id = ${id}`,
    );
    await t.database.db.execute(
      sql`update youth_policies set field_major = '' , fields = '{}' where id = (select id from youth_policies where title = '청년 주거·일자리')`,
    );
    await t.database.db.execute(sql.raw(fs.readFileSync(MIGRATION, 'utf8')));
    expect(await majorOf(id)).toBe('교육');
    const [{ m }] = await queryRows<{ m: string }>(
      t.database.db,
      sql`select field_major as m from youth_policies where title = '청년 주거·일자리'`,
    );
    expect(m).toBe('');
  });
});
