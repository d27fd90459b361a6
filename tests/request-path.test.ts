import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBudget } from '../seed/builders/budget.ts';
import { forgetOrganizations } from '../server/platform/tenants/queries.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

/** Every SQL text the app sends through its own connection (PGlite or the pool) while `run` runs. */
async function queriesDuring(t: TestApp, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const target = (t.database.pool ?? t.database.pglite) as unknown as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  const query = target.query;
  const counting = vi.spyOn(target, 'query').mockImplementation(function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    seen.push(typeof q === 'string' ? q : q.text);
    return query.apply(this, args);
  });
  try {
    await run();
  } finally {
    counting.mockRestore();
  }
  // pg-boss shares the PGlite instance and polls on its own schedule: not a request's query.
  return seen.filter((text) => !/pgboss/i.test(text));
}

/** The tenant cache's load: every organization (the session's own query joins one by id). */
const isTenantLookup = (text: string) => /from "organizations"\s*$/.test(text);

describe.each(engines)('the cheap request path on %s', (engine) => {
  let t: TestApp;
  let noAnswerCache: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
    noAnswerCache = await createTestApp(engine, { HAMKKE_ANSWER_CACHE: '0' });
    await buildBudget(noAnswerCache.database.db, noAnswerCache.org.id);
  });
  afterAll(async () => {
    await t?.close();
    await noAnswerCache?.close();
  });

  it('answers an anonymous /healthz without a cookie from memory: no session, no tenant query', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' }); // the tenant cache warms once
    const texts = await queriesDuring(t, async () => {
      for (let i = 0; i < 20; i++)
        expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
    expect(texts).toEqual([]);
  });

  it('looks the tenant up again once its cache is told, and a cookie costs a session lookup', async () => {
    await forgetOrganizations(t.database.db);
    const afterForget = await queriesDuring(t, async () => {
      await t.app.inject({ method: 'GET', url: '/healthz' });
      await t.app.inject({ method: 'GET', url: '/healthz' });
    });
    expect(afterForget.filter(isTenantLookup)).toHaveLength(1);

    const { client } = await signedInAs(t, []);
    const signedIn = await queriesDuring(t, () => client.get('/healthz'));
    expect(signedIn.some((q) => /"sessions"/.test(q))).toBe(true);
    expect(signedIn.filter(isTenantLookup)).toEqual([]);
  });

  it('an anonymous public page with the answer cache off reads only its own data', async () => {
    const url = '/api/v1/administration/budget?year=2019';
    expect((await noAnswerCache.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    const texts = await queriesDuring(noAnswerCache, async () => {
      for (let i = 0; i < 3; i++)
        expect((await noAnswerCache.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    });
    expect(texts.length).toBeGreaterThanOrEqual(3); // the cache is off: it asks every time
    expect(texts.filter((q) => !/"admin_budget/.test(q))).toEqual([]);
  });

  it('sends the security headers on errors as on answers', async () => {
    for (const url of ['/healthz', '/api/v1/no-such-thing', '/api/v1/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-ratelimit-remaining']).toBeUndefined(); // only on a refusal
    }
  });
});
