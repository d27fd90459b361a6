import { InstalledModulesView } from '../../../contracts/modules.ts';
import { routes } from '../http.ts';
import { installedModuleNames } from './installed.ts';

// Public: which district modules run here (module names only, as in the source code). The web shows
// a promised service as "준비 중" until its module is in this list. The list changes only when the
// server is upgraded, so browsers may keep it for a few minutes.
export const moduleRoutes = routes((app) => {
  app.get(
    '/api/v1/modules',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], response: { 200: InstalledModulesView } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { modules: installedModuleNames().filter((name) => name !== 'platform') };
    },
  );
});
