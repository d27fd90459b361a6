import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { purgeExpiredAuthData } from './cleanup.ts';

describe.each(engines)('purging expired sign-in data on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('removes expired sessions and keeps live ones', async () => {
    const live = await signedInAs(t, ['resident']);
    const old = await signedInAs(t, ['resident']);
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${old.user.id}`,
    );
    const result = await purgeExpiredAuthData(t.database.db);
    expect(result.sessions).toBe(1);
    const rows = await queryRows<{ user_id: string }>(
      t.database.db,
      sql`select user_id from sessions where user_id in (${live.user.id}, ${old.user.id})`,
    );
    expect(rows.map((r) => r.user_id)).toEqual([live.user.id]);
    expect((await live.client.get('/api/v1/me')).statusCode).toBe(200);
  });
});
