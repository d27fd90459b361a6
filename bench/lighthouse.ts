import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import lighthouse, { type Result } from 'lighthouse';
import { childEnv, ROOT } from './harness.ts';

// Lighthouse on the pages a first visitor opens, as a cheap phone sees them: Lighthouse's default
// mobile settings (simulated slow 4G and a 4× slower CPU), Debian's Chromium headless. Builds nothing:
// it runs the compiled server of `npm run build` (dist/, or BENCH_LIGHTHOUSE_BUILD: another build
// directory inside this checkout, so its packages resolve) in demo mode on PGlite in a temp dir.
// One JSON line per page: the median run (by performance score) of BENCH_LIGHTHOUSE_RUNS.
export const CHROMIUM = '/usr/bin/chromium';

// BENCH_LIGHTHOUSE_NICE (say -10, as root): Chromium and the server run at that priority. Lighthouse
// times the page's main thread on this machine and scales it; on a shared machine other work
// lengthens every task, so TBT and LCP then measure the neighbours more than the page.
const NICE = process.env.BENCH_LIGHTHOUSE_NICE;
const niced = (command: string, args: string[]): [string, string[]] =>
  NICE ? ['nice', ['-n', NICE, command, ...args]] : [command, args];

const PAGES = [
  { page: 'home', path: '/' },
  { page: 'policy-list', path: '/youth/policies' },
  { page: 'policy', path: null }, // the first policy of the public list
  { page: 'self-check', path: '/youth/check' },
  { page: 'budget', path: '/administration/budget' },
] as const;

export interface LighthouseOptions {
  runs: number;
  /** The browser's language (BENCH_LIGHTHOUSE_LANG, default ko-KR). */
  language: string;
  build: string;
  log: (line: string) => void;
}

export async function runLighthouseBench(opts: LighthouseOptions): Promise<void> {
  const main = path.join(opts.build, 'server/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(opts.build, 'web/dist/index.html')))
    throw new Error(`lighthouse: no compiled server with its web app in ${opts.build} (npm run build)`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`lighthouse: ${CHROMIUM} is missing (apt-get install chromium)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-lighthouse-'));
  const server = await startCompiledServer(main, path.join(tmp, 'data'));
  const chrome = await launchChromium(path.join(tmp, 'profile'), opts.language);
  try {
    const list = (await (await fetch(`${server.url}/api/v1/youth/policies`)).json()) as {
      items: Array<{ id: string }>;
    };
    const policyId = list.items[0]?.id;
    if (!policyId) throw new Error('lighthouse: the demo has no published youth policy');
    // BENCH_LIGHTHOUSE_PAGES=self-check,budget measures only those pages.
    const only = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',').map((x) => x.trim());
    for (const { page, path: p } of PAGES.filter((x) => !only || only.includes(x.page))) {
      const url = server.url + (p ?? `/youth/policies/${policyId}`);
      const runs: PageFigures[] = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await audit(url, chrome.port, opts.log));
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)];
      opts.log(
        JSON.stringify({
          bench: 'lighthouse',
          page,
          language: opts.language,
          runs: opts.runs,
          ...median,
          performanceRange: [runs[0].performance, runs[runs.length - 1].performance],
        }),
      );
    }
  } finally {
    await chrome.stop();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

interface PageFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  /** Script bytes on the wire for this page's first load (compressed as the server sent them). */
  jsTransferredBytes: number;
  /** The same scripts gzipped (level 9): comparable between builds whatever the server sends. */
  jsGzipBytes: number;
  cssTransferredBytes: number;
  scripts: number;
  stylesheets: number;
  /** Audits of the accessibility and best-practices categories that did not pass. */
  failed: string[];
  /** Lighthouse's measure of this machine's speed at the time (lower: slower or busier). */
  benchmarkIndex: number;
  /** The machine's 1-minute load average: other work slows the main thread and so TBT. */
  load: number;
}

async function audit(
  url: string,
  port: number,
  log: (line: string) => void,
  attempt = 1,
): Promise<PageFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!result) throw new Error(`lighthouse: no result for ${url}`);
  const lhr = result.lhr;
  // BENCH_LIGHTHOUSE_SAVE=dir keeps each run's full report, for reading where the time goes.
  const save = process.env.BENCH_LIGHTHOUSE_SAVE;
  if (save) {
    fs.mkdirSync(save, { recursive: true });
    const name = `${new URL(url).pathname.replace(/[^a-z0-9]+/gi, '_') || '_'}-${Date.now()}.json`;
    fs.writeFileSync(path.join(save, name), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) {
    // A busy machine sometimes loses the trace (NO_NAVSTART, NO_FCP): try again, a few times.
    if (attempt >= 3) throw new Error(`lighthouse: ${url}: ${lhr.runtimeError.message}`);
    log(`note: ${url}: ${lhr.runtimeError.code}; running again`);
    return audit(url, port, log, attempt + 1);
  }
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  const failed = ['accessibility', 'best-practices'].flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  for (const id of failed) log(`note: ${url}: ${id}: ${JSON.stringify(auditItems(lhr, id)).slice(0, 600)}`);
  const requests = networkRequests(lhr);
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const styles = requests.filter((r) => r.resourceType === 'Stylesheet');
  const sum = (list: NetworkRequest[]) => list.reduce((s, r) => s + (r.transferSize ?? 0), 0);
  let jsGzipBytes = 0;
  for (const s of scripts) {
    const body = Buffer.from(
      await (await fetch(s.url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer(),
    );
    jsGzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    fcpMs: metric('first-contentful-paint'),
    cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
    jsTransferredBytes: sum(scripts),
    jsGzipBytes,
    cssTransferredBytes: sum(styles),
    scripts: scripts.length,
    stylesheets: styles.length,
    failed,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    load: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

function auditItems(lhr: Result, id: string): unknown[] {
  return ((lhr.audits[id]?.details as { items?: unknown[] } | undefined)?.items ?? []).slice(0, 3);
}

function networkRequests(lhr: Result): NetworkRequest[] {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined;
  return details?.items ?? [];
}

/** Debian's Chromium with its DevTools port open; Lighthouse opens its own tab per run. */
async function launchChromium(
  profile: string,
  language: string,
): Promise<{ port: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    ...niced(CHROMIUM, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      // A Korean phone, as most of the district's visitors use: the app follows the browser's
      // language on a first visit, and English loads its words as a chunk of their own.
      `--lang=${language}`,
      `--accept-lang=${language}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ]),
    { env: childEnv({}), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`chromium did not open its DevTools port:\n${err}`)),
      30_000,
    );
    child.stderr?.on('data', (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => reject(new Error(`chromium exited:\n${err}`)));
  });
  return {
    port,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The compiled server under plain node, as `npm start` runs it, in demo mode on PGlite in `dataDir`. */
async function startCompiledServer(
  main: string,
  dataDir: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    HAMKKE_DATA_DIR: dataDir,
    HAMKKE_DEMO: '1',
    HAMKKE_LOG_LEVEL: 'warn',
    HAMKKE_PUBLIC_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const child = spawn(...niced(process.execPath, [main]), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lighthouse: the server exited during start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lighthouse: the server was not ready within 180 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
