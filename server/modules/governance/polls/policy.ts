import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff create, change and close polls, and read results at any time.
export const policies: Record<string, Policy> = {
  'governance.polls.manage': isStaff,
};
