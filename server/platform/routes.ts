import './auth/messages.ts';
import './privacy/messages.ts';
import { authRoutes } from './auth/routes.ts';
import { healthRoutes } from './health/routes.ts';

// Platform route plugins, in the order they register.
export const platformRoutes = [healthRoutes, authRoutes];
