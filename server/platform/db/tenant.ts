import { and, eq, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A Drizzle table (or alias of one) holding one organization's rows: it has an organizationId column. */
export type TenantTable = PgTable & { organizationId: AnyPgColumn };

/** Which organization: its id, anything carrying it (a Ctx), or a prepared statement's placeholder. */
export type OrgRef = string | { organizationId: string } | Placeholder;

const orgIdOf = (org: OrgRef) =>
  typeof org === 'object' && 'organizationId' in org ? org.organizationId : org;

/**
 * The where-condition for one organization's rows of `table`, with any further conditions:
 * `.from(youthQuestions).where(forOrg(youthQuestions, ctx, eq(youthQuestions.id, id)))`.
 * Every Drizzle read, update and delete of a tenant table in server/ goes through it (or says why
 * not), which tests/tenant-scoped-queries.test.ts checks, so a forgotten organization filter shows.
 */
export function forOrg(table: TenantTable, org: OrgRef, ...more: (SQL | undefined)[]): SQL {
  // and() of at least one condition is never undefined.
  return and(eq(table.organizationId, orgIdOf(org)), ...more) as SQL;
}
