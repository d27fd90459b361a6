import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-lock-'));

describe('PGlite data directory lock', () => {
  it('refuses a second holder while a live process holds it, naming that process', async () => {
    const dir = tmp();
    // A real second process holds the lock.
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(path.join(dir, 'hamkke.lock'))}, JSON.stringify({ pid: process.pid, command: 'server', startedAt: 'now', host: ${JSON.stringify(os.hostname())} }), { flag: 'wx' }); console.log('held'); setInterval(() => {}, 1000);`,
    ]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    try {
      expect(() => acquireDataDirLock(dir, 'test')).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir, 'test')).toThrow(new RegExp(`process ${child.pid} \\(server`));
    } finally {
      child.kill();
    }
    await new Promise((r) => child.once('exit', r));
    // Once that process is gone its lock is stale and is taken over.
    const release = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'hamkke.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'hamkke.lock'))).toBe(false);
  });
});
