// Youth policies: the public face for other youth features. Inside, catalogue/ (the published
// catalogue and its search), authoring/ (staff writing local policies) and national-import/ (the
// 온통청년 open-API import) share only the files beside this one (table, status rules, columns,
// messages, events, access policy) and use each other through their own index.ts.

export { insertPublishedPolicy } from './authoring/index.ts';
export {
  cachedPoliciesForEligibility,
  listPoliciesForEligibility,
  type PolicyForEligibility,
  policyDeadlineEvents,
} from './catalogue/index.ts';
export { policiesImported, policyChanged, policyPublished } from './events.ts';
export { applyStatus } from './status.ts';
export { youthPolicies } from './tables.ts';
