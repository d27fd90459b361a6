import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

// Child-process plumbing for the youth benchmarks: our server and the trivial-query ceiling each
// run in their own node process on a free localhost port; autocannon runs in the bench process.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type BenchDb = 'pglite' | 'postgres';

export const round3 = (n: number) => Math.round(n * 1000) / 1000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The parent's environment without settings that would leak into a child's config, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(HAMKKE_|OIDC_|SMTP_)/.test(k) || k === 'DATABASE_URL' || k === 'PORT' || k === 'HOST') continue;
    env[k] = v;
  }
  return { HAMKKE_SECRET_KEY: BENCH_SECRET_KEY, ...env, ...extra };
}

/** One random key per bench run: PostgreSQL runs need HAMKKE_SECRET_KEY, and every child must share it. */
const BENCH_SECRET_KEY = randomBytes(32).toString('base64');

function startNode(script: string, args: string[], env: NodeJS.ProcessEnv, root = ROOT): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a script to its end; returns its output, throws with it on a non-zero exit. */
export async function runToEnd(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  root = ROOT,
): Promise<string> {
  const child = startNode(script, args, env, root);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

export interface Running {
  url: string;
  /** The server's process id (for its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc; null where there is none.
 * Divided by the requests served, it shows a server's cost per request even when other work on
 * the machine slows every server alike.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
// Linux's USER_HZ: 100 on every architecture Node runs on.
const CLOCK_TICKS = 100;

/** Starts a server script (from `root`, default this checkout) and waits until `readyPath` answers 2xx. */
export async function startServer(
  script: string,
  env: Record<string, string>,
  readyPath: string,
  timeoutMs = 180_000,
  root = ROOT,
): Promise<Running> {
  const port = await freePort();
  const child = startNode(script, [], childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }), root);
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(`${script} exited before it was ready:\n${output}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} was not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Load {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  problems: string | null;
}

/** One autocannon run; `requests` rotate in order across each connection. */
export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  requests?: autocannon.Request[];
}): Promise<Load> {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: opts.requests,
  });
  const problems =
    r.non2xx > 0 || r.errors > 0 || r.timeouts > 0
      ? `${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`
      : null;
  return { reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, problems };
}

/** A warm-up run (not counted), then the measured one; problems go to `log` under `label`. */
export async function warmedLoad(opts: {
  url: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  requests: autocannon.Request[];
  label: string;
  log: (line: string) => void;
}): Promise<Load> {
  const run = (seconds: number) =>
    load({ url: opts.url, connections: opts.connections, seconds, requests: opts.requests });
  if (opts.warmupSeconds > 0) await run(opts.warmupSeconds);
  const r = await run(opts.seconds);
  if (r.problems) opts.log(`warning: ${opts.label}: ${r.problems}`);
  return r;
}

/** A fresh PostgreSQL database next to the one `adminUrl` names; `drop()` removes it. */
export async function freshPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hamkke_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
