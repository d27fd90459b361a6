import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff create projects, set their progress and milestones, and choose working-group members.
// The group's own space is open to its members and staff: that check needs the project, so it is
// made in queries.ts (groupAccess), answering 404 to everyone else, so a space's existence and its
// drafts stay private.
export const policies: Record<string, Policy> = {
  'governance.projects.manage': isStaff,
};
