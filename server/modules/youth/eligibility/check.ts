import type { EligibilityCheckBody } from '../../../../contracts/youth-eligibility.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { cachedPoliciesForEligibility, type PolicyForEligibility } from '../policies/index.ts';
import { fullYearsOn } from './age.ts';
import { type CompiledEligibility, compileEligibility, fitsExceptRegion } from './decide.ts';
import { evaluateEligibility } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility, RuleOutcome } from './types.ts';

export interface EligiblePolicy extends PolicyForEligibility {
  outcomes: RuleOutcome[];
}

/** The facts a person gave, without the ones left out or null (those read as unknown). */
export function profileOf(
  input: Omit<EligibilityCheckBody, 'on' | 'policyId' | 'limit' | 'cursor'>,
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

// What the self-check knows about a cached list, built once per list: the region index, and the
// policies grouped by their eligibility fields (a "signature"). Policies with the same fields get
// the same outcomes for a person, so a request runs the rules (and writes their explanations) once
// per signature that the region and age leave in, not once per policy.
interface Prepared {
  byRegion: Map<string, number[]>;
  anywhere: number[];
  signatureOf: Int32Array;
  /** One policy's eligibility per signature, and the same made ready for deciding. */
  signatures: PolicyEligibility[];
  compiled: CompiledEligibility[];
  /** `{"id":…,"externalId":…,"title":…,"status":…,"deadline":…,"rules":` of each policy, for the JSON answer. */
  jsonHead: string[];
  /** Each policy's position in the list. */
  indexOf: Map<string, number>;
  /** The candidates of each region asked for (anywhere and that region's, in list order), made once. */
  byRegionCandidates: Map<string, Int32Array>;
}
const prepared = new WeakMap<PolicyForEligibility[], Prepared>();

function prepare(policies: PolicyForEligibility[]): Prepared {
  let ready = prepared.get(policies);
  if (ready) return ready;
  ready = {
    byRegion: new Map(),
    anywhere: [],
    signatureOf: new Int32Array(policies.length),
    signatures: [],
    compiled: [],
    jsonHead: [],
    indexOf: new Map(),
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
      `{"id":${JSON.stringify(p.id)},"externalId":${JSON.stringify(p.externalId)},"title":${JSON.stringify(p.title)},"status":${JSON.stringify(p.status)},"deadline":${JSON.stringify(p.deadline)},"rules":`,
    );
    ready.indexOf.set(p.id, i);
  }
  prepared.set(policies, ready);
  return ready;
}

/** The indexes of the policies whose region rule can pass for `regionCode` (all when it is not given), in list order. */
function candidateIndexes(
  policies: PolicyForEligibility[],
  ready: Prepared,
  regionCode: string | undefined,
): ArrayLike<number> {
  const mine = regionCode?.trim() ?? '';
  let list = ready.byRegionCandidates.get(mine);
  if (!list) {
    list = mine
      ? Int32Array.from([...ready.anywhere, ...(ready.byRegion.get(mine) ?? [])]).sort()
      : Int32Array.from(policies.keys());
    // Any five digits are a code; keep a bounded number of lists.
    if (ready.byRegionCandidates.size >= 500) ready.byRegionCandidates.clear();
    ready.byRegionCandidates.set(mine, list);
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
  /** Indexes into `policies` of those that fit, in list order. */
  indexes: number[];
  /** The rules' outcomes for a fitting policy (explanations written on first ask, once per signature). */
  outcomesOf(i: number): RuleOutcome[];
}

/**
 * The policies of a list that fit the person on `on`: decided once per signature that the region
 * leaves in, without words (decide.ts); the rules themselves run only for what is shown.
 */
export function fitting(policies: PolicyForEligibility[], profile: EligibilityProfile, on: string): Matches {
  const ready = prepare(policies);
  // 0: not decided yet, 1: fits, 2: does not.
  const decided = new Uint8Array(ready.signatures.length);
  const age = profile.birthDate?.trim() ? fullYearsOn(profile.birthDate, on) : null;
  const indexes: number[] = [];
  const candidates = candidateIndexes(policies, ready, profile.regionCode);
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
): Promise<Matches> {
  return fitting(await cachedPoliciesForEligibility(db, organizationId, on), profile, on);
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

/** The API shape: explanations in one language. */
export function presentEligible(p: EligiblePolicy, locale: Locale) {
  return {
    id: p.id,
    externalId: p.externalId,
    title: p.title,
    status: p.status,
    rules: p.outcomes.map((o) => ({ rule: o.rule, result: o.result, explanation: o.explanation[locale] })),
  };
}

export interface CheckPage {
  limit: number;
  cursor?: string;
  /** Only this policy. */
  policyId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A page's cursor: the last policy's registration time (microseconds) and id, the list's order.
const encodeCursor = (p: PolicyForEligibility) =>
  Buffer.from(JSON.stringify([p.registered, p.id])).toString('base64url');

function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      Number.isSafeInteger(v[0]) &&
      typeof v[1] === 'string' &&
      UUID.test(v[1])
    )
      return [v[0], v[1]];
  } catch {
    // falls through to the error below
  }
  throw new AppError('youth_cursor', 400);
}

/** Whether `p` comes after the cursor in the list's order (registered desc, id). */
const afterCursor = (p: PolicyForEligibility, [registered, id]: [number, string]) =>
  p.registered < registered || (p.registered === registered && p.id > id);

/**
 * One page of the self-check's answer (EligibilityCheckResult) as JSON text: how many policies fit,
 * and the page's policies with every rule explained. Written from per-policy heads and
 * per-signature rule lists, a page costs a few string joins; deciding which of the 20,000 policies
 * fit takes one pass over the region's candidates with the rules run once per signature.
 */
export async function eligibilityCheckJson(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
  locale: Locale,
  page: CheckPage,
): Promise<string> {
  const m = await match(db, organizationId, profile, on);
  let indexes = m.indexes;
  if (page.policyId !== undefined) {
    const at = m.ready.indexOf.get(page.policyId);
    indexes = at !== undefined && m.indexes.includes(at) ? [at] : [];
  }
  let start = 0;
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    // The indexes are in list order: the first one after the cursor, by binary search.
    let hi = indexes.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (afterCursor(m.policies[indexes[mid]], cursor)) hi = mid;
      else start = mid + 1;
    }
  }
  const shown = indexes.slice(start, start + page.limit);
  const rulesJson: string[] = [];
  const parts: string[] = [];
  for (const i of shown) {
    const s = m.ready.signatureOf[i];
    rulesJson[s] ??= JSON.stringify(
      m.outcomesOf(i).map((o) => ({
        rule: o.rule,
        result: o.result,
        explanation: o.explanation[locale],
      })),
    );
    parts.push(`${m.ready.jsonHead[i]}${rulesJson[s]}}`);
  }
  const more = start + page.limit < indexes.length;
  const next = more ? JSON.stringify(encodeCursor(m.policies[shown[shown.length - 1]])) : 'null';
  return `{"total":${indexes.length},"items":[${parts.join(',')}],"nextCursor":${next}}`;
}
