import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff give the official answer to a proposal; residents propose, support, comment and amend
// (signed-in routes), and only a proposal's author decides on its amendments (checked in the command).
export const policies: Record<string, Policy> = {
  'governance.proposals.answer': isStaff,
};
