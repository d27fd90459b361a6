import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff write and publish policies, and import or export the national catalogue.
export const policies: Record<string, Policy> = {
  'youth.policies.manage': isStaff,
};
