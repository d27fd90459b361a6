import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { insertPublishedPolicy } from '../authoring/index.ts';

// The in-process catalogue follows the table: a write made outside this app (another process, the
// CLI, psql) reaches it through the notification youth_policies' trigger sends at commit.
describe.each(engines)('the in-process catalogue after a write from elsewhere on %s', (engine) => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    id = await insertPublishedPolicy(t.database.db, t.org.id, { title: '외부 변경 확인 청년 정책' });
  });
  afterAll(() => t?.close());

  /** Writes as another process would: its own connection on PostgreSQL, the same instance on PGlite. */
  async function elsewhere(statement: string, params: unknown[]) {
    if (engine === 'pglite') {
      await t.database.pglite!.query(statement, params);
      return;
    }
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    await client.query(statement, params);
    await client.end();
  }

  const titles = async () => {
    const res = await new TestClient(t.app).get(
      `/api/v1/youth/policies?q=${encodeURIComponent('외부 변경')}`,
    );
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ id: string; title: string }>).map((i) => i.title);
  };

  /** The answer once it settles: notifications arrive a moment after the commit. */
  async function settled(want: string[]) {
    const until = Date.now() + 5_000;
    let got = await titles();
    while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      got = await titles();
    }
    return got;
  }

  it('shows a changed title, drops a closed policy and brings it back, without a restart', async () => {
    expect(await titles()).toEqual(['외부 변경 확인 청년 정책']);
    await elsewhere('update youth_policies set title = $1 where id = $2', [
      '외부 변경 확인 청년 정책 (고침)',
      id,
    ]);
    expect(await settled(['외부 변경 확인 청년 정책 (고침)'])).toEqual(['외부 변경 확인 청년 정책 (고침)']);
    await elsewhere(`update youth_policies set status = 'closed' where id = $1`, [id]);
    expect(await settled([])).toEqual([]);
    await elsewhere(`update youth_policies set status = 'published' where id = $1`, [id]);
    expect(await settled(['외부 변경 확인 청년 정책 (고침)'])).toEqual(['외부 변경 확인 청년 정책 (고침)']);
  });

  it('the notice comes from a trigger on youth_policies, so every writer sends it', async () => {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from pg_trigger where tgname = 'youth_policies_catalogue_changed'`,
    );
    expect(Number(row.n)).toBe(1);
  });
});
