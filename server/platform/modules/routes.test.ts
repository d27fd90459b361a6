import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { domainModules } from '../../modules/index.ts';

describe.each(engines)('installed modules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('lists the district modules of the composition root, without the platform', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/modules' });
    expect(res.statusCode).toBe(200);
    const { modules } = res.json() as { modules: string[] };
    expect(modules).toEqual(domainModules.map((m) => m.name));
    expect(modules).toEqual(expect.arrayContaining(['administration', 'social-economy', 'youth']));
    expect(modules).not.toContain('platform');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers a signed-in person the same list', async () => {
    const { client } = await signedInAs(t, []);
    const res = await client.request({ method: 'GET', url: '/api/v1/modules' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ modules: domainModules.map((m) => m.name) });
  });

  it('refuses to be written: 405 with Allow', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/modules', payload: {} });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain('GET');
  });
});
