import { messages as adminMessages } from './admin/messages.ts';
import { policies as adminPolicies } from './admin/policy.ts';
import { messages as roleMessages } from './admin/role-labels.ts';
import { adminRoutes } from './admin/routes.ts';
import { messages as auditMessages } from './audit/messages.ts';
import { auditRoutes } from './audit/routes.ts';
import * as auditTables from './audit/tables.ts';
import { accountRoutes } from './auth/account-routes.ts';
import * as accountTables from './auth/account-tables.ts';
import { purgeExpiredJob } from './auth/cleanup.ts';
import { messages as authMessages } from './auth/messages.ts';
import { messages as oidcMessages } from './auth/oidc/messages.ts';
import { privacy as oidcPrivacy } from './auth/oidc/privacy.ts';
import { oidcRoutes } from './auth/oidc/routes.ts';
import * as oidcTables from './auth/oidc/tables.ts';
import { privacy as authPrivacy } from './auth/privacy.ts';
import { authRoutes } from './auth/routes.ts';
import * as authTables from './auth/tables.ts';
import { messages as twoFactorMessages } from './auth/two-factor/messages.ts';
import { privacy as twoFactorPrivacy } from './auth/two-factor/privacy.ts';
import { twoFactorRoutes } from './auth/two-factor/routes.ts';
import * as twoFactorTables from './auth/two-factor/tables.ts';
import { messages as calendarMessages } from './calendar/messages.ts';
import { privacy as calendarPrivacy } from './calendar/privacy.ts';
import { calendarRoutes } from './calendar/routes.ts';
import * as calendarTables from './calendar/tables.ts';
import * as dbTables from './db/tables.ts';
import { healthRoutes } from './health/routes.ts';
import { messages as idempotencyMessages } from './idempotency/messages.ts';
import { privacy as idempotencyPrivacy } from './idempotency/privacy.ts';
import * as idempotencyTables from './idempotency/tables.ts';
import { messages as mediaMessages } from './media/messages.ts';
import { mediaRoutes } from './media/routes.ts';
import * as mediaTables from './media/tables.ts';
import { defineModule } from './modules/define.ts';
import { moduleRoutes } from './modules/routes.ts';
import { digestJob } from './notify/digest.ts';
import { dispatchJob } from './notify/jobs.ts';
import { SYSTEM_ANNOUNCEMENT } from './notify/kinds.ts';
import { messages as notifyMessages } from './notify/messages.ts';
import { policies as notifyPolicies } from './notify/policy.ts';
import { privacy as notifyPrivacy } from './notify/privacy.ts';
import { notifyRoutes } from './notify/routes.ts';
import * as notifyTables from './notify/tables.ts';
import { messages as accessLogMessages } from './privacy/access-log-labels.ts';
import * as accessLogTables from './privacy/access-log-tables.ts';
import { privacy as corePrivacy } from './privacy/exporters.ts';
import { messages as privacyMessages } from './privacy/messages.ts';
import { privacyRoutes } from './privacy/routes.ts';
import * as privacyTables from './privacy/tables.ts';
import { searchRoutes } from './search/routes.ts';
import * as searchTables from './search/tables.ts';
import { policies as staffPolicies } from './staff/policy.ts';
import { staffRoutes } from './staff/routes.ts';
import { messages as tenantMessages } from './tenants/messages.ts';
import * as tenantTables from './tenants/tables.ts';

// The platform's own parts, declared like a module: the composition root installs it first.
export const platformModule = defineModule({
  name: 'platform',
  // In the order they register.
  routes: [
    healthRoutes,
    authRoutes,
    accountRoutes,
    notifyRoutes,
    twoFactorRoutes,
    oidcRoutes,
    privacyRoutes,
    auditRoutes,
    adminRoutes,
    searchRoutes,
    calendarRoutes,
    mediaRoutes,
    moduleRoutes,
    staffRoutes,
  ],
  policies: [adminPolicies, notifyPolicies, staffPolicies],
  jobs: [dispatchJob, digestJob, purgeExpiredJob],
  notificationKinds: [SYSTEM_ANNOUNCEMENT],
  messages: [
    authMessages,
    oidcMessages,
    twoFactorMessages,
    privacyMessages,
    adminMessages,
    roleMessages,
    auditMessages,
    accessLogMessages,
    notifyMessages,
    tenantMessages,
    idempotencyMessages,
    calendarMessages,
    mediaMessages,
  ],
  privacy: [
    corePrivacy,
    authPrivacy,
    oidcPrivacy,
    twoFactorPrivacy,
    notifyPrivacy,
    idempotencyPrivacy,
    calendarPrivacy,
  ],
  personalTables: {
    covers: [
      'users',
      'memberships',
      'sessions',
      'consent_records',
      'auth_tokens',
      'user_identities',
      'totp_last_steps',
      'two_factor_throttle',
      'outbox',
      'notifications',
      'notification_preferences',
      'notification_settings',
      'email_messages',
      'email_digest_items',
      'push_subscriptions',
      'push_deliveries',
      'sms_messages',
      'idempotency_keys',
      'calendar_feeds',
    ],
    exempt: {
      audit_log:
        'the append-only record of what staff and admins did (the database refuses changes); a person downloads the entries they made',
      personal_data_access_log:
        'kept at least two years and the database refuses earlier deletion; a person downloads who read their data',
      media_images:
        'photos staff upload for public places and rooms belong to the organization, and a proposal image stays with its public proposal (listed in the proposals export); uploaded_by is set null when the account is deleted',
    },
  },
  tables: {
    ...tenantTables,
    ...authTables,
    ...accountTables,
    ...twoFactorTables,
    ...oidcTables,
    ...privacyTables,
    ...accessLogTables,
    ...auditTables,
    ...notifyTables,
    ...idempotencyTables,
    ...searchTables,
    ...calendarTables,
    ...mediaTables,
    ...dbTables,
  },
});
