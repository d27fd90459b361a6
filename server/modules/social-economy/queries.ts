import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseSummary,
} from '../../../contracts/social-economy.ts';
import { type DbOrTx, queryRows } from '../../platform/db/connect.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../platform/paging/cursor.ts';
import { type Certification, ENTERPRISE_KINDS, type EnterpriseKind } from './tables.ts';

// Public reads of the enterprise registry, scoped to one organization.

// The sort key of a page's last row.
const CURSOR = z.tuple([cursorKey.text, cursorKey.uuid]);

export async function enterpriseSummary(db: DbOrTx, organizationId: string): Promise<EnterpriseSummary> {
  const rows = await queryRows<{ kind: EnterpriseKind; n: number; sample: boolean }>(
    db,
    sql`select kind, count(*)::int as n, bool_or(is_sample) as sample from se_enterprises
        where organization_id = ${organizationId} group by kind`,
  );
  const byKind = Object.fromEntries(ENTERPRISE_KINDS.map((k) => [k, 0])) as Record<EnterpriseKind, number>;
  for (const r of rows) byKind[r.kind] = r.n;
  return { total: rows.reduce((s, r) => s + r.n, 0), byKind, sample: rows.some((r) => r.sample) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listEnterprises(
  db: DbOrTx,
  organizationId: string,
  query: EnterpriseListQuery,
): Promise<EnterpriseList> {
  const where: SQL[] = [sql`organization_id = ${organizationId}`];
  if (query.kind) where.push(sql`kind = ${query.kind}`);
  if (query.q) where.push(sql`name ilike ${`%${escapeLike(query.q)}%`}`);
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, CURSOR);
    where.push(sql`(name, id) > (${name}, ${id}::uuid)`);
  }
  const rows = await queryRows<{
    id: string;
    name: string;
    kind: EnterpriseKind;
    certification: Certification | null;
    district: string;
    field: string;
    employees: number;
    is_sample: boolean;
  }>(
    db,
    sql`select id, name, kind, certification, district, field, employees, is_sample from se_enterprises
        where ${sql.join(where, sql` and `)} order by name, id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      certification: r.certification,
      district: r.district,
      field: r.field,
      employees: r.employees,
      sample: r.is_sample,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
