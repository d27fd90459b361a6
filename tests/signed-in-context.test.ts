import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { definePolicies, hasPolicy } from '../server/platform/access/authorize.ts';
import type { Ctx, SignedInCtx } from '../server/platform/http.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

// A policy that would let anyone in: the route rule still demands a session, which is what lets
// handlers of policy routes take the signed-in context without a guard of their own.
const ANYONE = 'test.signed-in-context.anyone';

describe.each(engines)('signed-in context from the route rule on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  async function appWithProbes() {
    if (!hasPolicy(ANYONE)) definePolicies({ [ANYONE]: () => true });
    const app = await buildApp({ config: t.config, database: t.database, jobs: t.jobs, logger: false });
    const z = app.withTypeProvider<ZodTypeProvider>();
    z.get('/api/v1/test/probe/policy', { config: { access: { action: ANYONE } } }, async (req) => {
      expectTypeOf(req.ctx).toEqualTypeOf<SignedInCtx>();
      expectTypeOf(req.ctx.actor.userId).toEqualTypeOf<string>();
      return { userId: req.ctx.actor.userId, sessionId: req.ctx.actor.sessionId };
    });
    z.get('/api/v1/test/probe/signed-in', { config: { access: 'signed-in' } }, async (req) => {
      expectTypeOf(req.ctx.actor.sessionId).toEqualTypeOf<string>();
      return { userId: req.ctx.actor.userId };
    });
    z.get('/api/v1/test/probe/public', { config: { access: 'public' } }, async (req) => {
      // Deny by default: a public handler is never told someone is signed in.
      expectTypeOf(req.ctx).toEqualTypeOf<Ctx>();
      expectTypeOf(req.ctx.actor.userId).toEqualTypeOf<string | null>();
      return { signedIn: req.ctx.actor.signedIn, userId: req.ctx.actor.userId };
    });
    await app.ready();
    return app;
  }

  it('refuses an anonymous caller with 401 on a policy route even when the policy lets anyone in', async () => {
    const app = await appWithProbes();
    try {
      for (const url of ['/api/v1/test/probe/policy', '/api/v1/test/probe/signed-in']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
      const open = await app.inject({ method: 'GET', url: '/api/v1/test/probe/public' });
      expect(open.json()).toEqual({ signedIn: false, userId: null });
    } finally {
      await app.close();
    }
  });

  it("hands the handler the session's person on signed-in and policy routes", async () => {
    const app = await appWithProbes();
    try {
      const { client: signedIn, user } = await signedInAs(t, []);
      const client = new TestClient(app);
      client.cookies = signedIn.cookies;
      const policy = await client.get('/api/v1/test/probe/policy');
      expect(policy.statusCode).toBe(200);
      expect(policy.json().userId).toBe(user.id);
      expect(policy.json().sessionId).toMatch(/\S/);
      expect((await client.get('/api/v1/test/probe/signed-in')).json()).toEqual({ userId: user.id });
      expect((await client.get('/api/v1/test/probe/public')).json()).toEqual({
        signedIn: true,
        userId: user.id,
      });
    } finally {
      await app.close();
    }
  });
});
