import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff (the governance team) create processes and edit their phases; everyone reads them.
export const policies: Record<string, Policy> = {
  'governance.processes.manage': isStaff,
};
