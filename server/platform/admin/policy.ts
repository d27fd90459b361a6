import { isAdmin, isStaff } from '../access/actor.ts';
import type { Policy } from '../access/authorize.ts';

// Administration is the admin's; staff may only page through who is registered, masked. Searching
// people (by name or whole email address) is an admin's, with a reason (finding 7: staff rebuilt a
// masked address from partial-match searches).
export const policies: Record<string, Policy> = {
  'admin.audit.read': isAdmin,
  'admin.users.list': isStaff,
  'admin.users.search': isAdmin,
  'admin.users.read-personal-data': isAdmin,
  'admin.roles.manage': isAdmin,
  'admin.access-log.read': isAdmin,
  'admin.organization.manage': isAdmin,
};
