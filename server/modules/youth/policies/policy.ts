import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

/** Staff write and publish policies, and import or export the national catalogue. */
export const MANAGE_POLICIES = 'youth.policies.manage';

export const policies: Record<string, Policy> = {
  [MANAGE_POLICIES]: isStaff,
};
