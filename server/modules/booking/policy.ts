import { isStaff } from '../../platform/access/actor.ts';
import type { Policy } from '../../platform/access/authorize.ts';

// Staff see every booking of a resource (with who made it), approve, cancel with a reason and block.
// A place's check-in kiosk (issue 10) may only check a person in by their code: an account holding
// just the 'kiosk' role (a tablet at a public entrance) can do that and nothing staff can.
export const policies: Record<string, Policy> = {
  'booking.manage': isStaff,
  'booking.kiosk.check_in': (actor) => isStaff(actor) || actor.roles.has('kiosk'),
};
