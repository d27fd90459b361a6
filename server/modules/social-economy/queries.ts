import { type SQL, sql } from 'drizzle-orm';
import type {
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseSummary,
} from '../../../contracts/social-economy.ts';
import { type DbOrTx, queryRows } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import { type Certification, ENTERPRISE_KINDS, type EnterpriseKind } from './tables.ts';

// Public reads of the enterprise registry, scoped to one organization.
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

// The cursor is the (name, id) of the last item shown, so pages stay stable while rows are added.
function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the 400 below
  }
  throw new AppError('validation_failed', 400, {}, [{ field: 'querystring.cursor', code: 'invalid_cursor' }]);
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
    const [name, id] = decodeCursor(query.cursor);
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
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.name, last.id) : null,
  };
}
