// Administration (행정): organization, staffing, facilities and equipment, budget, work plan.
export { BUDGET_CACHE_MS, cachedBudget, forgetBudgets } from './budget-cache.ts';
export { getBudget, getFacilities, getOrganization, getPlan, getStaffing } from './queries.ts';
export { administrationRoutes } from './routes.ts';
export { indexAdministration } from './search.ts';
export { parseTargetText } from './targets.ts';
