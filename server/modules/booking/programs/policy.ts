import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff create and edit programs, see who registered (names, access-logged), publish the lottery's
// digest and draw it; people register for themselves with no action beyond being signed in.
export const programPolicies: Record<string, Policy> = {
  'booking.programs.manage': isStaff,
};
