import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff open debates in a process and close them with a conclusion; residents comment (a
// signed-in route; the command checks the debate is open and its phase has debates on).
export const policies: Record<string, Policy> = {
  'governance.debates.manage': isStaff,
};
