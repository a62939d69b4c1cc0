import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { startPoller } from '../poller.ts';
// The platform's own recurring job (registered when loaded): every process that runs jobs has it.
import './cleanup.ts';
import { onJobsNudge, runDueJobs, type JobLog } from './jobs.ts';
import { ensureRecurringJobs } from './recurring.ts';

export type JobWorker = {
  /** Stops polling and waits for the jobs in hand. */
  stop: () => Promise<void>;
  /** Look now rather than at the next poll (also reached through nudgeJobs()). */
  nudge: () => void;
};

const BATCH_SIZE = 20;

/**
 * Plans the next round of every recurring job (recurring.ts), then runs runDueJobs at once, every
 * pollMs and whenever nudged, until stopped (platform/poller.ts). Planning is part of the first
 * round, so a database that is not there yet is tried again at the next poll.
 * Started by server/serve.ts after the app is built (so every feature's handlers and recurring jobs
 * are registered), stopped before the database closes; tests do not start it (they call
 * runDueJobs with their clock), except to test the worker itself, with `names`: it then plans and
 * runs only these jobs (a test's own, on a database other test files share).
 */
export function startJobWorker(options: { db: Database; clock: Clock; log: JobLog; pollMs: number; names?: string[] }): JobWorker {
  let planned = false;
  const poller = startPoller({
    intervalMs: options.pollMs,
    round: async () => {
      if (!planned) {
        const rounds = await ensureRecurringJobs(options.db, options.clock, { names: options.names });
        planned = true;
        options.log.info({ recurring: rounds.map(({ name, runAt }) => ({ name, next: runAt.toISOString() })) }, 'recurring jobs planned');
      }
      const report = await runDueJobs(options.db, options.clock, { limit: BATCH_SIZE, names: options.names, log: options.log });
      return report.claimed === BATCH_SIZE;
    },
    onError: (error) => options.log.error({ err: error }, 'job round failed'),
  });
  const stopListening = onJobsNudge(poller.nudge);
  return {
    nudge: poller.nudge,
    stop: async () => {
      stopListening();
      await poller.stop();
    },
  };
}
