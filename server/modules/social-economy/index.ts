import { defineModule } from '../../platform/modules/define.ts';
import { socialEconomyRoutes } from './routes.ts';
import { indexEnterprises } from './search.ts';
import * as tables from './tables.ts';

// Social economy (사회적경제): the enterprise registry.
export { enterpriseSummary, listEnterprises } from './queries.ts';
export { indexEnterprises } from './search.ts';
export { ENTERPRISE_KINDS, type EnterpriseKind } from './tables.ts';

export const socialEconomyModule = defineModule({
  name: 'social-economy',
  routes: [socialEconomyRoutes],
  search: {
    labels: { 'social_economy.enterprise': { ko: '사회적경제 기업', en: 'Social economy enterprise' } },
    reindex: indexEnterprises,
  },
  tables,
});
