import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff moderate statements (accept, accept as meta, reject) and see the queue.
export const policies: Record<string, Policy> = {
  'governance.statements.moderate': isStaff,
  // The Pol.is open-data files of a deliberation (export.ts).
  'governance.deliberations.export': isStaff,
};
