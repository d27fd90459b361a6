import { administrationRoutes } from './administration/index.ts';
import { socialEconomyRoutes } from './social-economy/index.ts';
import { youthRoutes } from './youth/index.ts';
// Domain modules: each exports its route plugin from its index.ts.
export const moduleRoutes: Array<(app: import('fastify').FastifyInstance) => Promise<void>> = [
  administrationRoutes,
  socialEconomyRoutes,
  youthRoutes,
];
