import type { EligibilityCheckBody } from '../../../../contracts/youth-eligibility.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { cachedPoliciesForEligibility } from '../policies/eligibility.ts';
import type { PolicyForEligibility } from '../policies/index.ts';
import { evaluateEligibility, isEligible } from './rules.ts';
import type { EligibilityProfile, RuleOutcome } from './types.ts';

export interface EligiblePolicy extends PolicyForEligibility {
  outcomes: RuleOutcome[];
}

/** The facts a person gave, without the ones left out or null (those read as unknown). */
export function profileOf(input: Omit<EligibilityCheckBody, 'on'>): EligibilityProfile {
  const p: EligibilityProfile = { birthDate: input.birthDate, regionCode: input.regionCode };
  if (input.employment != null) p.employment = input.employment;
  if (input.education != null) p.education = input.education;
  if (input.major != null) p.major = input.major;
  if (input.specialGroups != null) p.specialGroups = input.specialGroups;
  if (input.married != null) p.married = input.married;
  if (input.annualIncome != null) p.annualIncome = input.annualIncome;
  return p;
}

/**
 * Every published policy of the organization whose rules all pass or are unknown for the person on
 * `on`. The list comes from a per-process cache of a few seconds (cachedPoliciesForEligibility).
 */
export async function findEligiblePolicies(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
): Promise<EligiblePolicy[]> {
  const policies = await cachedPoliciesForEligibility(db, organizationId, on);
  const out: EligiblePolicy[] = [];
  for (const policy of regionCandidates(policies, profile.regionCode)) {
    const outcomes = evaluateEligibility(policy.eligibility, profile, on);
    if (isEligible(outcomes)) out.push({ ...policy, outcomes });
  }
  return out;
}

// Most policies are for one district or province, so most fail the region rule: the region index
// leaves those out before the rules (and their explanations) run. It is built once per cached list.
interface RegionIndex {
  byRegion: Map<string, number[]>;
  anywhere: number[];
}
const regionIndexes = new WeakMap<PolicyForEligibility[], RegionIndex>();

function regionIndexOf(policies: PolicyForEligibility[]): RegionIndex {
  let index = regionIndexes.get(policies);
  if (index) return index;
  index = { byRegion: new Map(), anywhere: [] };
  for (const [i, p] of policies.entries()) {
    // As the region rule reads the list: blank-padded entries trimmed, blank ones restrict nothing.
    const codes = new Set((p.eligibility.regionCodes ?? []).map((c) => c.trim()).filter((c) => c !== ''));
    if (codes.size === 0) index.anywhere.push(i);
    for (const code of codes) {
      const list = index.byRegion.get(code);
      if (list) list.push(i);
      else index.byRegion.set(code, [i]);
    }
  }
  regionIndexes.set(policies, index);
  return index;
}

/** The policies whose region rule can pass for `regionCode` (all of them when it is not given), in list order. */
export function regionCandidates(policies: PolicyForEligibility[], regionCode: string | undefined) {
  const mine = regionCode?.trim();
  if (!mine) return policies;
  const index = regionIndexOf(policies);
  const picked = [...index.anywhere, ...(index.byRegion.get(mine) ?? [])].sort((a, b) => a - b);
  return picked.map((i) => policies[i]);
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
