import { isAdmin, isStaff } from '../access/actor.ts';
import { definePolicies } from '../access/authorize.ts';

// Administration is the admin's; staff may only look up who is registered, masked.
definePolicies({
  'admin.audit.read': isAdmin,
  'admin.users.list': isStaff,
  'admin.users.read-personal-data': isAdmin,
  'admin.roles.manage': isAdmin,
  'admin.access-log.read': isAdmin,
  'admin.organization.manage': isAdmin,
});
