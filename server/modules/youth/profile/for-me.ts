import type { Locale } from '../../../platform/i18n/locale.ts';
import { type EligiblePolicy, presentEligible } from '../eligibility/index.ts';

/**
 * Soonest deadline first; always-open policies after every dated one; closed policies (nothing
 * left to apply for) at the end, most recently closed first.
 */
export function byDeadline(a: EligiblePolicy, b: EligiblePolicy): number {
  const rank = (p: EligiblePolicy) => (p.status === 'closed' ? 2 : p.deadline === null ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const da = a.deadline ?? '';
  const db = b.deadline ?? '';
  if (da !== db) return ra === 2 ? (da < db ? 1 : -1) : da < db ? -1 : 1;
  return a.title.localeCompare(b.title, 'ko');
}

export function presentForMe(policies: EligiblePolicy[], locale: Locale) {
  return [...policies].sort(byDeadline).map((p) => ({ ...presentEligible(p, locale), deadline: p.deadline }));
}
