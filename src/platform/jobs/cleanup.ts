import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { JobLog } from './jobs.ts';
import { registerRecurringJob } from './recurring.ts';
import { deleteFinishedJobs } from './store.ts';

/**
 * The clean-up of finished jobs, a recurring job of the platform: once a day (at 00:00 UTC) the
 * rows of jobs that are over (one per appointment reminder, one per recurring round) are deleted,
 * so the table holds what is pending and what is recent enough to look into.
 */
export const CLEANUP_JOB = 'jobs-cleanup';

const DAY_MS = 24 * 60 * 60_000;
/** Done and cancelled jobs are kept this long after they finished (cancelled ones: after their run_at, see store.ts). */
export const KEEP_FINISHED_DAYS = 30;
/** Failed ones longer, for someone to find out why. */
export const KEEP_FAILED_DAYS = 90;
/** Rows per statement: each is a short transaction, so a clean-up never holds many rows long. */
const BATCH_SIZE = 5_000;
/**
 * Enough for any day's jobs; a bigger backlog (the first clean-up of an old database) goes on the
 * next day. So does what is left after a minute of work: well within the handler's timeout (jobs.ts).
 */
const MAX_BATCHES = 100;
const MAX_WORK_MS = 60_000;

export async function cleanUpFinishedJobs(
  db: Database,
  clock: Clock,
  options: { names?: string[]; batchSize?: number; maxBatches?: number; log?: JobLog } = {},
): Promise<{ deleted: number; more: boolean }> {
  const now = clock.now().getTime();
  const cutoffs = { finishedBefore: new Date(now - KEEP_FINISHED_DAYS * DAY_MS), failedBefore: new Date(now - KEEP_FAILED_DAYS * DAY_MS) };
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // Real time, not the clock: this bounds the work, it does not say which jobs are old.
  const stopAt = performance.now() + MAX_WORK_MS;
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? MAX_BATCHES) && performance.now() < stopAt; batch++) {
    const rows = await deleteFinishedJobs(db, cutoffs, batchSize, options.names);
    deleted += rows;
    if (rows < batchSize) return { deleted, more: false };
  }
  options.log?.warn({ deleted }, 'finished jobs: more may be left than one clean-up deletes; the rest goes next time');
  return { deleted, more: true };
}

// Registered when the module loads; worker.ts imports it, so every process that runs jobs has it.
registerRecurringJob(CLEANUP_JOB, DAY_MS, async (db, clock, { log }) => {
  const { deleted } = await cleanUpFinishedJobs(db, clock, { log });
  if (deleted > 0) log.info({ deleted }, 'finished jobs deleted');
});
