import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PGlite has no lock of its own: two processes could open one data directory and corrupt it.
// We hold a lockfile naming the holder's pid while the directory is open.
export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly holder: { pid: number; command?: string; startedAt?: string; host?: string },
  ) {
    super(
      `The data directory ${dir} is in use by process ${holder.pid}` +
        (holder.command ? ` (${holder.command}, started ${holder.startedAt})` : '') +
        '. Stop that process first, or set HAMKKE_DATA_DIR to another directory.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string, command: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'hamkke.lock');
  const me = { pid: process.pid, command, startedAt: new Date().toISOString(), host: os.hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(fs.readFileSync(file, 'utf8'));
          if (holder.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid: number; host?: string } = { pid: 0 };
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        // unreadable lockfile: treat as stale
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && holder.pid !== process.pid && (!sameHost || isAlive(holder.pid))) {
        throw new DataDirLockedError(dir, holder);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
