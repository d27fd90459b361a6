// The published catalogue: its public read (list, search, one policy, deadlines as .ics), the
// in-process copy behind them, the self-check's list and the site-search entries. What the module
// and the other policy sub-features may use.
export { calendarRoutes, policyDeadlineEvents } from './calendar.ts';
export { policiesChanged } from './changed.ts';
export {
  cachedPoliciesForEligibility,
  listPoliciesForEligibility,
  type PolicyForEligibility,
} from './eligibility.ts';
export { catalogueRoutes } from './routes.ts';
export { POLICY_RECORD_TYPE, settlePolicySearch, syncPolicySearch } from './site-search.ts';
