// Messages, personal-data exporters and erasers register themselves when imported.
import './auth/messages.ts';
import './auth/oidc/messages.ts';
import './auth/oidc/privacy.ts';
import './auth/two-factor/messages.ts';
import './auth/two-factor/privacy.ts';
import './privacy/messages.ts';
import './admin/messages.ts';
import './notify/jobs.ts';
import './auth/cleanup.ts';
import { adminRoutes } from './admin/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { oidcRoutes } from './auth/oidc/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { twoFactorRoutes } from './auth/two-factor/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { notifyRoutes } from './notify/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { searchRoutes } from './search/routes.ts';

// Platform route plugins, in the order they register.
export const platformRoutes = [
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
];
