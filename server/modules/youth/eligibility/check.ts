import type {
  CheckFacets,
  CheckSort,
  CheckStatusFilter,
  EligibilityCheckBody,
} from '../../../../contracts/youth-eligibility.ts';
import { APPLY_STATUSES, POLICY_FIELDS, type PolicyField } from '../../../../contracts/youth-policies.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { daysBetween } from '../../../platform/time/index.ts';
import { cachedPoliciesForEligibility, type PolicyForEligibility } from '../policies/index.ts';
import { fullYearsOn } from './age.ts';
import { type CompiledEligibility, compileEligibility, fitsExceptRegion } from './decide.ts';
import { evaluateEligibility, restrictedRules } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility, RuleName, RuleOutcome } from './types.ts';

export interface EligiblePolicy extends PolicyForEligibility {
  outcomes: RuleOutcome[];
}

/** The facts a person gave, without the ones left out or null (those read as unknown). */
export function profileOf(
  input: Omit<EligibilityCheckBody, 'on' | 'policyId' | 'limit' | 'cursor' | 'field' | 'status' | 'sort'>,
): EligibilityProfile {
  const p: EligibilityProfile = { birthDate: input.birthDate, regionCode: input.regionCode };
  if (input.employment != null) p.employment = input.employment;
  if (input.education != null) p.education = input.education;
  if (input.major != null) p.major = input.major;
  if (input.specialGroups != null) p.specialGroups = input.specialGroups;
  if (input.married != null) p.married = input.married;
  if (input.annualIncome != null) p.annualIncome = input.annualIncome;
  return p;
}

const FIELDS = Object.keys(POLICY_FIELDS) as PolicyField[];
const CLOSED = APPLY_STATUSES.indexOf('closed');
/** The deadline order counts days from here, as the policy list's does. */
const EPOCH_2000 = '2000-01-01';

// What the self-check knows about a cached list, built once per list (a list is one day's): the
// region index, and the policies grouped by their eligibility fields (a "signature"). Policies with
// the same fields get the same outcomes for a person, so a request runs the rules (and writes their
// explanations) once per signature that the region and age leave in, not once per policy.
interface Prepared {
  byRegion: Map<string, number[]>;
  anywhere: number[];
  signatureOf: Int32Array;
  /** One policy's eligibility per signature, and the same made ready for deciding. */
  signatures: PolicyEligibility[];
  compiled: CompiledEligibility[];
  /** The rules each signature sets at all (made when first shown). */
  restricted: Array<Set<RuleName> | undefined>;
  /** `{"id":…,"externalId":…,"title":…,"status":…,"deadline":…,"fields":…,"rules":` of each policy, for the JSON answer. */
  jsonHead: string[];
  /** Each policy's position in the list. */
  indexOf: Map<string, number>;
  /** Each policy's status (an index into APPLY_STATUSES) and fields (bit i: FIELDS[i]). */
  statusCode: Uint8Array;
  fieldBits: Uint8Array;
  /**
   * The deadline order's keys, as the policy list orders by deadline: taking applications
   * (soonest first), upcoming, always open, then closed (most recently closed first); then id.
   */
  group: Uint8Array;
  dayKey: Int32Array;
  /** Each policy's place in the deadline order. */
  deadlineRank: Int32Array;
  /** The candidates of each region and order asked for (anywhere and that region's), made once. */
  byRegionCandidates: Map<string, Int32Array>;
}
const prepared = new WeakMap<PolicyForEligibility[], Prepared>();

function prepare(policies: PolicyForEligibility[]): Prepared {
  let ready = prepared.get(policies);
  if (ready) return ready;
  const n = policies.length;
  ready = {
    byRegion: new Map(),
    anywhere: [],
    signatureOf: new Int32Array(n),
    signatures: [],
    compiled: [],
    restricted: [],
    jsonHead: [],
    indexOf: new Map(),
    statusCode: new Uint8Array(n),
    fieldBits: new Uint8Array(n),
    group: new Uint8Array(n),
    dayKey: new Int32Array(n),
    deadlineRank: new Int32Array(n),
    byRegionCandidates: new Map(),
  };
  const signatureIds = new Map<string, number>();
  for (const [i, p] of policies.entries()) {
    const e = p.eligibility;
    // As the region rule reads the list: blank-padded entries trimmed, blank ones restrict nothing.
    const codes = new Set((e.regionCodes ?? []).map((c) => c.trim()).filter((c) => c !== ''));
    if (codes.size === 0) ready.anywhere.push(i);
    for (const code of codes) {
      const list = ready.byRegion.get(code);
      if (list) list.push(i);
      else ready.byRegion.set(code, [i]);
    }
    const key = JSON.stringify([
      e.minAge,
      e.maxAge,
      e.regionCodes,
      e.employmentCodes,
      e.educationCodes,
      e.majorCodes,
      e.specialGroupCodes,
      e.maritalCodes,
      e.incomeConditionCode,
      e.incomeMin,
      e.incomeMax,
    ]);
    let id = signatureIds.get(key);
    if (id === undefined) {
      id = ready.signatures.length;
      signatureIds.set(key, id);
      ready.signatures.push(e);
      ready.compiled.push(compileEligibility(e));
    }
    ready.signatureOf[i] = id;
    ready.jsonHead.push(
      `{"id":${JSON.stringify(p.id)},"externalId":${JSON.stringify(p.externalId)},"title":${JSON.stringify(p.title)},"status":${JSON.stringify(p.status)},"deadline":${JSON.stringify(p.deadline)},"fields":${JSON.stringify(p.fields)},"rules":`,
    );
    ready.indexOf.set(p.id, i);
    ready.statusCode[i] = APPLY_STATUSES.indexOf(p.status);
    let bits = 0;
    for (const f of p.fields) bits |= 1 << FIELDS.indexOf(f);
    ready.fieldBits[i] = bits;
    const status = p.status;
    ready.group[i] =
      status === 'open' || status === 'closing_soon'
        ? 0
        : status === 'upcoming'
          ? 1
          : status === 'always_open'
            ? 2
            : 3;
    ready.dayKey[i] =
      status === 'always_open'
        ? 0
        : status === 'closed'
          ? -daysBetween(EPOCH_2000, p.deadline ?? EPOCH_2000)
          : daysBetween(EPOCH_2000, p.deadline ?? EPOCH_2000);
  }
  const { group, dayKey } = ready;
  const byDeadline = Int32Array.from(policies.keys()).sort((a, b) =>
    compareDeadline(group[a], dayKey[a], policies[a].id, group[b], dayKey[b], policies[b].id),
  );
  for (let r = 0; r < n; r++) ready.deadlineRank[byDeadline[r]] = r;
  prepared.set(policies, ready);
  return ready;
}

function compareDeadline(ga: number, da: number, ia: string, gb: number, db: number, ib: string): number {
  return ga - gb || da - db || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

/**
 * The indexes of the policies whose region rule can pass for `regionCode` (all when it is not
 * given), in the list's order (newest first) or the deadline order.
 */
function candidateIndexes(
  policies: PolicyForEligibility[],
  ready: Prepared,
  regionCode: string | undefined,
  order: CheckSort = 'newest',
): ArrayLike<number> {
  const mine = regionCode?.trim() ?? '';
  const key = `${order}:${mine}`;
  let list = ready.byRegionCandidates.get(key);
  if (!list) {
    list = mine
      ? Int32Array.from([...ready.anywhere, ...(ready.byRegion.get(mine) ?? [])]).sort()
      : Int32Array.from(policies.keys());
    if (order === 'deadline') {
      const rank = ready.deadlineRank;
      list.sort((a, b) => rank[a] - rank[b]);
    }
    // Any five digits are a code; keep a bounded number of lists.
    if (ready.byRegionCandidates.size >= 1000) ready.byRegionCandidates.clear();
    ready.byRegionCandidates.set(key, list);
  }
  return list;
}

/** The policies whose region rule can pass for `regionCode` (all of them when it is not given), in list order. */
export function regionCandidates(policies: PolicyForEligibility[], regionCode: string | undefined) {
  return Array.from(candidateIndexes(policies, prepare(policies), regionCode), (i) => policies[i]);
}

interface Matches {
  policies: PolicyForEligibility[];
  ready: Prepared;
  /** Indexes into `policies` of those that fit, in the order asked for. */
  indexes: number[];
  /** The rules' outcomes for a fitting policy (explanations written on first ask, once per signature). */
  outcomesOf(i: number): RuleOutcome[];
}

/**
 * The policies of a list that fit the person on `on`: decided once per signature that the region
 * leaves in, without words (decide.ts); the rules themselves run only for what is shown.
 */
export function fitting(
  policies: PolicyForEligibility[],
  profile: EligibilityProfile,
  on: string,
  order: CheckSort = 'newest',
): Matches {
  const ready = prepare(policies);
  // 0: not decided yet, 1: fits, 2: does not.
  const decided = new Uint8Array(ready.signatures.length);
  const age = profile.birthDate?.trim() ? fullYearsOn(profile.birthDate, on) : null;
  const indexes: number[] = [];
  const candidates = candidateIndexes(policies, ready, profile.regionCode, order);
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c];
    const s = ready.signatureOf[i];
    if (decided[s] === 0) decided[s] = fitsExceptRegion(ready.compiled[s], profile, age) ? 1 : 2;
    if (decided[s] === 1) indexes.push(i);
  }
  const outcomes: RuleOutcome[][] = [];
  return {
    policies,
    ready,
    indexes,
    outcomesOf(i) {
      const s = ready.signatureOf[i];
      outcomes[s] ??= evaluateEligibility(ready.signatures[s], profile, on);
      return outcomes[s];
    },
  };
}

async function match(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
  order: CheckSort = 'newest',
): Promise<Matches> {
  return fitting(await cachedPoliciesForEligibility(db, organizationId, on), profile, on, order);
}

/**
 * Every published policy of the organization whose rules all pass or are unknown for the person on
 * `on`. The list comes from a per-process cache (cachedPoliciesForEligibility).
 */
export async function findEligiblePolicies(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
): Promise<EligiblePolicy[]> {
  const m = await match(db, organizationId, profile, on);
  return m.indexes.map((i) => ({ ...m.policies[i], outcomes: m.outcomesOf(i) }));
}

/** The rules as the API shows them: whether the policy sets each, and explanations in one language. */
function presentRules(outcomes: RuleOutcome[], restricted: Set<RuleName>, locale: Locale) {
  return outcomes.map((o) => ({
    rule: o.rule,
    result: o.result,
    restricts: restricted.has(o.rule),
    explanation: o.explanation[locale],
  }));
}

/** The API shape: explanations in one language. */
export function presentEligible(p: EligiblePolicy, locale: Locale) {
  return {
    id: p.id,
    externalId: p.externalId,
    title: p.title,
    status: p.status,
    deadline: p.deadline,
    fields: p.fields,
    rules: presentRules(p.outcomes, restrictedRules(p.eligibility), locale),
  };
}

export interface CheckPage {
  limit: number;
  cursor?: string;
  /** Only this policy (the filters are not applied). */
  policyId?: string;
  field?: PolicyField;
  status?: CheckStatusFilter;
  sort?: CheckSort;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A page's cursor holds the last policy's keys in the page's order: [registered µs, id] for the
// newest first, ['d', group, day, id] for the deadline order. A cursor of the other order is refused.
function encodeCursor(sort: CheckSort, ready: Prepared, p: PolicyForEligibility, i: number): string {
  const keys = sort === 'deadline' ? ['d', ready.group[i], ready.dayKey[i], p.id] : [p.registered, p.id];
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

type Cursor =
  | { sort: 'newest'; registered: number; id: string }
  | { sort: 'deadline'; group: number; day: number; id: string };

function decodeCursor(cursor: string, sort: CheckSort): Cursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || typeof v[v.length - 1] !== 'string' || !UUID.test(v[v.length - 1])) throw v;
    if (sort === 'newest' && v.length === 2 && Number.isSafeInteger(v[0]))
      return { sort, registered: v[0], id: v[1] };
    if (
      sort === 'deadline' &&
      v.length === 4 &&
      v[0] === 'd' &&
      Number.isSafeInteger(v[1]) &&
      Number.isSafeInteger(v[2])
    )
      return { sort, group: v[1], day: v[2], id: v[3] };
  } catch {
    // falls through to the error below
  }
  throw new AppError('youth_cursor', 400);
}

/** Whether policy `i` comes after the cursor in the page's order. */
function afterCursor(policies: PolicyForEligibility[], ready: Prepared, i: number, c: Cursor): boolean {
  const p = policies[i];
  if (c.sort === 'newest')
    return p.registered < c.registered || (p.registered === c.registered && p.id > c.id);
  return compareDeadline(ready.group[i], ready.dayKey[i], p.id, c.group, c.day, c.id) > 0;
}

/** Whether a status (an index into APPLY_STATUSES) is one the filter lists. */
function statusPasses(filter: CheckStatusFilter, code: number): boolean {
  if (filter === 'all') return true;
  if (filter === 'available') return code !== CLOSED;
  const status = APPLY_STATUSES[code];
  return status === filter || (filter === 'open' && status === 'closing_soon');
}

/**
 * One page of the self-check's answer (EligibilityCheckResult) as JSON text: how many fitting
 * policies the filters leave, the page's policies with every rule explained, and the counts per
 * field and status. Written from per-policy heads and per-signature rule lists, a page costs a few
 * string joins; deciding which of the 20,000 policies fit takes one pass over the region's
 * candidates (kept in both orders) with the rules run once per signature, and the filters and
 * counts one pass over those that fit.
 */
export async function eligibilityCheckJson(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
  locale: Locale,
  page: CheckPage,
): Promise<string> {
  return checkAnswer(await cachedPoliciesForEligibility(db, organizationId, on), profile, on, locale, page);
}

/** eligibilityCheckJson's answer for a given list (the list of the day `on`). */
export function checkAnswer(
  policies: PolicyForEligibility[],
  profile: EligibilityProfile,
  on: string,
  locale: Locale,
  page: CheckPage,
): string {
  const sort = page.sort ?? 'deadline';
  const m = fitting(policies, profile, on, sort);
  const { ready } = m;
  let fits = m.indexes;
  let field = page.field;
  let status = page.status ?? 'available';
  if (page.policyId !== undefined) {
    const at = ready.indexOf.get(page.policyId);
    fits = at !== undefined && m.indexes.includes(at) ? [at] : [];
    field = undefined;
    status = 'all';
  }
  const fieldBit = field ? 1 << FIELDS.indexOf(field) : 0;
  const facets: CheckFacets = {
    fields: Object.fromEntries(FIELDS.map((f) => [f, 0])) as CheckFacets['fields'],
    anyField: 0,
    statuses: Object.fromEntries(APPLY_STATUSES.map((s) => [s, 0])) as CheckFacets['statuses'],
  };
  const fieldCounts = new Int32Array(FIELDS.length);
  const statusCounts = new Int32Array(APPLY_STATUSES.length);
  const indexes: number[] = [];
  for (const i of fits) {
    const code = ready.statusCode[i];
    const bits = ready.fieldBits[i];
    const fieldOk = fieldBit === 0 || (bits & fieldBit) !== 0;
    const statusOk = statusPasses(status, code);
    if (fieldOk) statusCounts[code]++;
    if (statusOk) {
      facets.anyField++;
      for (let f = 0; f < FIELDS.length; f++) if (bits & (1 << f)) fieldCounts[f]++;
      if (fieldOk) indexes.push(i);
    }
  }
  for (const [f, name] of FIELDS.entries()) facets.fields[name] = fieldCounts[f];
  for (const [s, name] of APPLY_STATUSES.entries()) facets.statuses[name] = statusCounts[s];

  let start = 0;
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor, sort);
    // The indexes are in the page's order: the first one after the cursor, by binary search.
    let hi = indexes.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (afterCursor(m.policies, ready, indexes[mid], cursor)) hi = mid;
      else start = mid + 1;
    }
  }
  const shown = indexes.slice(start, start + page.limit);
  const rulesJson: string[] = [];
  const parts: string[] = [];
  for (const i of shown) {
    const s = ready.signatureOf[i];
    if (rulesJson[s] === undefined) {
      ready.restricted[s] ??= restrictedRules(ready.signatures[s]);
      rulesJson[s] = JSON.stringify(presentRules(m.outcomesOf(i), ready.restricted[s], locale));
    }
    parts.push(`${ready.jsonHead[i]}${rulesJson[s]}}`);
  }
  const more = start + page.limit < indexes.length;
  const last = shown[shown.length - 1];
  const next = more ? JSON.stringify(encodeCursor(sort, ready, m.policies[last], last)) : 'null';
  return `{"total":${indexes.length},"items":[${parts.join(',')}],"nextCursor":${next},"facets":${JSON.stringify(facets)}}`;
}
