import { isStaff } from '../../../platform/access/actor.ts';
import { definePolicies } from '../../../platform/access/authorize.ts';

// Staff review suggestions and reply to them.
definePolicies({
  'youth.suggestions.manage': isStaff,
});
