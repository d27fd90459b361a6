import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './e2e/server.ts';

// How the built app travels, over real HTTP from the compiled server (demo mode): each file as the
// brotli or gzip copy made at build time when the browser accepts it, else as it is; hashed assets
// kept a year, the page and the service worker asked after every time; API answers above the
// threshold compressed. node:http, not fetch: fetch would undo the encoding we want to look at.
const dist = path.resolve(import.meta.dirname, '../web/dist');

// The home's first download (entry script and what index.html preloads) as sent with brotli.
// Measured at about 121 KB when the budget was set (issue 9; 464 KB went on the wire before, 146 KB
// with gzip): a budget a little above it, so that growth is a decision rather than an accident.
const HOME_FIRST_LOAD_JS_BR_BUDGET = 130_000;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Scripts and styles index.html names (its entry script, module preloads and stylesheets). */
function firstDownload(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
}

describe('assets and answers on the wire', () => {
  let server: RunningServer;
  let entry: string;

  beforeAll(async () => {
    server = await startServer();
    const html = (await get(`${server.url}/`, 'identity')).body.toString('utf8');
    const script = firstDownload(html).find((f) => f.endsWith('.js'));
    if (!script) throw new Error(`index.html names no script:\n${html}`);
    entry = script;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  const original = (urlPath: string) => fs.readFileSync(path.join(dist, urlPath));

  test('a hashed script goes as brotli when accepted, kept for a year', async () => {
    const res = await get(server.url + entry, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const bytes = zlib.brotliDecompressSync(res.body);
    expect(bytes.equals(original(entry))).toBe(true);
    expect(res.body.length).toBeLessThan(bytes.length / 2);
  });

  test('gzip when only gzip is accepted, the file itself when nothing is', async () => {
    const gz = await get(server.url + entry, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(zlib.gunzipSync(gz.body).equals(original(entry))).toBe(true);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const accept of [undefined, 'identity', 'zstd']) {
      const plain = await get(server.url + entry, accept);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.body.equals(original(entry))).toBe(true);
    }
  });

  test('stylesheets travel compressed too', async () => {
    const html = (await get(`${server.url}/`, 'identity')).body.toString('utf8');
    const style = firstDownload(html).find((f) => f.endsWith('.css'));
    expect(style).toBeDefined();
    const res = await get(server.url + style, 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(zlib.brotliDecompressSync(res.body).equals(original(style as string))).toBe(true);
  });

  test('the page, client routes and the service worker are asked after every time', async () => {
    for (const urlPath of ['/', '/youth/policies', '/sw.js', '/manifest.webmanifest']) {
      const res = await get(server.url + urlPath, 'br');
      expect(res.status, urlPath).toBe(200);
      expect(res.headers['cache-control'], urlPath).toBe('no-cache');
    }
    const page = await get(`${server.url}/youth/policies`, 'br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.body).equals(original('index.html'))).toBe(true);
    const sw = await get(`${server.url}/sw.js`, 'gzip');
    expect(zlib.gunzipSync(sw.body).equals(original('sw.js'))).toBe(true);
  });

  test('a script of an older build is a 404, not the page', async () => {
    const res = await get(`${server.url}/assets/index-gone1234.js`, 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  test('API answers above the threshold are compressed, small ones and /healthz are not', async () => {
    const list = await get(`${server.url}/api/v1/youth/policies?limit=30`, 'gzip, deflate, br');
    expect(list.status).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    expect(list.headers.vary?.toLowerCase()).toContain('accept-encoding');
    const json = zlib.brotliDecompressSync(list.body);
    expect(json.length).toBeGreaterThan(1024);
    const plain = await get(`${server.url}/api/v1/youth/policies?limit=30`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(json.toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));

    const gz = await get(`${server.url}/api/v1/youth/policies?limit=30`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);

    const small = await get(`${server.url}/api/v1/youth/policies?limit=1`, 'br');
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();

    const health = await get(`${server.url}/healthz`, 'br');
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.headers.vary).toBeUndefined();
  });

  test(`the home's first scripts stay within ${HOME_FIRST_LOAD_JS_BR_BUDGET / 1000} KB with brotli`, async () => {
    const html = (await get(`${server.url}/`, 'br')).body;
    const scripts = firstDownload(zlib.brotliDecompressSync(html).toString('utf8')).filter((f) =>
      f.endsWith('.js'),
    );
    let sent = 0;
    for (const s of scripts) {
      const res = await get(server.url + s, 'br');
      expect(res.status, s).toBe(200);
      sent += res.body.length;
    }
    expect(sent).toBeGreaterThan(10_000); // the check reads real scripts
    expect(sent).toBeLessThan(HOME_FIRST_LOAD_JS_BR_BUDGET);
  });
});
