import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

// Answers under /api/ of 1 KiB or more go out compressed (brotli at a fast level, else gzip) when
// the browser accepts it: a page of thirty policies shrinks to about a fifth on a slow phone link.
// Every other route opts out before @fastify/compress sees it, so it adds no hook to them: /healthz
// and /readyz are tiny and polled, and the web app's files are compressed at build time (web.ts).
// Request bodies are never decompressed: body limits and the JSON depth scan see what was sent.
export const COMPRESS_THRESHOLD_BYTES = 1024;

export async function installCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
