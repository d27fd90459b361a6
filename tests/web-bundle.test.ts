import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';

// The first download of the web app (the entry script, what index.html preloads, its stylesheets):
// pages with forms bring Zod and react-hook-form when they are opened, never before. `npm test`
// builds web/dist first; without a build there is nothing to measure.
const dist = path.resolve(import.meta.dirname, '../web/dist');
const built = fs.existsSync(path.join(dist, 'index.html'));
if (!built && process.env.CI === 'true')
  throw new Error('CI=true but web/dist is not built (npm run build:web)');

describe.skipIf(!built)('the web app’s first download', () => {
  const html = built ? fs.readFileSync(path.join(dist, 'index.html'), 'utf8') : '';
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const scripts = files.filter((f) => f.endsWith('.js'));

  test('holds no schema library: forms load theirs on demand', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = fs.readFileSync(path.join(dist, file), 'utf8');
      expect(/\$ZodType|ZodError/.test(code), `${file} holds Zod`).toBe(false);
    }
    // The lazily loaded forms do have it, so the check above looks at the right thing.
    const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    expect(
      all.some((f) => /\$ZodType|ZodError/.test(fs.readFileSync(path.join(dist, 'assets', f), 'utf8'))),
    ).toBe(true);
  });

  test('stays within its budget: 160 KB of script, 10 KB of style (gzip)', () => {
    const gzip = (list: string[]) =>
      list.reduce(
        (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length,
        0,
      );
    expect(gzip(scripts)).toBeLessThan(160_000);
    expect(gzip(files.filter((f) => f.endsWith('.css')))).toBeLessThan(10_000);
  });
});
