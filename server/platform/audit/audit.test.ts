import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines, TEST_SECRET_KEY } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { runCli } from '../../cli.ts';
import { queryRows } from '../db/connect.ts';
import { registerMessages } from '../i18n/messages.ts';
import { canonicalJson, entryHash } from './chain.ts';
import { describeModes, verifyAuditChain } from './verify.ts';
import { writeAudit } from './write.ts';

// The entries these tests write are named like any module's (writeAudit refuses unnamed ones).
registerMessages(
  Object.fromEntries(
    [
      'audit.action.test.first',
      'audit.action.test.second',
      'audit.action.test.concurrent',
      'audit.action.test.rolled-back',
      'audit.action.test.logged-read',
      'audit.action.test.unkeyed',
      'audit.action.test.keyed',
      'audit.target.thing',
    ].map((key) => [key, { ko: `시험 ${key}`, en: `Test ${key}` }]),
  ),
);

/** Runs the real CLI against the test's PostgreSQL database, capturing what it prints. */
async function cli(url: string, argv: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(HAMKKE_|OIDC_|SMTP_)/.test(k)) delete process.env[k];
  process.env.DATABASE_URL = url;
  process.env.HAMKKE_SECRET_KEY = TEST_SECRET_KEY;
  Object.assign(process.env, env);
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
    config: t.config,
  });
  const verify = () => verifyAuditChain(t.database.db, TEST_SECRET_KEY);

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
    expect(await verify()).toEqual({ ok: true, entries: rows.length, keyed: rows.length, unkeyed: 0 });
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
    const report = await verify();
    expect(report.ok).toBe(true);
    const [{ forks }] = await queryRows<{ forks: number }>(
      t.database.db,
      sql`select count(*)::int - count(distinct prev_hash)::int as forks from audit_log`,
    );
    expect(forks).toBe(0);
  });

  it('leaves nothing behind when the transaction that wrote the entry rolls back', async () => {
    const before = await verify();
    await expect(
      t.database.db.transaction(async (tx) => {
        await writeAudit(tx, ctxOf(null), { action: 'test.rolled-back', targetType: 'thing' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await verify();
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
    for (const role of [
      'staff',
      'resident',
      'youth',
      'enterprise_member',
      'buyer',
      'working_group_member',
      'kiosk',
    ]) {
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
      expect(ok.out).toMatch(/Audit chain OK: \d+ entries, keyed \(HMAC\)/);
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

    const report = await verifyAuditChain(db, TEST_SECRET_KEY);
    expect(report).toMatchObject({ ok: false, brokenId: Number(target.id) });
    if (engine === 'postgres') {
      const broken = await cli(t.database.url!, ['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`Audit chain broken at entry ${target.id}`);
    }
  });
});

describe.each(engines)('keyed audit chain on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const OTHER_KEY = randomBytes(32).toString('base64');
  const write = (action: string, config?: TestApp['config']) =>
    t.database.db.transaction((tx) =>
      writeAudit(
        tx,
        { actor: { userId: null }, organizationId: t.org.id, config },
        { action, targetType: 'thing' },
      ),
    );

  /**
   * What a database superuser without the key can do: change an entry, then recompute every hash
   * from it on with plain SHA-256 so each link matches again (optionally marking them unkeyed).
   */
  async function rewriteWithoutKey(targetId: number, markUnkeyed: boolean) {
    const db = t.database.db;
    const rows = await queryRows<{
      id: number;
      organization_id: string | null;
      at: Date | string;
      actor_user_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      data: Record<string, unknown>;
      ip: string | null;
      prev_hash: string;
    }>(db, sql`select * from audit_log where id >= ${targetId} order by id`);
    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    let prev = rows[0].prev_hash;
    for (const r of rows) {
      const data = Number(r.id) === targetId ? { forged: true } : r.data;
      const hash = entryHash(prev, {
        id: Number(r.id),
        organizationId: r.organization_id,
        at: new Date(r.at).toISOString(),
        actorUserId: r.actor_user_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        data,
        ip: r.ip,
      });
      await db.execute(sql`update audit_log set data = ${JSON.stringify(data)}::jsonb, prev_hash = ${prev}, hash = ${hash},
                           keyed = keyed and not ${markUnkeyed} where id = ${r.id}`);
      prev = hash;
    }
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }

  it('a log begun without the key verifies after it is set, and audit verify says which mode it checked', async () => {
    await write('test.unkeyed');
    await write('test.unkeyed');
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: 2, keyed: 0, unkeyed: 2 });
    await write('test.keyed', t.config);
    await write('test.keyed', t.config);
    await write('test.keyed', t.config);
    const report = await verifyAuditChain(t.database.db, TEST_SECRET_KEY);
    expect(report).toEqual({ ok: true, entries: 5, keyed: 3, unkeyed: 2 });
    expect(describeModes(report)).toBe('mixed: 2 unkeyed (SHA-256) then 3 keyed (HMAC)');
    expect(describeModes({ keyed: 3, unkeyed: 0 })).toBe('keyed (HMAC)');
    expect(describeModes({ keyed: 0, unkeyed: 2 })).toBe('unkeyed (SHA-256)');
    if (engine === 'postgres') {
      const ok = await cli(t.database.url!, ['audit', 'verify']);
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('Audit chain OK: 5 entries, mixed: 2 unkeyed (SHA-256) then 3 keyed (HMAC)');
    }
  });

  it('keyed entries fail without the key or with another key', async () => {
    const [first] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from audit_log where keyed order by id limit 1`,
    );
    const noKey = await verifyAuditChain(t.database.db);
    expect(noKey).toMatchObject({ ok: false, brokenId: Number(first.id), entries: 2 });
    expect(noKey.ok === false && noKey.reason).toMatch(/HAMKKE_SECRET_KEY is not set/);
    const wrong = await verifyAuditChain(t.database.db, OTHER_KEY);
    expect(wrong).toMatchObject({ ok: false, brokenId: Number(first.id) });
    expect(wrong.ok === false && wrong.reason).toMatch(/not the key it was written with/);
    if (engine === 'postgres') {
      const res = await cli(t.database.url!, ['audit', 'verify'], { HAMKKE_SECRET_KEY: OTHER_KEY });
      expect(res.code).toBe(1);
      expect(res.out).toContain(`Audit chain broken at entry ${first.id}`);
    }
  });

  it('a superuser who rewrites an entry and recomputes the plain SHA-256 chain is caught', async () => {
    const [target] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from audit_log where keyed order by id offset 1 limit 1`,
    );
    // Every link holds again, so an unkeyed chain would pass: the keyed hash does not.
    await rewriteWithoutKey(Number(target.id), false);
    expect(await verifyAuditChain(t.database.db, TEST_SECRET_KEY)).toMatchObject({
      ok: false,
      brokenId: Number(target.id),
      reason: expect.stringMatching(/keyed hash/),
    });
    // Marking the rewritten entries unkeyed does not help: a chain never goes back to unkeyed.
    await rewriteWithoutKey(Number(target.id), true);
    expect(await verifyAuditChain(t.database.db, TEST_SECRET_KEY)).toMatchObject({
      ok: false,
      brokenId: Number(target.id),
      reason: expect.stringMatching(/unkeyed after keyed/),
    });
    if (engine === 'postgres') {
      const res = await cli(t.database.url!, ['audit', 'verify']);
      expect(res.code).toBe(1);
      expect(res.out).toContain(`Audit chain broken at entry ${target.id}`);
    }
  });
});
