import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lockfile.ts';

const folders: string[] = [];
const freshFolder = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nara-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('refuses a second holder while the first process runs, naming its pid', () => {
    const folder = freshFolder();
    fs.writeFileSync(path.join(folder, 'nara.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => acquireDataDirLock(folder)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(folder)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const folder = freshFolder();
    fs.writeFileSync(path.join(folder, 'nara.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const lock = acquireDataDirLock(folder);
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'nara.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(folder, 'nara.lock'))).toBe(false);
  });

  it('treats an unreadable lock file as stale', () => {
    const folder = freshFolder();
    fs.writeFileSync(path.join(folder, 'nara.lock'), '{half');
    acquireDataDirLock(folder).release();
  });
});
