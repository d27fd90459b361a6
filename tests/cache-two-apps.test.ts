import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBudget } from '../seed/builders/budget.ts';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { buildApp } from '../server/app.ts';
import { forgetBudgets } from '../server/modules/administration/index.ts';
import { type Database, openPostgres } from '../server/platform/db/connect.ts';
import { forgetOrganizations, resolveOrganization } from '../server/platform/tenants/queries.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

// Two app processes on one PostgreSQL, as behind a load balancer: a change made through one shows
// in the other at once (each cache's TTL is a minute or more; these wait at most a second).
describe.each(engines.filter((e) => e === 'postgres'))('two app instances on one %s database', (engine) => {
  let a: TestApp;
  let bDatabase: Database;
  let b: FastifyInstance;
  const soon = { timeout: 1_000, interval: 5 };

  beforeAll(async () => {
    a = await createTestApp(engine);
    await buildBudget(a.database.db, a.org.id);
    bDatabase = openPostgres(a.database.url as string, 3);
    b = await buildApp({ config: a.config, database: bDatabase, jobs: a.jobs, logger: false });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await bDatabase?.close();
    await a?.close();
  });

  it('serves a host added through one instance from the other at once', async () => {
    const ask = (app: FastifyInstance) =>
      app.inject({
        method: 'GET',
        url: '/api/v1/administration/organization',
        headers: { host: 'new.example' },
      });
    // Both know only the default organization, and keep that answer.
    expect((await ask(a.app)).json().name.ko).toBe(a.org.nameKo);
    expect((await ask(b)).json().name.ko).toBe(a.org.nameKo);

    await ensureOrganization(bDatabase.db, {
      slug: 'new-district',
      nameKo: '새구',
      nameEn: 'New',
      host: 'new.example',
    });
    await forgetOrganizations(bDatabase.db); // what `org add` does after adding
    expect((await ask(b)).json().name.ko).toBe('새구');
    await expect.poll(async () => (await ask(a.app)).json().name.ko, soon).toBe('새구');
  });

  it('shows organization settings changed by an admin on one instance in the other at once', async () => {
    const before = await resolveOrganization(bDatabase.db, undefined);
    expect(before.nameKo).toBe(a.org.nameKo);
    const { client } = await signedInAs(a, ['admin']);
    const res = await client.patch('/api/v1/admin/organization', { nameKo: '바뀐 이름' });
    expect(res.statusCode).toBe(200);
    await expect
      .poll(async () => (await resolveOrganization(bDatabase.db, undefined)).nameKo, soon)
      .toBe('바뀐 이름');
  });

  it('shows a budget change announced by one instance in the other at once', async () => {
    const url = '/api/v1/administration/budget?year=2019';
    const total = async (app: FastifyInstance) =>
      (await app.inject({ method: 'GET', url })).json().total.amountThousandWon;
    const start = await total(a.app);
    expect(await total(b)).toBe(start);
    await bDatabase.db.transaction(async (tx) => {
      await tx.execute(
        sql`update admin_budget_units set amount_won = amount_won + 1000 where organization_id = ${a.org.id} and code = 'basic-expenses'`,
      );
      await forgetBudgets(bDatabase.db, tx);
    });
    await expect.poll(() => total(a.app), soon).toBe(start + 1);
    await expect.poll(() => total(b), soon).toBe(start + 1);
  });
});
