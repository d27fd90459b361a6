import { isStaff } from '../../../platform/access/actor.ts';
import { definePolicies } from '../../../platform/access/authorize.ts';

// Staff write and publish policies, and import or export the national catalogue.
definePolicies({
  'youth.policies.manage': isStaff,
});
