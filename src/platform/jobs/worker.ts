import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { startPoller } from '../poller.ts';
import { onJobsNudge, runDueJobs, type JobLog } from './jobs.ts';

export type JobWorker = {
  /** Stops polling and waits for the jobs in hand. */
  stop: () => Promise<void>;
  /** Look now rather than at the next poll (also reached through nudgeJobs()). */
  nudge: () => void;
};

const BATCH_SIZE = 20;

/**
 * Runs runDueJobs at once, then every pollMs and whenever nudged, until stopped (platform/poller.ts).
 * Started by server/serve.ts after the app listens (so every feature's handlers are registered),
 * stopped before the database closes; tests do not start it (they call runDueJobs with their clock).
 */
export function startJobWorker(options: { db: Database; clock: Clock; log: JobLog; pollMs: number }): JobWorker {
  const poller = startPoller({
    intervalMs: options.pollMs,
    round: async () => (await runDueJobs(options.db, options.clock, { limit: BATCH_SIZE, log: options.log })).claimed === BATCH_SIZE,
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
