import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Starts the REAL server, compiled as `npm start` runs it (node …/server/main.js), in demo mode on a
// copy of the run's seeded demo data directory, and reads the demo accounts it prints.
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface DemoAccount {
  email: string;
  password: string;
  roles: string[];
}

export interface RunningServer {
  url: string;
  accounts: Map<string, DemoAccount>;
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The pages are served from web/dist: build them when this checkout has not yet. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

let compiled: string | undefined;

/**
 * The server compiled from the current sources (scripts/build-server.mjs, about a second), once per
 * test process into a directory of its own: parallel test files never read each other's half-written
 * files, and a journey never runs a stale dist/. Directories of processes that are gone are removed.
 */
export function ensureServerBuilt(): string {
  ensureWebBuilt();
  if (compiled) return compiled;
  const tmp = path.join(ROOT, '.tmp');
  fs.mkdirSync(tmp, { recursive: true });
  for (const name of fs.readdirSync(tmp)) {
    const pid = Number(/^server-(\d+)$/.exec(name)?.[1]);
    if (pid && !alive(pid)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
  const out = path.join(tmp, `server-${process.pid}`);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.once('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  compiled = out;
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function parseDemoAccounts(stdout: string): Map<string, DemoAccount> {
  const accounts = new Map<string, DemoAccount>();
  for (const line of stdout.split('\n')) {
    const m = /^\s+(\S+@\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (m) accounts.set(m[1], { email: m[1], password: m[2], roles: m[3].split(',').map((r) => r.trim()) });
  }
  return accounts;
}

/** `extraEnv` adds settings for one journey (e.g. a local push service to trust). */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const build = ensureServerBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-e2e-'));
  // A copy of the run's migrated, seeded demo (tests/global-setup.ts): the server then starts as it
  // does on its second `npm start`, and refreshes the demo accounts it prints.
  const template = process.env.TEST_DEMO_TEMPLATE_DIR;
  if (template) fs.cpSync(template, path.join(dataDir, 'pglite'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Only what the server should see: no DATABASE_URL (demo mode needs PGlite) and no stray HAMKKE_* setting.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(HAMKKE_|OIDC_|SMTP_|DATABASE_URL$|PORT$|HOST$)/.test(k)) env[k] = v;
  }
  Object.assign(env, {
    HAMKKE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    HAMKKE_LOG_LEVEL: 'warn',
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000',
    HAMKKE_PUBLIC_URL: url,
    ...extraEnv,
  });
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(build, 'server/main.js')],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready within 90 s:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok && out.includes('Demo accounts')) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // The account lines follow the heading in the same write; give the pipe a moment.
  await new Promise((r) => setTimeout(r, 200));
  const accounts = parseDemoAccounts(out.slice(out.indexOf('Demo accounts')));
  return {
    url,
    accounts,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A demo account over the API (a signed-in session with its CSRF token): journeys use it to set up
 * what that person would have done. The call answers the raw Response.
 */
/** A demo account the server printed at start (fails with the server's output when it did not). */
export function demoAccount(server: RunningServer, email: string): DemoAccount {
  const account = server.accounts.get(email);
  if (!account) throw new Error(`the demo account ${email} was not printed:\n${server.output()}`);
  return account;
}

export async function apiSession(server: RunningServer, email: string) {
  const account = demoAccount(server, email);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, origin: server.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

export const staffSession = (server: RunningServer) => apiSession(server, 'staff@demo.hamkke.kr');

/** Imports youth policy records through the staff import route, signed in as the demo staff account. */
export async function importPoliciesAsStaff(server: RunningServer, records: unknown[]): Promise<Response> {
  return (await staffSession(server))('POST', '/api/v1/youth/policies/import', records);
}
