import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { afterFailure, MAX_ATTEMPTS, shortError } from '../notifications/retry.ts';
import type { WorkerLog } from '../notifications/worker.ts';
import { cancelPendingJobs, claimDueJobs, findDoneKeys, markJobDone, markJobFailed, markJobRetry, upsertJobs, type ClaimedJob } from './store.ts';

/**
 * Durable scheduled jobs (an appointment's reminder, later deadlines): a row in `jobs`, written
 * in the same transaction as the change that causes it, run by the job worker (worker.ts) when
 * due — after a restart too, and once across several processes (FOR UPDATE SKIP LOCKED and a
 * lease). Why a table of our own and not pg-boss: ARCHITECTURE.md, "Jobs".
 *
 * HANDLERS MUST BE IDEMPOTENT. A job runs at least once, not exactly once: a worker that dies
 * (or stalls past its lease) after the handler did its work but before `done` was written means
 * the job is run again by another worker. Make the handler's effect safe to repeat — e.g. enqueue
 * notifications with a dedupe key — and have it re-check the state it acts on (the appointment
 * may have been cancelled or moved since the job was scheduled).
 */

/**
 * Runs a job. Opens its own transactions on `db` (never one across slow I/O); throws to have the job
 * retried. `context.log` is the worker's log (silent when runDueJobs was given none, as in tests).
 */
export type JobHandler = (db: Database, clock: Clock, payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export type JobContext = { log: JobLog };

export type ScheduledJob = {
  /** The handler's name, e.g. appointment-reminder. */
  name: string;
  /** Unique among all jobs, e.g. appointment-reminder:<appointment id>; scheduling the same key again replaces the job. */
  key: string;
  runAt: Date;
  /** Ids and times only: the row is not the place for patient data. */
  payload: Record<string, unknown>;
};

export type RunReport = { claimed: number; done: number; retried: number; failed: number };

/** How long a claimed job is held; after it another worker takes the job again (this one is taken to have crashed). */
export const LEASE_MS = 5 * 60_000;
/** A handler that takes longer counts as failed (and is retried), well before its lease runs out. */
export const HANDLER_TIMEOUT_MS = 2 * 60_000;
const DEFAULT_LIMIT = 20;

const handlers = new Map<string, JobHandler>();

/**
 * Registers the handler of a job name. Features call it when their module loads (e.g.
 * features/appointments/jobs.ts), so every process that serves the app can run their jobs.
 * Registering a name twice replaces the handler (a module reloaded in tests).
 */
export function registerJobHandler(name: string, handler: JobHandler): void {
  handlers.set(name, handler);
}

/**
 * Schedules a job in the caller's transaction, or replaces the pending/finished job with the same
 * key: new time and payload, pending again, attempts from 0. So it commits or rolls back with the
 * change that caused it.
 */
export async function scheduleJob(tx: Tx, clock: Clock, job: ScheduledJob): Promise<void> {
  await scheduleJobs(tx, clock, [job]);
}

/** scheduleJob for many jobs at once (in few statements); their keys must differ. */
export async function scheduleJobs(tx: Tx, clock: Clock, many: ScheduledJob[]): Promise<void> {
  const createdAt = clock.now();
  await upsertJobs(tx, many.map((job) => ({ ...job, createdAt })));
}

/** Cancels the pending job with this key; false when there was none (already run, cancelled, or never scheduled). */
export async function cancelJob(tx: Tx, key: string): Promise<boolean> {
  return (await cancelPendingJobs(tx, [key])) > 0;
}

/** Which of these keys are jobs that have already run (a reminder sent, say), so they are not scheduled again. */
export async function jobsDone(tx: Tx, keys: string[]): Promise<Set<string>> {
  return findDoneKeys(tx, keys);
}

/** cancelJob for many keys at once; how many pending jobs were cancelled. */
export async function cancelJobs(tx: Tx, keys: string[]): Promise<number> {
  return cancelPendingJobs(tx, keys);
}

class HandlerTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

async function runWithTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HandlerTimeout(`no result within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const silentLog: JobLog = { info: () => {}, warn: () => {}, error: () => {} };

async function runOne(db: Database, clock: Clock, job: ClaimedJob, timeoutMs: number, log: JobLog | undefined): Promise<void> {
  const handler = handlers.get(job.name);
  if (!handler) throw new Error(`no handler registered for job ${job.name}`);
  await runWithTimeout(handler(db, clock, job.payload, { log: log ?? silentLog }), timeoutMs);
}

/** Each registered name, or those of them asked for. */
function namesToClaim(only: string[] | undefined): string[] {
  return only ? only.filter((name) => handlers.has(name)) : [...handlers.keys()];
}

/**
 * Claims the due jobs (one short statement), runs each handler with no transaction of ours open,
 * and records the outcome: done; or, when the handler threw, tried again after 1, 2, 4 … minutes
 * (the outbox's backoff, at most 6 h) and failed after MAX_ATTEMPTS. A job whose lease ran out
 * counts that as an attempt, so one that crashes its worker every time ends as failed too.
 *
 * Only jobs whose name has a handler in this process are claimed: a process of an older version
 * (a rolling deploy) leaves a newer kind of job to the processes that know it. `names` narrows
 * that further, and `keys` to these jobs only (tests sharing one PostgreSQL database run only
 * their own jobs).
 */
export async function runDueJobs(
  db: Database,
  clock: Clock,
  options: { limit?: number; names?: string[]; keys?: string[]; leaseMs?: number; timeoutMs?: number; log?: JobLog } = {},
): Promise<RunReport> {
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? LEASE_MS));
  const claimed = await claimDueJobs(db, { names: namesToClaim(options.names), keys: options.keys }, now, leaseUntil, options.limit ?? DEFAULT_LIMIT);
  const report: RunReport = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
  for (const job of claimed) {
    if (job.attempts > MAX_ATTEMPTS) {
      await markJobFailed(db, job, clock.now(), 'lease ran out too often (the worker crashed or stalled)');
      report.failed++;
      options.log?.error({ jobId: job.id, job: job.name, attempts: job.attempts }, 'job failed for good');
      continue;
    }
    try {
      await runOne(db, clock, job, options.timeoutMs ?? HANDLER_TIMEOUT_MS, options.log);
      await markJobDone(db, job, clock.now());
      report.done++;
    } catch (error) {
      const lastError = shortError(error);
      const outcome = afterFailure(job.attempts, clock.now());
      if (outcome.status === 'failed') {
        await markJobFailed(db, job, clock.now(), lastError);
        report.failed++;
        options.log?.error({ jobId: job.id, job: job.name, attempts: job.attempts, error: lastError }, 'job failed for good');
      } else {
        await markJobRetry(db, job, outcome.nextAttemptAt, lastError);
        report.retried++;
        options.log?.warn(
          { jobId: job.id, job: job.name, attempts: job.attempts, nextAttemptAt: outcome.nextAttemptAt.toISOString(), error: lastError },
          'job failed, will retry',
        );
      }
    }
  }
  return report;
}

/** A pino-like logger, as the outbox worker takes. */
export type JobLog = WorkerLog;

const nudgeListeners = new Set<() => void>();

/**
 * Tells a running job worker to look now rather than at its next poll (a job scheduled to run at
 * once). Call it after the scheduling transaction has committed; without a worker it does nothing.
 */
export function nudgeJobs(): void {
  for (const listener of nudgeListeners) listener();
}

/** For worker.ts: a started worker listens for nudges until it stops. */
export function onJobsNudge(listener: () => void): () => void {
  nudgeListeners.add(listener);
  return () => nudgeListeners.delete(listener);
}
