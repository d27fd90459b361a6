// The national open-API catalogue (온통청년 getPlcy): import, export and the record format. What
// the module, its CLI and the other policy sub-features may use.
export type { ParsedPolicy } from './getplcy.ts';
export { importPolicies, recordsOf } from './import.ts';
export { nationalImportRoutes } from './routes.ts';
