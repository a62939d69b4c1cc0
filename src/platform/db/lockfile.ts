import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes opening one data folder corrupt it
 * (pglite#1106, #709). We keep a lock file with our pid; a second process gets a
 * clear error, and a lock left by a process that no longer runs is taken over.
 */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(lockPath: string, pid: number) {
    super(
      `The data folder is already in use by process ${pid} (${lockPath}). ` +
        'Stop that Nära first, or start this one with another DATA_DIR.',
    );
    this.pid = pid;
  }
}

export type DataDirLock = { release: () => void };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'nara.lock');
  const content = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      return {
        release: () => {
          try {
            const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
            if (current.pid === process.pid) fs.unlinkSync(lockPath);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
      } catch {
        // unreadable or half-written lock: treat as stale
      }
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(lockPath, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
