import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import {
  type ApplyStatus,
  CODE_LABELS,
  type PolicyDetail,
  type PolicyList,
  type PolicyListQuery,
} from '../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import { choseongQuery, normalize, queryText } from '../../../platform/search/tokens.ts';
import { applyStatus, todayInSeoul } from './status.ts';
import { youthPolicies, youthPolicyRounds } from './tables.ts';

type Mode = 'initials' | 'text' | 'similar' | 'none';
type Key = { expr: SQL; desc: boolean };

interface ListRow {
  id: string;
  external_id: string | null;
  title: string;
  summary: string;
  field_major: string;
  operator: string;
  apply_status: ApplyStatus;
  deadline: string | null;
  rank: string | number;
  reg_us: number;
  grp: number;
  dkey: number;
}

const encodeCursor = (mode: Mode, values: unknown[]) =>
  Buffer.from(JSON.stringify({ m: mode, v: values })).toString('base64url');

function decodeCursor(cursor: string, keys: number): { m: Mode; v: Array<string | number> } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const ok =
      ['initials', 'text', 'similar', 'none'].includes(c?.m) &&
      Array.isArray(c.v) &&
      c.v.length === keys &&
      c.v.every(
        (v: unknown) =>
          (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 100),
      );
    if (ok) return c;
  } catch {
    // falls through to the error below
  }
  throw new AppError('youth_cursor', 400);
}

/** Rows after the cursor in the order of `keys` (lexicographic, each key with its own direction). */
function after(keys: Key[], values: Array<string | number>): SQL {
  const ors = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((e, j) => sql`${e.expr} = ${values[j]}`);
    const beyond = k.desc ? sql`${k.expr} < ${values[i]}` : sql`${k.expr} > ${values[i]}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(ors, sql` or `)})`;
}

/** Published policies: Korean text search, filters and sort in one query, keyset-paged. */
export async function listPolicies(
  db: DbOrTx,
  organizationId: string,
  query: PolicyListQuery,
  on = todayInSeoul(),
): Promise<PolicyList> {
  const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const filters: SQL[] = [sql`p.organization_id = ${organizationId}`, sql`p.status = 'published'`];
  if (query.field) filters.push(sql`${query.field} = any(p.fields)`);
  // A policy without a region list is open to residents anywhere.
  if (query.region)
    filters.push(sql`(cardinality(p.region_codes) = 0 or ${query.region} = any(p.region_codes))`);
  if (query.age !== undefined)
    filters.push(
      sql`(p.min_age = 0 or p.min_age <= ${query.age}) and (p.max_age = 0 or p.max_age >= ${query.age})`,
    );

  const q = query.q;
  const initials = q ? choseongQuery(q) : null;
  const tsq = q && !initials ? queryText(q) : null;
  const similar = q ? normalize(q) : '';
  const matchOf = (mode: Mode): { where: SQL; rank: SQL } => {
    switch (mode) {
      case 'initials':
        return {
          where: sql`p.initials like ${`%${initials}%`}`,
          rank: sql`round((1.0 / strpos(p.initials, ${initials}) + 1.0 / length(p.initials))::numeric, 6)`,
        };
      case 'text':
        return {
          where: sql`p.tsv @@ to_tsquery('simple', ${tsq})`,
          rank: sql`round(ts_rank(p.tsv, to_tsquery('simple', ${tsq}))::numeric, 6)`,
        };
      case 'similar':
        // pg_trgm thresholds: titles close to the query (typos), or containing a word close to it.
        return {
          where: sql`(p.title % ${similar} or ${similar} <% p.title)`,
          rank: sql`round(greatest(similarity(p.title, ${similar}), word_similarity(${similar}, p.title))::numeric, 6)`,
        };
      default:
        return { where: sql`true`, rank: sql`0::numeric` };
    }
  };

  const keysFor = (): Key[] => {
    const newest = [
      { expr: sql`x.reg_us`, desc: true },
      { expr: sql`x.id`, desc: false },
    ];
    if (sort === 'deadline')
      return [
        { expr: sql`x.grp`, desc: false },
        { expr: sql`x.dkey`, desc: false },
        { expr: sql`x.id`, desc: false },
      ];
    if (sort === 'relevance' && q) return [{ expr: sql`x.rank`, desc: true }, ...newest];
    return newest;
  };
  const keys = keysFor();
  const cursor = query.cursor ? decodeCursor(query.cursor, keys.length) : null;

  const status = applyStatus(on);
  const run = async (mode: Mode) => {
    const m = matchOf(mode);
    const statusFilter =
      query.status === 'open'
        ? sql`x.apply_status in ('open', 'closing_soon')`
        : query.status
          ? sql`x.apply_status = ${query.status}`
          : sql`true`;
    const rows = await queryRows<ListRow>(
      db,
      sql`select * from (
            select s.*,
              case when s.apply_status in ('open', 'closing_soon') then 0 when s.apply_status = 'upcoming' then 1
                   when s.apply_status = 'always_open' then 2 else 3 end as grp,
              case when s.apply_status in ('open', 'closing_soon', 'upcoming') then s.deadline - date '2000-01-01'
                   when s.apply_status = 'closed' then date '2000-01-01' - coalesce(s.deadline, date '2000-01-01')
                   else 0 end as dkey
            from (
              select p.id, p.external_id, p.title, p.summary, p.field_major, p.operator,
                (extract(epoch from p.registered_at) * 1000000)::int8 as reg_us,
                ${m.rank} as rank, ${status.columns}
              from youth_policies p ${status.join}
              where ${sql.join([...filters, m.where], sql` and `)}
            ) s
          ) x
          where ${statusFilter} ${cursor ? sql`and ${after(keys, cursor.v)}` : sql``}
          order by ${sql.join(
            keys.map((k) => (k.desc ? sql`${k.expr} desc` : sql`${k.expr} asc`)),
            sql`, `,
          )}
          limit ${query.limit + 1}`,
    );
    return rows;
  };

  let mode: Mode = cursor?.m ?? (initials ? 'initials' : tsq ? 'text' : q ? 'similar' : 'none');
  let rows = await run(mode);
  // Nothing matched the words themselves: try titles that are close (typos).
  if (!cursor && mode === 'text' && rows.length === 0) {
    mode = 'similar';
    rows = await run(mode);
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const keyValues = (r: ListRow): Array<string | number> =>
    sort === 'deadline'
      ? [Number(r.grp), Number(r.dkey), r.id]
      : sort === 'relevance' && q
        ? [Number(r.rank), Number(r.reg_us), r.id]
        : [Number(r.reg_us), r.id];
  return {
    items: page.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      title: r.title,
      summary: r.summary,
      status: r.apply_status,
      field: r.field_major,
      deadline: r.deadline,
      operator: r.operator,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(mode, keyValues(last)) : null,
  };
}

const labelled = (codes: string[]) =>
  codes.map((code) => ({ code, ko: CODE_LABELS[code]?.ko ?? code, en: CODE_LABELS[code]?.en ?? code }));

function ageLabel(min: number, max: number) {
  if (min > 0 && max > 0 && max < 150) return { ko: `만 ${min}~${max}세`, en: `Aged ${min} to ${max}` };
  if (min > 0) return { ko: `만 ${min}세 이상`, en: `Aged ${min} or over` };
  if (max > 0 && max < 150) return { ko: `만 ${max}세 이하`, en: `Aged ${max} or under` };
  return { ko: '연령 제한 없음', en: 'No age limit' };
}

/** One policy with everything shown on its page; null when it does not exist or is not visible. */
export async function getPolicyDetail(
  db: DbOrTx,
  organizationId: string,
  id: string,
  opts: { unpublished: boolean; on?: string },
): Promise<PolicyDetail | null> {
  const [p] = await db
    .select()
    .from(youthPolicies)
    .where(and(eq(youthPolicies.organizationId, organizationId), eq(youthPolicies.id, id)));
  if (!p || (!opts.unpublished && p.status !== 'published')) return null;
  const st = applyStatus(opts.on ?? todayInSeoul());
  const [s] = await queryRows<{ apply_status: ApplyStatus; deadline: string | null }>(
    db,
    sql`select ${st.columns} from youth_policies p ${st.join} where p.id = ${id}`,
  );
  const rounds = await db
    .select({ startsOn: youthPolicyRounds.startsOn, endsOn: youthPolicyRounds.endsOn })
    .from(youthPolicyRounds)
    .where(eq(youthPolicyRounds.policyId, id))
    .orderBy(asc(youthPolicyRounds.startsOn));
  const condition = p.incomeCondition;
  return {
    id: p.id,
    externalId: p.externalId,
    source: p.source,
    workflowStatus: p.status,
    status: s.apply_status,
    title: p.title,
    summary: p.summary,
    supportContent: p.supportContent,
    fieldMajor: p.fieldMajor,
    fieldMinor: p.fieldMinor,
    fields: p.fields as PolicyDetail['fields'],
    keywords: p.keywords,
    operator: p.operator,
    supervisor: p.supervisor,
    applyPeriodKind: p.applyPeriodKind,
    deadline: s.deadline,
    rounds,
    businessPeriod: { start: p.businessStartsOn, end: p.businessEndsOn, other: p.businessPeriodOther },
    howToApply: p.howToApply,
    reviewMethod: p.reviewMethod,
    documents: p.documents,
    otherNotes: p.otherNotes,
    applicationUrl: p.applicationUrl,
    referenceUrls: p.referenceUrls,
    supportScale: p.supportScale,
    eligibility: {
      minAge: p.minAge,
      maxAge: p.maxAge,
      age: ageLabel(p.minAge, p.maxAge),
      regionCodes: p.regionCodes,
      employment: labelled(p.employmentCodes),
      education: labelled(p.educationCodes),
      major: labelled(p.majorCodes),
      specialGroups: labelled(p.specialGroupCodes),
      marital: labelled(p.maritalCodes),
      income: {
        condition: condition ? labelled([condition])[0] : null,
        min: p.incomeMin,
        max: p.incomeMax,
        other: p.incomeOther,
      },
      additionalConditions: p.additionalConditions,
      excludedTargets: p.excludedTargets,
    },
    registeredAt: p.registeredAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
