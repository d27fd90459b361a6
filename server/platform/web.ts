import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import { FIRST_RUN_CSS, FIRST_RUN_CSS_PATH, isInstalled, sendFirstRunPage } from './tenants/first-run.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

// Files under /assets/ carry a hash of their content in their name: a new build gives new names,
// so browsers keep them a year without asking. Everything else (index.html, sw.js, the manifest,
// icons) is asked after on every use, so a deploy is seen at once.
export const HASHED_CACHE = 'public, max-age=31536000, immutable';
const HASHED_PREFIX = '/assets/';
const COMPRESSED_COPY = /\.(?:br|gz)$/;

/** The URL paths of the built files (never their .br/.gz copies): read once, the build does not change. */
function builtFiles(dist: string): Set<string> {
  return new Set(
    fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !COMPRESSED_COPY.test(e.name))
      .map((e) => `/${path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`),
  );
}

// Serves the built PWA: real files as they are, any other page path as index.html (client routing).
// Each file goes out as the brotli or gzip copy the build made (web/build/precompress.ts) when the
// browser accepts it, else as it is; @fastify/static picks the copy and sets Content-Encoding and
// Vary. Before the first organization exists, every page is the first-run page instead.
export async function installWebApp(
  app: FastifyInstance,
  opts: { perMinute: number; dist?: string },
): Promise<void> {
  const dist = opts.dist ?? WEB_DIST;
  const built = fs.existsSync(path.join(dist, 'index.html'));
  const files = built ? builtFiles(dist) : new Set<string>();
  await app.register(fastifyStatic, {
    root: built ? dist : process.cwd(),
    serve: false,
    preCompressed: true,
    // Cache-Control is ours (below); send's own would replace it with max-age=0.
    cacheControl: false,
  });
  app.get(
    FIRST_RUN_CSS_PATH,
    { config: { access: 'public', beforeInstall: true }, schema: { hide: true } },
    async (_req, reply) =>
      reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(FIRST_RUN_CSS),
  );
  app.get(
    '/*',
    {
      // One page load is a dozen files (a shell, scripts, styles, icons), and a district office's
      // staff share one address: the pages get a guard of their own, ten times the API's.
      config: {
        access: 'public',
        beforeInstall: true,
        rateLimit: { max: opts.perMinute * 10, timeWindow: 60_000 },
      },
      schema: { hide: true },
    },
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
      if (files.has(urlPath)) {
        reply.header('cache-control', urlPath.startsWith(HASHED_PREFIX) ? HASHED_CACHE : 'no-cache');
        return reply.sendFile(urlPath.slice(1));
      }
      // A script or style of an older build is gone: a 404, not the page, which a browser would
      // refuse as a script (web/src/main.tsx then reloads the page, which names the new files).
      if (urlPath.startsWith(HASHED_PREFIX)) throw new AppError('not_found', 404);
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    },
  );
}
