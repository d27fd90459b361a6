import type { EligibilityCheckBody } from '../../../../contracts/youth-eligibility.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { listPoliciesForEligibility, type PolicyForEligibility } from '../policies/index.ts';
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

/** Every published policy of the organization whose rules all pass or are unknown for the person on `on`. */
export async function findEligiblePolicies(
  db: DbOrTx,
  organizationId: string,
  profile: EligibilityProfile,
  on: string,
): Promise<EligiblePolicy[]> {
  const policies = await listPoliciesForEligibility(db, organizationId, on);
  const out: EligiblePolicy[] = [];
  for (const policy of policies) {
    const outcomes = evaluateEligibility(policy.eligibility, profile, on);
    if (isEligible(outcomes)) out.push({ ...policy, outcomes });
  }
  return out;
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
