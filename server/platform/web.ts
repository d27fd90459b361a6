import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import { FIRST_RUN_CSS, FIRST_RUN_CSS_PATH, isInstalled, sendFirstRunPage } from './tenants/first-run.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

// Serves the built PWA: real files as they are, any other page path as index.html (client routing).
// Before the first organization exists, every page is the first-run page instead.
export async function installWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const built = fs.existsSync(path.join(dist, 'index.html'));
  await app.register(fastifyStatic, { root: built ? dist : process.cwd(), serve: false });
  app.get(
    FIRST_RUN_CSS_PATH,
    { config: { access: 'public', beforeInstall: true }, schema: { hide: true } },
    async (_req, reply) =>
      reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(FIRST_RUN_CSS),
  );
  app.get(
    '/*',
    { config: { access: 'public', beforeInstall: true }, schema: { hide: true } },
    async (req, reply) => {
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(req.url.split('?')[0]);
      } catch {
        throw new AppError('not_found', 404); // a malformed escape names no page
      }
      if (!isInstalled(req)) {
        if (urlPath.startsWith('/api/')) throw new AppError('not_installed', 503);
        return sendFirstRunPage(reply);
      }
      if (urlPath.startsWith('/api/') || !built) throw new AppError('not_found', 404);
      const file = path.join(dist, urlPath);
      if (file.startsWith(dist + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const immutable = urlPath.startsWith('/assets/');
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(path.relative(dist, file));
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    },
  );
}
