import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { jobs } from './tables.ts';

/** Queries of the jobs table; jobs.ts decides when each is used. */

export type JobRow = typeof jobs.$inferSelect;
export type ClaimedJob = Pick<JobRow, 'id' | 'name' | 'key' | 'payload' | 'attempts' | 'lockedUntil'>;

type NewJob = { name: string; key: string; runAt: Date; payload: Record<string, unknown>; createdAt: Date };

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters (seven a row). */
const ROWS_PER_STATEMENT = 1_000;

/** The items in runs of ROWS_PER_STATEMENT, a statement each. */
function* perStatement<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) yield items.slice(start, start + ROWS_PER_STATEMENT);
}

const asPending = (values: NewJob[]) => values.map((job) => ({ ...job, status: 'pending', attempts: 0 }));

/**
 * Inserts the jobs, or replaces those with the same key: new time and payload, pending again,
 * attempts from 0. Many in one statement (a unit's reminders moved at once); keys must differ.
 */
export async function upsertJobs(tx: Tx, values: NewJob[]): Promise<void> {
  for (const batch of perStatement(values)) {
    await tx
      .insert(jobs)
      .values(asPending(batch))
      .onConflictDoUpdate({
        target: jobs.key,
        set: {
          name: sql`excluded.name`,
          runAt: sql`excluded.run_at`,
          payload: sql`excluded.payload`,
          status: 'pending',
          attempts: 0,
          lockedUntil: null,
          lastError: null,
          finishedAt: null,
        },
      });
  }
}

/**
 * Inserts the jobs whose key is not there yet, and leaves those that are alone, whatever their
 * status (INSERT … ON CONFLICT DO NOTHING): a recurring job's round that has run stays done.
 * Keys must differ.
 */
export async function insertJobsIfAbsent(tx: Tx, values: NewJob[]): Promise<void> {
  for (const batch of perStatement(values)) {
    await tx.insert(jobs).values(asPending(batch)).onConflictDoNothing({ target: jobs.key });
  }
}

/** The pending jobs with these keys become cancelled; how many there were. */
export async function cancelPendingJobs(tx: Tx, keys: string[]): Promise<number> {
  let cancelled = 0;
  for (const batch of perStatement(keys)) {
    const rows = await tx
      .update(jobs)
      .set({ status: 'cancelled', lockedUntil: null })
      .where(and(inArray(jobs.key, batch), eq(jobs.status, 'pending')))
      .returning({ id: jobs.id });
    cancelled += rows.length;
  }
  return cancelled;
}

/**
 * Claims up to `limit` due jobs of the given names (and keys, if given) in one statement (so one short transaction): pending, due,
 * and not held by a live lease (a lease that ran out is a crashed or stalled worker, so the
 * job is taken again). The rows are picked with FOR UPDATE SKIP LOCKED, the attempt counted
 * and `locked_until` set to `leaseUntil`; a concurrent claim skips them meanwhile.
 */
export async function claimDueJobs(
  db: Database,
  which: { names: string[]; keys?: string[] },
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedJob[]> {
  if (which.names.length === 0 || which.keys?.length === 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.status, 'pending'),
        inArray(jobs.name, which.names),
        which.keys ? inArray(jobs.key, which.keys) : undefined,
        lte(jobs.runAt, now),
        or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({ attempts: sql`${jobs.attempts} + 1`, lockedUntil: leaseUntil })
    .where(inArray(jobs.id, due))
    .returning({ id: jobs.id, name: jobs.name, key: jobs.key, payload: jobs.payload, attempts: jobs.attempts, lockedUntil: jobs.lockedUntil });
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The outcome of a run is written only while this worker still holds the job: same id, still
 * pending and the lease it set. A job replaced meanwhile (scheduleJob clears the lease), cancelled,
 * or re-taken by another worker after the lease ran out is left to whoever owns it now.
 */
const heldBy = (job: ClaimedJob) => and(eq(jobs.id, job.id), eq(jobs.status, 'pending'), eq(jobs.lockedUntil, job.lockedUntil!));

export async function markJobDone(db: Database, job: ClaimedJob, finishedAt: Date): Promise<boolean> {
  const rows = await db.update(jobs).set({ status: 'done', finishedAt, lockedUntil: null, lastError: null }).where(heldBy(job)).returning({ id: jobs.id });
  return rows.length > 0;
}

/** Tried again not before `notBefore` (kept in locked_until, so run_at stays the moment it was meant for). */
export async function markJobRetry(db: Database, job: ClaimedJob, notBefore: Date, lastError: string): Promise<void> {
  await db.update(jobs).set({ lockedUntil: notBefore, lastError }).where(heldBy(job));
}

export async function markJobFailed(db: Database, job: ClaimedJob, finishedAt: Date, lastError: string): Promise<void> {
  await db.update(jobs).set({ status: 'failed', finishedAt, lockedUntil: null, lastError }).where(heldBy(job));
}

export async function findJob(db: Database, key: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.key, key));
  return row ?? null;
}

/**
 * Deletes up to `limit` finished jobs (one statement, so a short lock): done and cancelled ones
 * that finished before `finishedBefore`, failed ones before `failedBefore`. A cancelled job has no
 * finished_at (cancelling takes no clock), so its run_at counts instead: it was still pending when
 * cancelled, so it ended about then or before (a job cancelled long before its time is kept a
 * little longer). Rows held by another transaction are skipped (SKIP LOCKED); the outer
 * conditions are checked again on the row deleted, so a job scheduled again meanwhile (pending
 * once more, same id) is kept. `names` narrows it to these jobs (tests sharing one database).
 * How many rows went.
 */
export async function deleteFinishedJobs(
  db: Database,
  cutoffs: { finishedBefore: Date; failedBefore: Date },
  limit: number,
  names?: string[],
): Promise<number> {
  if (names?.length === 0) return 0;
  const finished = or(
    and(inArray(jobs.status, ['done', 'cancelled']), sql`coalesce(${jobs.finishedAt}, ${jobs.runAt}) < ${cutoffs.finishedBefore.toISOString()}::timestamptz`),
    and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, cutoffs.failedBefore)),
  );
  const which = and(finished, names ? inArray(jobs.name, names) : undefined);
  const old = db.select({ id: jobs.id }).from(jobs).where(which).limit(limit).for('update', { skipLocked: true });
  const rows = await db
    .delete(jobs)
    .where(and(inArray(jobs.id, old), which))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Which of these keys belong to jobs that have run (done). */
export async function findDoneKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (const batch of perStatement(keys)) {
    const rows = await tx
      .select({ key: jobs.key })
      .from(jobs)
      .where(and(inArray(jobs.key, batch), eq(jobs.status, 'done')));
    for (const row of rows) done.add(row.key);
  }
  return done;
}
