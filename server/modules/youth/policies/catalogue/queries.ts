import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import {
  type ApplyStatus,
  CODE_LABELS,
  knownFields,
  type PolicyDetail,
  type PolicyList,
  type PolicyListQuery,
} from '../../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../../platform/db/connect.ts';
import { choseongQuery, normalize, queryText } from '../../../../platform/search/tokens.ts';
import { todayInSeoul } from '../../../../platform/time/index.ts';
import { applyStatus } from '../status.ts';
import { youthPolicies, youthPolicyRounds } from '../tables.ts';
import { catalogueOf } from './copy-cache.ts';
import { facetDocument } from './facets.ts';
import { decodeListCursor, encodeListCursor, type Mode } from './list-cursor.ts';
import { searchCatalogue, searchCatalogueJson } from './search.ts';
import { hasSynonym, translateQuery } from './synonyms.ts';
import { correctedQuery, unknownWords } from './typos.ts';

/**
 * A sort key: its expression and direction; `out` is its value in a cursor when that differs
 * (a timestamp as microseconds) and `value` turns that back into a parameter.
 */
type Key = { expr: SQL; desc: boolean; out?: SQL; value?: (v: string | number) => SQL };

interface ListRow {
  id: string;
  external_id: string | null;
  title: string;
  summary: string;
  field_major: string;
  fields: string[];
  operator: string;
  apply_status: ApplyStatus;
  deadline: string | null;
  c0: string | number;
  c1: string | number;
  c2?: string | number;
}

/** Rows after the cursor in the order of `keys` (lexicographic, each key with its own direction). */
function after(keys: Key[], values: Array<string | number>): SQL {
  const param = (k: Key, v: string | number) => (k.value ? k.value(v) : sql`${v}`);
  const ors = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((e, j) => sql`${e.expr} = ${param(e, values[j])}`);
    const beyond = k.desc ? sql`${k.expr} < ${param(k, values[i])}` : sql`${k.expr} > ${param(k, values[i])}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(ors, sql` or `)})`;
}

/** A cursor's microseconds since the epoch back to the exact timestamp (compared to the index column). */
const timestampOf = (us: string | number) =>
  sql`(timestamptz 'epoch' + ${String(Math.trunc(Number(us)))}::int8 * interval '1 microsecond')`;

/** The words of a text query, as its tsquery holds them (a one-syllable prefix without its `:*`). */
const termsOf = (tsq: string) => tsq.split(' & ').map((t) => t.replace(/:\*$/, ''));

/** The tsquery of an initials query: every initial pair (or the single initial) must be present. */
function initialsQuery(initials: string): string {
  const chars = Array.from(initials);
  const pairs = chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
  return [...new Set(pairs)].map((p) => `'${p}'`).join(' & ');
}

/**
 * Each published policy's facet words (facets.ts) as JSON for json_to_recordset: the copy in memory
 * joins them to the tsvector's lexemes, and so does the reference, `p.tsv || to_tsvector(…)`.
 */
async function facetsJson(db: DbOrTx, organizationId: string): Promise<{ json: string; words: Set<string> }> {
  const rows = await queryRows<{
    id: string;
    operator: string;
    supervisor: string;
    field_major: string;
    field_minor: string;
    fields: string[];
    region_codes: string[];
  }>(
    db,
    sql`select id, operator, supervisor, field_major, field_minor, fields, region_codes from youth_policies
         where organization_id = ${organizationId} and status = 'published'`,
  );
  const docs = rows.map((r) => ({
    id: r.id,
    doc: facetDocument({
      operator: r.operator,
      supervisor: r.supervisor,
      fieldMajor: r.field_major,
      fieldMinor: r.field_minor,
      fields: r.fields,
      regionCodes: r.region_codes,
    }),
  }));
  return {
    json: JSON.stringify(docs),
    words: new Set(docs.flatMap((d) => d.doc.split(' ')).filter(Boolean)),
  };
}

/**
 * Published policies, searched in this process's copy of the catalogue (copy-cache.ts,
 * search.ts): the same answers as listPoliciesSql, without a query per request.
 */
export async function listPolicies(
  db: DbOrTx,
  organizationId: string,
  query: PolicyListQuery,
  on = todayInSeoul(),
): Promise<PolicyList> {
  return searchCatalogue(await catalogueOf(db, organizationId), query, on);
}

/** listPolicies' page as the JSON (UTF-8) the route sends. */
export async function listPoliciesJson(
  db: DbOrTx,
  organizationId: string,
  query: PolicyListQuery,
  on = todayInSeoul(),
): Promise<Buffer> {
  return searchCatalogueJson(await catalogueOf(db, organizationId), query, on);
}

/**
 * Published policies: Korean text search, filters and sort in one query, keyset-paged. The
 * reference the in-process search is tested against (search.test.ts).
 */
export async function listPoliciesSql(
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
  const st = applyStatus(on);
  if (query.status) {
    filters.push(st.couldBe(query.status));
    filters.push(
      query.status === 'open'
        ? sql`${st.status} in ('open', 'closing_soon')`
        : sql`${st.status} = ${query.status}`,
    );
  }

  const q = query.q;
  const initials = q ? choseongQuery(q) : null;
  const tsq = q && !initials ? queryText(translateQuery(q)) : null;
  const similar = q ? normalize(q) : '';
  // Words match the tsvector joined by the facets' words (f, joined to p below).
  const facets = tsq ? await facetsJson(db, organizationId) : null;
  const document = sql`(p.tsv || to_tsvector('simple', coalesce(f.doc, '')))`;
  const withFacets = facets
    ? sql` left join json_to_recordset(${facets.json}::json) as f(id uuid, doc text) on f.id = p.id`
    : sql``;

  // The typo fallback (typos.ts): the words this organization's published policies hold, and how
  // many policies each correction finds, read from the table.
  let correction: { query: string; tsq: string } | null | undefined;
  const corrected = async () => {
    if (correction !== undefined) return correction;
    correction = null;
    const lexemes = new Set(
      (
        await queryRows<{ w: string }>(
          db,
          sql`select distinct w from youth_policies p, unnest(tsvector_to_array(p.tsv)) w
               where p.organization_id = ${organizationId} and p.status = 'published'`,
        )
      ).map((r) => r.w),
    );
    const unknown = unknownWords(q!, (t) => lexemes.has(t) || facets!.words.has(t) || hasSynonym(t));
    if (!unknown) return correction;
    const counts = new Map<string, number>();
    for (const o of unknown.flatMap((u) => u.options)) {
      const words = queryText(translateQuery(o));
      if (counts.has(o) || !words) continue;
      const [{ n }] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from youth_policies p${withFacets}
             where p.organization_id = ${organizationId} and p.status = 'published'
               and ${document} @@ to_tsquery('simple', ${words})`,
      );
      counts.set(o, n);
    }
    const fixedQuery = correctedQuery(q!, unknown, (w) => counts.get(w) ?? 0);
    const fixedTsq = fixedQuery ? queryText(translateQuery(fixedQuery)) : null;
    if (fixedQuery && fixedTsq) correction = { query: fixedQuery, tsq: fixedTsq };
    return correction;
  };

  const matchOf = (mode: Mode): { where: SQL; rank: SQL; titleOnly?: SQL } => {
    switch (mode) {
      case 'initials': {
        // The GIN index finds titles holding every initial pair; for three initials or more, LIKE
        // keeps those where the pairs follow each other.
        const pairs = sql`p.initials_tsv @@ ${initialsQuery(initials!)}::tsquery`;
        return {
          where:
            Array.from(initials!).length <= 2 ? pairs : sql`${pairs} and p.initials like ${`%${initials}%`}`,
          rank: sql`(1.0::float8 / strpos(p.initials, ${initials}) + 1.0::float8 / length(p.initials))`,
        };
      }
      case 'text':
      case 'fixed': {
        // The rank is cheap and reads only short columns: every word in the title first, then in
        // the title or keywords, then anywhere; shorter titles first within a tier (ts_rank over
        // the whole document cost more than the rest of the query).
        const words = mode === 'text' ? tsq! : correction!.tsq;
        const terms = termsOf(words);
        const all = (text: SQL) =>
          sql.join(
            terms.map((t) => sql`strpos(${text}, ${t}) > 0`),
            sql` and `,
          );
        // Hangul has no case: lower() (slow on multibyte text) only when a word has other letters.
        const hangulOnly = terms.every((t) => /^[\uac00-\ud7a3]+$/.test(t));
        const cased = (text: SQL) => (hangulOnly ? text : sql`lower(${text})`);
        const title = cased(sql`p.title`);
        const titleAndKeywords = cased(sql`(p.title || ' ' || array_to_string(p.keywords, ' '))`);
        // When every word is two syllables, a title holding them all holds them in the document too,
        // and such titles rank first: the title-pair index can find them alone (see run).
        const pairs = terms.every((t) => /^[\uac00-\ud7a3]{2}$/.test(t));
        return {
          where: sql`${document} @@ to_tsquery('simple', ${words})`,
          rank: sql`((case when ${all(title)} then 2 when ${all(titleAndKeywords)} then 1 else 0 end)
                    + 1.0::float8 / (length(p.title) + 1))`,
          titleOnly: pairs
            ? sql`p.title_pairs @@ ${terms.map((t) => `'${t}'`).join(' & ')}::tsquery`
            : undefined,
        };
      }
      case 'similar':
        // pg_trgm thresholds: titles close to the query (typos), or containing a word close to it.
        return {
          where: sql`(p.title % ${similar} or ${similar} <% p.title)`,
          rank: sql`greatest(similarity(p.title, ${similar}), word_similarity(${similar}, p.title))::float8`,
        };
      default:
        return { where: sql`true`, rank: sql`0::float8` };
    }
  };

  // Deadline order: taking applications (soonest deadline first), upcoming, always open, then
  // closed (most recently closed first). The status is computed once per key (CASE on a value).
  const grp = sql`(case ${st.status} when 'open' then 0 when 'closing_soon' then 0 when 'upcoming' then 1
                   when 'always_open' then 2 else 3 end)`;
  const dkey = sql`(case ${st.status} when 'always_open' then 0
                   when 'closed' then date '2000-01-01' - coalesce(${st.deadline}, date '2000-01-01')
                   else ${st.deadline} - date '2000-01-01' end)`;
  const keysFor = (rank: SQL): Key[] => {
    const newest: Key[] = [
      {
        expr: sql`p.registered_at`,
        desc: true,
        out: sql`(extract(epoch from p.registered_at) * 1000000)::int8`,
        value: timestampOf,
      },
      { expr: sql`p.id`, desc: false },
    ];
    if (sort === 'deadline')
      return [
        { expr: grp, desc: false },
        { expr: dkey, desc: false },
        { expr: sql`p.id`, desc: false },
      ];
    if (sort === 'relevance' && q) return [{ expr: rank, desc: true }, ...newest];
    return newest;
  };
  const keyCount = sort === 'deadline' ? 3 : sort === 'relevance' && q ? 3 : 2;
  const cursor = query.cursor ? decodeListCursor(query.cursor, keyCount) : null;

  // The inner query finds the page by its sort keys alone (the index, the match, the rank); the
  // outer one reads the shown columns and the status for those rows only.
  const run = async (mode: Mode, match?: SQL): Promise<ListRow[]> => {
    if (mode === 'fixed' && !(await corrected())) return [];
    const m = matchOf(mode);
    const keys = keysFor(m.rank);
    const where = [...filters, match ?? m.where, ...(cursor ? [after(keys, cursor.v)] : [])];
    const order = (col: (k: Key, i: number) => SQL) =>
      sql.join(
        keys.map((k, i) => (k.desc ? sql`${col(k, i)} desc` : sql`${col(k, i)} asc`)),
        sql`, `,
      );
    const picked = sql.join(
      keys.map((k, i) => sql`${k.expr} as ${sql.raw(`s${i}`)}, ${k.out ?? k.expr} as ${sql.raw(`c${i}`)}`),
      sql`, `,
    );
    const list = sql`select p.id, p.external_id, p.title, p.summary, p.field_major, p.fields, p.operator, ${st.columns},
            ${sql.raw(keys.map((_, i) => `i.c${i}`).join(', '))}
          from (
            select p.id as pid, ${picked}
              from youth_policies p${withFacets}
             where ${sql.join(where, sql` and `)}
             order by ${order((k) => k.expr)}
             limit ${query.limit + 1}
          ) i join youth_policies p on p.id = i.pid
          order by ${order((_, i) => sql.raw(`i.s${i}`))}`;
    if (mode !== 'initials') return queryRows<ListRow>(db, list);
    // A few initials match a quarter of all titles; the planner then reads the whole table, which
    // took twice as long as the index (it prices neither the pairs nor the rank per row right).
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<ListRow>(tx, list);
    });
  };

  let mode: Mode = cursor?.m ?? (initials ? 'initials' : tsq ? 'text' : q ? 'similar' : 'none');
  if (mode === 'fixed' && tsq) await corrected();
  // A broad word matches thousands of policies. A narrower condition whose rows all sort before
  // every other match is tried first; when it fills the page, the page is found from far fewer
  // rows: titles holding every (two-syllable) word for relevance, policies still taking or soon
  // opening applications (the round_last_end index) for the deadline order.
  const m = mode === 'fixed' && !correction ? null : matchOf(mode);
  const first =
    m === null
      ? undefined
      : sort === 'relevance' && m.titleOnly && (!cursor || Number(cursor.v[0]) >= 2)
        ? m.titleOnly
        : sort === 'deadline' && !query.status && (!cursor || Number(cursor.v[0]) <= 1)
          ? sql`${m.where} and ${st.couldBe('open')}`
          : undefined;
  let rows: ListRow[] | null = null;
  if (first) {
    const top = await run(mode, first);
    if (top.length > query.limit) rows = top;
  }
  rows ??= await run(mode);
  let suggestion = mode === 'fixed' ? (correction?.query ?? null) : null;
  // Nothing matched the words themselves: the words corrected (typos), then titles that are close.
  if (!cursor && mode === 'text' && rows.length === 0) {
    suggestion = (await corrected())?.query ?? null;
    if (suggestion !== null) {
      mode = 'fixed';
      rows = await run(mode);
    }
    if (rows.length === 0) {
      mode = 'similar';
      rows = await run(mode);
    }
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const keyValues = (r: ListRow): Array<string | number> =>
    [r.c0, r.c1, r.c2].slice(0, keyCount) as Array<string | number>;
  return {
    items: page.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      title: r.title,
      summary: r.summary,
      status: r.apply_status,
      field: r.field_major,
      fields: knownFields(r.fields),
      deadline: r.deadline,
      operator: r.operator,
    })),
    nextCursor: rows.length > query.limit && last ? encodeListCursor(mode, keyValues(last)) : null,
    ...(suggestion === null ? {} : { suggestion }),
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
    sql`select ${st.columns} from youth_policies p where p.id = ${id}`,
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
