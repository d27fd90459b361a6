import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff review suggestions and reply to them.
export const policies: Record<string, Policy> = {
  'youth.suggestions.manage': isStaff,
};
