import type { EligibilityCheckBody } from '../../../../contracts/youth-eligibility.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { cachedPoliciesForEligibility, type PolicyForEligibility } from '../policies/index.ts';
import { fullYearsOn } from './age.ts';
import { evaluateEligibility, isEligible } from './rules.ts';
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
  /** One policy's eligibility per signature. */
  signatures: PolicyEligibility[];
  /** `{"id":…,"externalId":…,"title":…,"status":…,"deadline":…,"rules":` of each policy, for the JSON answer. */
  jsonHead: string[];
  /** Each policy's position in the list. */
  indexOf: Map<string, number>;
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
    jsonHead: [],
    indexOf: new Map(),
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
function candidateIndexes(policies: PolicyForEligibility[], ready: Prepared, regionCode: string | undefined) {
  const mine = regionCode?.trim();
  if (!mine) return policies.map((_, i) => i);
  return [...ready.anywhere, ...(ready.byRegion.get(mine) ?? [])].sort((a, b) => a - b);
}

/** The policies whose region rule can pass for `regionCode` (all of them when it is not given), in list order. */
export function regionCandidates(policies: PolicyForEligibility[], regionCode: string | undefined) {
  return candidateIndexes(policies, prepare(policies), regionCode).map((i) => policies[i]);
}

interface Matches {
  policies: PolicyForEligibility[];
  ready: Prepared;
  /** Indexes into `policies`, in list order. */
  indexes: number[];
  /** The outcomes of each signature that fits (undefined: not looked at or does not fit). */
  outcomes: Array<RuleOutcome[] | null | undefined>;
}

/** The policies of a list that fit the person on `on`: the rules run once per signature left in. */
export function fitting(policies: PolicyForEligibility[], profile: EligibilityProfile, on: string): Matches {
  const ready = prepare(policies);
  const outcomes: Matches['outcomes'] = new Array(ready.signatures.length);
  // The age rule's failure, without its words: most policies that the region leaves in fail here.
  const age = profile.birthDate?.trim() ? fullYearsOn(profile.birthDate, on) : null;
  const indexes: number[] = [];
  for (const i of candidateIndexes(policies, ready, profile.regionCode)) {
    const s = ready.signatureOf[i];
    let fits = outcomes[s];
    if (fits === undefined) {
      const e = ready.signatures[s];
      const tooYoung = age !== null && e.minAge > 0 && age < e.minAge;
      const tooOld = age !== null && e.maxAge > 0 && age > e.maxAge;
      if (tooYoung || tooOld) fits = null;
      else {
        const all = evaluateEligibility(e, profile, on);
        fits = isEligible(all) ? all : null;
      }
      outcomes[s] = fits;
    }
    if (fits) indexes.push(i);
  }
  return { policies, ready, indexes, outcomes };
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
  return m.indexes.map((i) => ({
    ...m.policies[i],
    outcomes: m.outcomes[m.ready.signatureOf[i]] as RuleOutcome[],
  }));
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
    indexes = at !== undefined && m.outcomes[m.ready.signatureOf[at]] ? [at] : [];
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
      (m.outcomes[s] as RuleOutcome[]).map((o) => ({
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
