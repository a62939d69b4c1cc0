import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { registerJobHandler, type JobContext } from './jobs.ts';
import { checkPeriod, nextSlotAfter, slotKey } from './recurring-model.ts';
import { insertJobsIfAbsent } from './store.ts';

/**
 * Recurring jobs (the self-monitoring check, the clean-up of finished jobs): work done every so
 * often by one process of many, through the job table itself. Each round is a job row of its own,
 * keyed `<name>@<slot start>` (recurring-model.ts). The first round is planned by
 * ensureRecurringJobs when a job worker starts; each round, when it has run, plans the one after.
 * Both only ever insert a slot's row if its key is not there (ON CONFLICT DO NOTHING), so:
 * - several processes, or one restarted, plan the same slot once, and a round that has run stays done;
 * - a round that takes longer than its period plans the first slot after it ends: no overlap, no pile-up;
 * - after hours without a process, the one overdue round runs once, then the next slot after now;
 *   the handler catches up on what was missed (it runs "since the last time", not "for this slot");
 * - a changed period joins in within a round (the old chain's round plans a slot of the new period).
 * Handlers must be idempotent, as every job handler (jobs.ts). A round that fails is retried as any
 * job, and the following round is planned all the same, so one bad round does not end the chain.
 * A name no longer registered (MONITORING_CHECK_MINUTES=0) keeps its last pending row, unclaimed,
 * until it is registered again: then that round runs at once.
 */
export type RecurringHandler = (db: Database, clock: Clock, context: JobContext) => Promise<void>;

const periods = new Map<string, number>();

/**
 * Registers a recurring job: `handler` runs once per `everyMs` slot (whole milliseconds; slots are
 * multiples of it since the epoch, so a day starts at 00:00 UTC). Call it when the module loads, or
 * before the job worker starts; registering a name again replaces it.
 */
export function registerRecurringJob(name: string, everyMs: number, handler: RecurringHandler): void {
  checkPeriod(name, everyMs);
  periods.set(name, everyMs);
  registerJobHandler(name, async (db, clock, _payload, context) => {
    try {
      await handler(db, clock, context);
    } finally {
      // After the handler, from the clock as it is then: a slow round skips the slots it overran.
      await planNextRounds(db, clock, [name]);
    }
  });
}

/**
 * Plans the next round of each registered recurring job (of `names` only, if given: tests sharing
 * one database ensure only their own) unless its row is already there. The job worker calls it
 * when it starts (worker.ts); tests do not start a worker, so recurring jobs never run under test
 * unless a test runs them. Returns each job's next round (whether planned now or already there), for the log.
 */
export async function ensureRecurringJobs(db: Database, clock: Clock, options: { names?: string[] } = {}): Promise<{ name: string; runAt: Date }[]> {
  const names = [...periods.keys()].filter((name) => !options.names || options.names.includes(name));
  return planNextRounds(db, clock, names);
}

async function planNextRounds(db: Database, clock: Clock, names: string[]): Promise<{ name: string; runAt: Date }[]> {
  const now = clock.now();
  const rounds = names.map((name) => ({ name, runAt: nextSlotAfter(now, periods.get(name)!) }));
  await insertJobsIfAbsent(
    db,
    rounds.map(({ name, runAt }) => ({ name, key: slotKey(name, runAt), runAt, payload: {}, createdAt: now })),
  );
  return rounds;
}
