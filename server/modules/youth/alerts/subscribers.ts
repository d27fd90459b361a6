import { subscribe } from '../../../platform/events/define.ts';
import { policiesImported, policyChanged, policyPublished } from '../policies/index.ts';
import { alertPolicyChanged, alertPolicyPublished } from './fanout.ts';
import { alertImportedPolicies } from './imported.ts';

// Alerts react to what happens to policies; the policy commands do not know alerts exist.
export const alertSubscribers = [
  subscribe('youth.alerts', policyPublished, async (tx, e, deps) => {
    await alertPolicyPublished(tx, deps, e.organizationId, e.policyId);
  }),
  subscribe('youth.alerts', policyChanged, async (tx, e, deps) => {
    await alertPolicyChanged(tx, deps, e.organizationId, e.policyId);
  }),
  subscribe('youth.alerts', policiesImported, async (tx, e, deps) => {
    await alertImportedPolicies(tx, deps, e.organizationId, { created: e.created, changed: e.changed });
  }),
];
