import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff work the moderation queue and hide or restore posts; any signed-in resident reports, and
// only an item's author appeals (checked in the command).
export const policies: Record<string, Policy> = {
  'governance.moderation.review': isStaff,
};
