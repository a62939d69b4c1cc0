import fs from 'node:fs';

/**
 * The server runs as `npx node …`, i.e. npm → sh → node in a process group of its
 * own. npm does not pass SIGTERM on and dies at once, and a shell killed first
 * would orphan node, so a graceful stop signals only the innermost process (the
 * server) and lets the wrappers exit after it. Where there is no /proc, the whole
 * group is signalled instead.
 */
type Member = { pid: number; ppid: number };

/** The live (non-zombie) processes of a group, or undefined without /proc. */
function groupMembers(pgid: number): Member[] | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: Member[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push({ pid: Number(entry), ppid: Number(ppid) });
  }
  return members;
}

export function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // nothing left to signal
  }
}

/** Signals the processes of the group that have no children in it: the server itself. */
export function signalInnermost(pgid: number, signal: NodeJS.Signals): void {
  const members = groupMembers(pgid);
  if (!members) return signalGroup(pgid, signal);
  const parents = new Set(members.map((member) => member.ppid));
  for (const member of members) {
    if (parents.has(member.pid)) continue;
    try {
      process.kill(member.pid, signal);
    } catch {
      // exited meanwhile
    }
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, intervalMs = 25): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}
