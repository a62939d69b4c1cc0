/**
 * Everything the benchmark must undo (child servers, temporary folders, databases,
 * a running load) is registered the moment it exists and undone in reverse order:
 * when its owner releases it, on failure, and on Ctrl-C. A synchronous last resort
 * (kill, rm) also runs when the process exits without having waited.
 */
export type Cleanup = {
  label: string;
  run: () => Promise<void>;
  /** Best effort when the process is exiting and can no longer wait. */
  runSync?: () => void;
};

export class AbortedError extends Error {
  constructor() {
    super('benchmark interrupted');
  }
}

type Entry = Cleanup & { running?: Promise<void> };

/** Not yet finished, oldest first; an entry stays here while it runs so a hard exit still gets its runSync. */
const pending: Entry[] = [];
let aborting = false;

/** True once Ctrl-C (or SIGTERM/SIGHUP) has started the cleanup. */
export function isAborting(): boolean {
  return aborting;
}

/** Call before creating something that would need cleaning up. */
export function throwIfAborted(): void {
  if (aborting) throw new AbortedError();
}

/** Registers a cleanup; the returned function performs it (once, however often called) and forgets it. */
export function registerCleanup(cleanup: Cleanup): () => Promise<void> {
  const entry: Entry = { ...cleanup };
  pending.push(entry);
  // Created while we were already stopping: the cleanup loop owns it now.
  if (aborting) throw new AbortedError();
  return () => perform(entry);
}

function perform(entry: Entry): Promise<void> {
  entry.running ??= entry.run().finally(() => {
    const index = pending.indexOf(entry);
    if (index !== -1) pending.splice(index, 1);
  });
  return entry.running;
}

/** Runs every pending cleanup, newest first; a failing one does not stop the others. */
export async function runAllCleanups(): Promise<void> {
  for (let entry = pending.at(-1); entry; entry = pending.at(-1)) {
    try {
      await perform(entry);
    } catch (error) {
      process.stderr.write(`cleanup "${entry.label}" failed: ${String(error)}\n`);
    }
  }
}

/** Ctrl-C (or SIGTERM/SIGHUP) cleans up and exits; a second one exits at once with the synchronous cleanups. */
export function installInterruptHandlers(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (aborting) {
      process.stderr.write(`\n${signal} again: exiting now.\n`);
      process.exit(code);
    }
    aborting = true;
    process.stderr.write(`\n${signal}: stopping servers and cleaning up…\n`);
    void runAllCleanups().finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  process.on('exit', () => {
    for (let cleanup = pending.pop(); cleanup; cleanup = pending.pop()) {
      try {
        cleanup.runSync?.();
      } catch {
        // exiting anyway
      }
    }
  });
}
