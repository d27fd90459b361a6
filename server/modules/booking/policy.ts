import { isStaff } from '../../platform/access/actor.ts';
import type { Policy } from '../../platform/access/authorize.ts';

// Staff see every booking of a resource (with who made it), approve, cancel with a reason and block.
export const policies: Record<string, Policy> = {
  'booking.manage': isStaff,
};
