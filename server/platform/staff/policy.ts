import { isStaff } from '../access/actor.ts';
import type { Policy } from '../access/authorize.ts';

// The staff home is for staff and admins; each queue on it asks its own policy too (work-queues.ts).
export const policies: Record<string, Policy> = {
  'staff.queues.read': isStaff,
};
