import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines, TEST_SECRET_KEY } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { runCli } from '../../cli.ts';
import { queryRows } from '../db/connect.ts';
import { canonicalJson } from './chain.ts';
import { verifyAuditChain } from './verify.ts';
import { writeAudit } from './write.ts';

/** Runs the real CLI against the test's PostgreSQL database, capturing what it prints. */
async function cli(url: string, argv: string[]) {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(HAMKKE_|OIDC_|SMTP_)/.test(k)) delete process.env[k];
  process.env.DATABASE_URL = url;
  process.env.HAMKKE_SECRET_KEY = TEST_SECRET_KEY;
  const out: string[] = [];
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    const code = await runCli(argv, (line) => out.push(line));
    return { code, out: out.join('\n') };
  } finally {
    err.mockRestore();
    process.env = saved;
  }
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe.each(engines)('audit log on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const ctxOf = (userId: string | null) => ({
    actor: { userId },
    organizationId: t.org.id,
    ip: '203.0.113.9',
  });

  it('chains entries written in the same transaction as the change', async () => {
    const { user } = await signedInAs(t, ['admin']);
    await t.database.db.transaction(async (tx) => {
      await writeAudit(tx, ctxOf(user.id), {
        action: 'test.first',
        targetType: 'thing',
        targetId: '1',
        data: { b: 2, a: 1 },
      });
      await writeAudit(tx, ctxOf(user.id), { action: 'test.second', targetType: 'thing', targetId: '2' });
    });
    const rows = await queryRows<{ id: number; prev_hash: string; hash: string }>(
      t.database.db,
      sql`select id, prev_hash, hash from audit_log order by id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: rows.length });
  });

  it('forms one chain when many transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          await writeAudit(tx, ctxOf(null), {
            action: 'test.concurrent',
            targetType: 'thing',
            targetId: String(i),
            data: { i },
          });
        }),
      ),
    );
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    const [{ forks }] = await queryRows<{ forks: number }>(
      t.database.db,
      sql`select count(*)::int - count(distinct prev_hash)::int as forks from audit_log`,
    );
    expect(forks).toBe(0);
  });

  it('leaves nothing behind when the transaction that wrote the entry rolls back', async () => {
    const before = await verifyAuditChain(t.database.db);
    await expect(
      t.database.db.transaction(async (tx) => {
        await writeAudit(tx, ctxOf(null), { action: 'test.rolled-back', targetType: 'thing' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await verifyAuditChain(t.database.db);
    expect(after).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.database.db;
    // Drizzle wraps the database error; its cause carries the trigger's message.
    const failure = (q: Promise<unknown>) =>
      q.then(
        () => 'succeeded',
        (e) => String((e as Error & { cause?: Error }).cause?.message ?? e),
      );
    expect(await failure(db.execute(sql`update audit_log set action = 'x'`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await failure(db.execute(sql`delete from audit_log`))).toMatch(/append-only: DELETE refused/);
    expect(await failure(db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE refused/);
  });

  it('GET /api/v1/admin/audit: 401 anonymous, 403 for every other role, 400 bad cursor, entries for admins', async () => {
    expect((await new TestClient(t.app).get('/api/v1/admin/audit')).statusCode).toBe(401);
    for (const role of ['staff', 'resident', 'youth', 'enterprise_member', 'buyer', 'working_group_member']) {
      const { client } = await signedInAs(t, [role]);
      const res = await client.get('/api/v1/admin/audit');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const { client, user } = await signedInAs(t, ['admin']);
    const bad = await client.get('/api/v1/admin/audit?cursor=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toMatch(/cursor/);

    const first = await client.get('/api/v1/admin/audit?action=test.first');
    expect(first.statusCode).toBe(200);
    const [entry] = first.json().items;
    expect(entry).toMatchObject({
      action: 'test.first',
      targetType: 'thing',
      targetId: '1',
      data: { a: 1, b: 2 },
    });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.actor.id).not.toBe(user.id);

    const page = await client.get('/api/v1/admin/audit?limit=5');
    expect(page.json().items).toHaveLength(5);
    const next = await client.get(`/api/v1/admin/audit?limit=5&cursor=${page.json().nextCursor}`);
    expect(Number(next.json().items[0].id)).toBeLessThan(Number(page.json().items[4].id));
  });

  it('an admin reading the audit log names who acted: one access-log record per other person shown', async () => {
    const actor = await signedInAs(t, ['staff']);
    await t.database.db.transaction((tx) =>
      writeAudit(tx, ctxOf(actor.user.id), {
        action: 'test.logged-read',
        targetType: 'thing',
        targetId: 'a',
      }),
    );
    await t.database.db.transaction((tx) =>
      writeAudit(tx, ctxOf(actor.user.id), {
        action: 'test.logged-read',
        targetType: 'thing',
        targetId: 'b',
      }),
    );
    const admin = await signedInAs(t, ['admin']);
    const res = await admin.client.get('/api/v1/admin/audit?action=test.logged-read');
    expect(res.json().items.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([
      actor.user.id,
      actor.user.id,
    ]);
    const logged = await queryRows<{
      actor_user_id: string;
      fields: string[];
      reason: string;
      route: string;
    }>(
      t.database.db,
      sql`select actor_user_id, fields, reason, route from personal_data_access_log where subject_user_id = ${actor.user.id}`,
    );
    expect(logged).toEqual([
      {
        actor_user_id: admin.user.id,
        fields: ['displayName'],
        reason: 'admin.audit.read',
        route: 'GET /api/v1/admin/audit',
      },
    ]);
  });

  it('audit verify finds an entry altered by the database superuser, and names it', async () => {
    const db = t.database.db;
    if (engine === 'postgres') {
      const ok = await cli(t.database.url!, ['audit', 'verify']);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/Audit chain OK: \d+ entries/);
    }
    const [{ superuser }] = await queryRows<{ superuser: boolean }>(
      db,
      sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
    );
    expect(superuser).toBe(true);
    const [target] = await queryRows<{ id: number }>(
      db,
      sql`select id from audit_log where action = 'test.second'`,
    );
    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(sql`update audit_log set data = '{"forged": true}' where id = ${target.id}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);

    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenId: Number(target.id) });
    if (engine === 'postgres') {
      const broken = await cli(t.database.url!, ['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`Audit chain broken at entry ${target.id}`);
    }
  });
});
