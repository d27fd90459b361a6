// Social economy (사회적경제): the enterprise registry.
export { enterpriseSummary, listEnterprises } from './queries.ts';
export { socialEconomyRoutes } from './routes.ts';
export { indexEnterprises } from './search.ts';
export { ENTERPRISE_KINDS, type EnterpriseKind } from './tables.ts';
