import { defineModule } from '../../platform/modules/define.ts';
import { messages } from './messages.ts';
import { administrationRoutes } from './routes.ts';
import { indexAdministration } from './search.ts';
import * as tables from './tables.ts';

// Administration (행정): organization, staffing, facilities and equipment, budget, work plan.
export { BUDGET_CACHE_MS, cachedBudget, forgetBudgets } from './budget-cache.ts';
export { getBudget, getFacilities, getOrganization, getPlan, getStaffing } from './queries.ts';
export { indexAdministration } from './search.ts';
export { parseTargetText } from './targets.ts';

export const administrationModule = defineModule({
  name: 'administration',
  routes: [administrationRoutes],
  messages: [messages],
  search: {
    labels: {
      'administration.plan_item': { ko: '업무 계획', en: 'Work plan' },
      'administration.facility': { ko: '시설', en: 'Facility' },
    },
    reindex: indexAdministration,
  },
  tables,
});
