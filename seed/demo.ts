import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../server/platform/db/connect.ts';
import { refreshDemoAccounts } from './builders/accounts.ts';
import { demoBuilders } from './builders/index.ts';
import { ensureOrganization } from './builders/organization.ts';

export const DEMO_MARKER = 'demo-2019-yeongdeungpo';

/** Loads the 2019 Yeongdeungpo demo in one transaction. Safe to call again: each builder is idempotent. */
export async function loadDemo(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await ensureOrganization(tx);
    for (const build of demoBuilders) await build(tx, org.id);
    await tx.execute(sql`insert into seed_markers (name) values (${DEMO_MARKER}) on conflict do nothing`);
  });
}

export async function demoLoaded(db: DbOrTx): Promise<boolean> {
  const rows = await queryRows(db, sql`select name from seed_markers where name = ${DEMO_MARKER}`);
  return rows.length > 0;
}

/** Demo mode at start: load the demo once, refresh the demo accounts, and return the lines to print. */
export async function prepareDemo(db: DbOrTx): Promise<string[]> {
  if (!(await demoLoaded(db))) await loadDemo(db);
  const org = await ensureOrganization(db);
  const accounts = await refreshDemoAccounts(db, org.id);
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    '',
    'Demo accounts (demo mode only; the passwords change at every start):',
    ...accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.password}  ${a.roles.join(', ')}`),
  ];
}
