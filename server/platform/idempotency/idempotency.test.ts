import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization } from '../../../seed/builders/organization.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { createTestDatabase } from '../../../tests/helpers/database.ts';
import { type Engine, engines, TEST_SECRET_KEY } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, HostClient } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { purgeExpiredAuthData } from '../auth/cleanup.ts';
import { openPostgres } from '../db/connect.ts';
import { createJobs } from '../jobs/boss.ts';
import { idempotencyKeys } from './tables.ts';

const SUGGEST = '/api/v1/youth/suggestions';
const MINE = '/api/v1/youth/suggestions/mine';
const PROBE = '/api/v1/test/idempotency-probe';
const suggestion = (title = '청년 공유 주방 확대') => ({
  title,
  body: '영등포구에 청년 공유 주방을 늘려 주십시오.',
  field: 'welfare',
});
const keyed = (key: string) => ({ 'idempotency-key': key });
let keyNo = 0;
const newKey = () => `key-${Date.now()}-${++keyNo}`;

/**
 * A probe route added to the real app, so a test can hold a request inside its handler (to overlap
 * two requests exactly), make it fail, or set a cookie, and count how often it really ran.
 */
class Probe {
  runs = 0;
  failNext = 0;
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;
  private entered: Array<() => void> = [];
  /** The next request to enter the handler waits there until open(). */
  hold() {
    this.gate = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  open() {
    this.release?.();
  }
  /** Resolves once a request is inside the handler. */
  inside(): Promise<void> {
    return new Promise((resolve) => this.entered.push(resolve));
  }
  register(app: FastifyInstance) {
    app.post(PROBE, { config: { access: 'signed-in' } }, async (req, reply) => {
      const run = ++this.runs;
      for (const notify of this.entered.splice(0)) notify();
      // Only the first request to enter waits at a gate; the ones after it run straight through.
      const gate = this.gate;
      this.gate = null;
      if (gate) await gate;
      if (this.failNext > 0) {
        this.failNext--;
        throw new Error('probe failure');
      }
      const body = (req.body ?? {}) as { cookie?: boolean; status?: number };
      if (body.cookie) reply.setCookie('probe', String(run), { path: '/' });
      reply.status(body.status ?? 201).header('location', `${PROBE}/${run}`);
      return { run };
    });
  }
}

interface ProbeApp {
  app: FastifyInstance;
  probe: Probe;
  close(): Promise<void>;
}

/** The real app (as tests/helpers/app.ts builds it) on a database, with the probe route. */
async function buildProbeApp(engine: Engine, shared?: { url: string }) {
  const database = shared ? openPostgres(shared.url, 3) : await createTestDatabase(engine);
  const url = shared?.url ?? (database as { url?: string }).url;
  const config = loadConfig({
    HAMKKE_LOG_LEVEL: 'silent',
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000',
    HAMKKE_DEV_MAILBOX: '1',
    HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const jobs = createJobs(database, config, url);
  await jobs.start();
  const org = await ensureOrganization(database.db);
  const app = await buildApp({ config, database, jobs, logger: false });
  const probe = new Probe();
  probe.register(app);
  await app.ready();
  return {
    app,
    probe,
    database,
    jobs,
    config,
    org,
    url,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

describe.each(engines)('Idempotency-Key on %s', (engine) => {
  let t: Awaited<ReturnType<typeof buildProbeApp>>;
  let youth: Awaited<ReturnType<typeof signedInAs>>;

  const mine = async (client: TestClient) => (await client.get(MINE)).json().items.length as number;
  const rowsOf = (userId: string) =>
    t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));

  beforeAll(async () => {
    t = await buildProbeApp(engine);
    youth = await signedInAs(t, ['youth']);
  }, 60_000);
  afterAll(() => t?.close());

  it('replays the first answer to the same request without running it again', async () => {
    const key = newKey();
    const before = await mine(youth.client);
    const first = await youth.client.post(SUGGEST, suggestion(), keyed(key));
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    // The same request again, its body's keys in another order: the first answer, byte for byte.
    const again = await youth.client.post(
      SUGGEST,
      { field: 'welfare', body: suggestion().body, title: suggestion().title },
      keyed(key),
    );
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await mine(youth.client)).toBe(before + 1);
    // Without a key, the same body is a new suggestion.
    expect((await youth.client.post(SUGGEST, suggestion())).statusCode).toBe(200);
    expect(await mine(youth.client)).toBe(before + 2);
  });

  it('keeps status and location, and the handler runs once', async () => {
    const key = newKey();
    const runs = t.probe.runs;
    const first = await youth.client.post(PROBE, { status: 202 }, keyed(key));
    expect(first.statusCode).toBe(202);
    const again = await youth.client.post(PROBE, { status: 202 }, keyed(key));
    expect(again.statusCode).toBe(202);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.json()).toEqual(first.json());
    expect(t.probe.runs).toBe(runs + 1);
  });

  it('422 idempotency_key_reused for another body, route or method with the key, in Korean and English', async () => {
    const key = newKey();
    const before = await mine(youth.client);
    expect((await youth.client.post(SUGGEST, suggestion('첫 제안'), keyed(key))).statusCode).toBe(200);
    const other = await youth.client.post(SUGGEST, suggestion('다른 제안'), keyed(key));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(other.json().error.message).toContain('다른 요청에 이미 쓰였습니다');
    const english = await youth.client.post(SUGGEST, suggestion('다른 제안'), {
      ...keyed(key),
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(422);
    expect(english.json().error.message).toContain('already used for a different request');
    expect((await youth.client.post(PROBE, {}, keyed(key))).statusCode).toBe(422);
    expect(await mine(youth.client)).toBe(before + 1);
  });

  it('stores 4xx answers: the same missing record is the same 404', async () => {
    const key = newKey();
    const url = '/api/v1/youth/policies/00000000-0000-4000-8000-000000000000/questions';
    const first = await youth.client.post(url, { body: '언제 신청합니까?', public: true }, keyed(key));
    expect(first.statusCode).toBe(404);
    const again = await youth.client.post(url, { body: '언제 신청합니까?', public: true }, keyed(key));
    expect(again.statusCode).toBe(404);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json()); // the first request's id too: it is that answer
  });

  it('does not keep server errors: the claim is given back and a retry runs', async () => {
    const key = newKey();
    const runs = t.probe.runs;
    t.probe.failNext = 1;
    expect((await youth.client.post(PROBE, { n: 1 }, keyed(key))).statusCode).toBe(500);
    expect((await rowsOf(youth.user.id)).filter((r) => r.key === key)).toEqual([]);
    const retry = await youth.client.post(PROBE, { n: 1 }, keyed(key));
    expect(retry.statusCode).toBe(201);
    expect(t.probe.runs).toBe(runs + 2);
    expect((await youth.client.post(PROBE, { n: 1 }, keyed(key))).body).toBe(retry.body);
    expect(t.probe.runs).toBe(runs + 2);
  });

  it('does not keep answers that set cookies (they cannot be replayed without them)', async () => {
    const key = newKey();
    const runs = t.probe.runs;
    expect((await youth.client.post(PROBE, { cookie: true }, keyed(key))).statusCode).toBe(201);
    expect((await rowsOf(youth.user.id)).filter((r) => r.key === key)).toEqual([]);
    expect((await youth.client.post(PROBE, { cookie: true }, keyed(key))).statusCode).toBe(201);
    expect(t.probe.runs).toBe(runs + 2);
  });

  it('409 idempotency_in_progress with Retry-After while the first request runs, then the replay', async () => {
    const key = newKey();
    const runs = t.probe.runs;
    t.probe.hold();
    const entered = t.probe.inside();
    const first = youth.client.post(PROBE, { n: 2 }, keyed(key));
    await entered;
    const during = await youth.client.post(PROBE, { n: 2 }, keyed(key));
    expect(during.statusCode).toBe(409);
    expect(during.json().error.code).toBe('idempotency_in_progress');
    expect(during.json().error.message).toContain('아직 처리하고 있습니다');
    expect(during.headers['retry-after']).toBe('1');
    // A different request with the key is still a 422, even while the first runs.
    expect((await youth.client.post(PROBE, { n: 3 }, keyed(key))).statusCode).toBe(422);
    t.probe.open();
    const answered = await first;
    expect(answered.statusCode).toBe(201);
    const after = await youth.client.post(PROBE, { n: 2 }, keyed(key));
    expect(after.body).toBe(answered.body);
    expect(t.probe.runs).toBe(runs + 1);
  });

  it('runs exactly one of many concurrent requests with one key', async () => {
    const key = newKey();
    const before = await mine(youth.client);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => youth.client.post(SUGGEST, suggestion('동시에 보낸 제안'), keyed(key))),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((a) => a.body)).size).toBe(1);
    expect(await mine(youth.client)).toBe(before + 1);
  });

  it('takes over a claim abandoned past its lease only for the same request', async () => {
    // A process that died while running leaves a claim: the same request may run once it lapses.
    const key = newKey();
    const runs = t.probe.runs;
    t.probe.hold();
    const entered = t.probe.inside();
    const first = youth.client.post(PROBE, { n: 4 }, keyed(key));
    await entered;
    const scope = and(eq(idempotencyKeys.userId, youth.user.id), eq(idempotencyKeys.key, key));
    await t.database.db
      .update(idempotencyKeys)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(scope);
    expect((await youth.client.post(PROBE, { n: 5 }, keyed(key))).statusCode).toBe(422);
    const retry = await youth.client.post(PROBE, { n: 4 }, keyed(key));
    expect(retry.statusCode).toBe(201);
    // The abandoned request finishing late does not overwrite the answer that is kept.
    t.probe.open();
    expect((await first).statusCode).toBe(201);
    expect((await youth.client.post(PROBE, { n: 4 }, keyed(key))).body).toBe(retry.body);
    expect(t.probe.runs).toBe(runs + 2);
    const [row] = await t.database.db.select().from(idempotencyKeys).where(scope);
    expect(row.claim).toBeNull();
    expect(row.lockedUntil).toBeNull();
  });

  it('keeps keys per account: another person with the same key runs their own request', async () => {
    const key = newKey();
    const other = await signedInAs(t, ['youth']);
    const mineBefore = await mine(youth.client);
    const a = await youth.client.post(SUGGEST, suggestion('같은 키'), keyed(key));
    const b = await other.client.post(SUGGEST, suggestion('같은 키'), keyed(key));
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(b.json().id).not.toBe(a.json().id);
    expect(b.headers['idempotency-replayed']).toBeUndefined();
    expect(await mine(youth.client)).toBe(mineBefore + 1);
    expect(await mine(other.client)).toBe(1);
  });

  it('keeps keys per organization: the same person and key at another organization runs again', async () => {
    const key = newKey();
    const org = await createOtherOrganization(t);
    const there = new HostClient(t.app, org.host);
    await there.login(youth.email, youth.password);
    const here = await youth.client.post(PROBE, { n: 6 }, keyed(key));
    const away = await there.post(PROBE, { n: 6 }, keyed(key));
    expect([here.statusCode, away.statusCode]).toEqual([201, 201]);
    expect(away.headers['idempotency-replayed']).toBeUndefined();
    expect(away.json().run).not.toBe(here.json().run);
    const rows = (await rowsOf(youth.user.id)).filter((r) => r.key === key);
    expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([t.org.id, org.id]));
  });

  it('400 idempotency_key_invalid for a malformed key, before anything runs', async () => {
    const runs = t.probe.runs;
    for (const bad of ['', 'has space', 'x'.repeat(256), 'tab\there', 'é-accent', 'a, b']) {
      const res = await youth.client.post(PROBE, { n: 7 }, keyed(bad));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('idempotency_key_invalid');
      expect(res.json().error.message).toContain('Idempotency-Key 헤더가 올바르지 않습니다');
    }
    const english = await youth.client.post(PROBE, {}, { ...keyed('has space'), 'accept-language': 'en' });
    expect(english.json().error.message).toContain('1 to 255 visible ASCII characters');
    // The header twice is refused too (Node joins repeated headers with ", ").
    const twice = await youth.client.request({
      method: 'POST',
      url: PROBE,
      payload: {},
      headers: { 'idempotency-key': ['one', 'two'] } as never,
    });
    expect(twice.statusCode).toBe(400);
    expect(t.probe.runs).toBe(runs);
    // The longest and the widest keys are fine.
    const longest = 'x'.repeat(255);
    expect((await youth.client.post(PROBE, {}, keyed(longest))).statusCode).toBe(201);
    expect((await youth.client.post(PROBE, {}, keyed('!~AZaz09-_.:/+={}'))).statusCode).toBe(201);
  });

  it('ignores the header on anonymous requests and on safe methods', async () => {
    const anon = new TestClient(t.app);
    const key = newKey();
    // Sign-in sets a session cookie every time: never replayed, and a bad key is not refused either.
    expect(
      (await anon.post('/api/v1/auth/login', { email: youth.email, password: youth.password }, keyed(key)))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await new TestClient(t.app).post(
          '/api/v1/auth/login',
          { email: youth.email, password: youth.password },
          keyed('bad key'),
        )
      ).statusCode,
    ).toBe(200);
    expect((await new TestClient(t.app).post(SUGGEST, suggestion(), keyed(key))).statusCode).toBe(401);
    expect((await youth.client.get(MINE, keyed('bad key'))).statusCode).toBe(200);
    const rows = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(rows).toEqual([]);
  });

  it('purges answers after 24 hours in the hourly clean-up; an expired key runs again', async () => {
    const key = newKey();
    const runs = t.probe.runs;
    await youth.client.post(PROBE, { n: 8 }, keyed(key));
    const [row] = (await rowsOf(youth.user.id)).filter((r) => r.key === key);
    const hours = (row.expiresAt.getTime() - row.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 3);
    // Past its expiry but not yet purged: the key is free again, for any request.
    const scope = and(eq(idempotencyKeys.userId, youth.user.id), eq(idempotencyKeys.key, key));
    await t.database.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(scope);
    const fresh = await youth.client.post(PROBE, { n: 9 }, keyed(key));
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotency-replayed']).toBeUndefined();
    expect(t.probe.runs).toBe(runs + 2);

    const live = newKey();
    await youth.client.post(PROBE, { n: 10 }, keyed(live));
    await t.database.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(scope);
    const purged = await purgeExpiredAuthData(t.database.db);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = (await rowsOf(youth.user.id)).map((r) => r.key);
    expect(left).not.toContain(key);
    expect(left).toContain(live);
  });

  it('lists the keys in "download my data" and erases them with the account', async () => {
    const person = await signedInAs(t, ['youth']);
    const key = newKey();
    await person.client.post(SUGGEST, suggestion('내보내기'), keyed(key));
    const exported = (await person.client.get('/api/v1/me/export')).json();
    expect(JSON.stringify(exported)).toContain(key);
    expect((await person.client.post('/api/v1/me/delete', { password: person.password })).statusCode).toBe(
      200,
    );
    expect(await rowsOf(person.user.id)).toEqual([]);
  });

  it('documents the header on every unsafe operation of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ in: 'header', name: 'Idempotency-Key' });
    const names = (op: { parameters?: Array<{ name: string; in: string }> }) =>
      (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    expect(names(doc.paths[SUGGEST].post)).toEqual(['Idempotency-Key']);
    expect(names(doc.paths[SUGGEST].get)).toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, never>>))
      for (const method of ['post', 'put', 'patch', 'delete'])
        if (ops[method]) expect(names(ops[method]), `${method} ${path}`).toContain('Idempotency-Key');
  });

  if (engine === 'postgres')
    it('holds across processes: two app instances on one database run one request', async () => {
      const second: ProbeApp = await buildProbeApp('postgres', { url: t.url! });
      try {
        const key = newKey();
        const onSecond = new TestClient(second.app);
        onSecond.cookies = new Map(youth.client.cookies);
        onSecond.csrfToken = youth.client.csrfToken;
        t.probe.hold();
        const entered = t.probe.inside();
        const first = youth.client.post(PROBE, { n: 11 }, keyed(key));
        await entered;
        const during = await onSecond.post(PROBE, { n: 11 }, keyed(key));
        expect(during.statusCode).toBe(409);
        t.probe.open();
        const answered = await first;
        const replay = await onSecond.post(PROBE, { n: 11 }, keyed(key));
        expect(replay.statusCode).toBe(201);
        expect(replay.body).toBe(answered.body);
        expect(second.probe.runs).toBe(0);

        // Many at once, split over both instances: one runs in all.
        const many = newKey();
        const before = t.probe.runs + second.probe.runs;
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? onSecond : youth.client).post(PROBE, { n: 12 }, keyed(many)),
          ),
        );
        expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
        expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.body)).size).toBe(1);
        expect(t.probe.runs + second.probe.runs).toBe(before + 1);
      } finally {
        await second.close();
      }
    });
});
