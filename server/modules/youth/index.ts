import { defineModule } from '../../platform/modules/define.ts';
import { youthCalendarFeed } from './alerts/calendar-feed.ts';
import { dailyAlertsJob } from './alerts/daily.ts';
import { alertNotificationKinds } from './alerts/kinds.ts';
import { messages as alertMessages } from './alerts/messages.ts';
import { privacy as alertPrivacy } from './alerts/privacy.ts';
import { alertRoutes } from './alerts/routes.ts';
import { alertStatsRoutes } from './alerts/stats-routes.ts';
import { alertSubscribers } from './alerts/subscribers.ts';
import * as alertTables from './alerts/tables.ts';
import { messages as auditMessages } from './audit-messages.ts';
import { eligibilityRoutes } from './eligibility/routes.ts';
import { authoringRoutes } from './policies/authoring/index.ts';
import { calendarRoutes, catalogueRoutes, POLICY_RECORD_TYPE } from './policies/catalogue/index.ts';
import { messages as policyMessages } from './policies/messages.ts';
import { nationalImportRoutes } from './policies/national-import/index.ts';
import { policies as policyPolicies } from './policies/policy.ts';
import * as policyTables from './policies/tables.ts';
import { messages as profileMessages } from './profile/messages.ts';
import { privacy as profilePrivacy } from './profile/privacy.ts';
import { profileRoutes } from './profile/routes.ts';
import * as profileTables from './profile/tables.ts';
import { messages as questionMessages } from './questions/messages.ts';
import { questionAnsweredKind } from './questions/notify.ts';
import { policies as questionPolicies } from './questions/policy.ts';
import { privacy as questionPrivacy } from './questions/privacy.ts';
import { questionRoutes } from './questions/routes.ts';
import * as questionTables from './questions/tables.ts';
import { questionQueue } from './questions/work-queue.ts';
import { messages as suggestionMessages } from './suggestions/messages.ts';
import { suggestionUpdatedKind } from './suggestions/notify.ts';
import { policies as suggestionPolicies } from './suggestions/policy.ts';
import { privacy as suggestionPrivacy } from './suggestions/privacy.ts';
import { suggestionRoutes } from './suggestions/routes.ts';
import * as suggestionTables from './suggestions/tables.ts';
import { suggestionQueue } from './suggestions/work-queue.ts';

// Youth (청년): the policy catalogue (national import, staff authoring), eligibility, the youth
// profile, follows and alerts, questions and suggestions. Other code imports from here only.
export { listPoliciesForEligibility, type PolicyForEligibility } from './policies/index.ts';

export const youthModule = defineModule({
  name: 'youth',
  routes: [
    catalogueRoutes,
    nationalImportRoutes,
    authoringRoutes,
    calendarRoutes,
    alertRoutes,
    eligibilityRoutes,
    profileRoutes,
    questionRoutes,
    suggestionRoutes,
    alertStatsRoutes,
  ],
  policies: [policyPolicies, questionPolicies, suggestionPolicies],
  jobs: [dailyAlertsJob],
  subscribers: alertSubscribers,
  notificationKinds: [...alertNotificationKinds, questionAnsweredKind, suggestionUpdatedKind],
  messages: [
    auditMessages,
    policyMessages,
    profileMessages,
    alertMessages,
    questionMessages,
    suggestionMessages,
  ],
  privacy: [profilePrivacy, alertPrivacy, questionPrivacy, suggestionPrivacy],
  personalTables: {
    covers: ['youth_profiles', 'youth_follows', 'youth_alerts', 'youth_questions', 'youth_suggestions'],
    exempt: {
      youth_policy_revisions: 'who on the staff changed a published policy: a record of official work',
    },
  },
  calendarFeed: youthCalendarFeed,
  workQueues: [questionQueue, suggestionQueue],
  search: { labels: { [POLICY_RECORD_TYPE]: { ko: '청년 정책', en: 'Youth policy' } } },
  tables: { ...policyTables, ...profileTables, ...alertTables, ...questionTables, ...suggestionTables },
});
