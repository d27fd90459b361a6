import { messages } from './messages.ts';
import { projectUpdateKind } from './notify.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { projectRoutes } from './routes.ts';
import * as tables from './tables.ts';

// Governance projects (협치사업) and their working groups: the public accountability page with
// followers' updates, the group's private space (meetings, minutes, decisions, tasks, quarterly
// monitoring reports, documents, the final evaluation) and staff management.
export const projectsFeature = {
  routes: projectRoutes,
  policies,
  messages,
  privacy,
  notificationKind: projectUpdateKind,
  personalTables: [
    'governance_project_follows',
    'governance_project_notices',
    'governance_group_members',
    'governance_meetings',
    'governance_meeting_attendance',
    'governance_tasks',
    'governance_monitoring_reports',
    'governance_group_documents',
    'governance_project_evaluations',
  ],
  tables,
};
