import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { fixedClock, type Clock } from '../clock.ts';
import { MAX_ATTEMPTS } from '../notifications/retry.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { cancelJob, LEASE_MS, nudgeJobs, registerJobHandler, runDueJobs, scheduleJob } from './jobs.ts';
import { ensureRecurringJobs, registerRecurringJob } from './recurring.ts';
import { claimDueJobs, findJob } from './store.ts';
import { jobs } from './tables.ts';
import { startJobWorker } from './worker.ts';

// Far from the other test files' clocks: on a shared PostgreSQL their workers never find these jobs due.
const START = '2031-03-10T08:00:00Z';
const MINUTE = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: START });
});
afterAll(async () => t?.close());

/** A job name of this test alone, with a handler that records each run's payload. */
function recordingHandler(behaviour: (payload: Record<string, unknown>) => Promise<void> = async () => {}) {
  const name = `test-job-${randomUUID()}`;
  const runs: Record<string, unknown>[] = [];
  registerJobHandler(name, async (_db, _clock, payload) => {
    runs.push(payload);
    await behaviour(payload);
  });
  return { name, runs, run: (clock: Clock = t.clock) => runDueJobs(t.db.db, clock, { names: [name] }) };
}

const at = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs);
const schedule = (name: string, key: string, runAt: Date, payload: Record<string, unknown> = {}) =>
  t.db.db.transaction((tx) => scheduleJob(tx, t.clock, { name, key, runAt, payload }));

describe('scheduleJob and runDueJobs', () => {
  it('runs a job when it is due, not before, and only once', async () => {
    const job = recordingHandler();
    const key = `k-${randomUUID()}`;
    await schedule(job.name, key, at(10 * MINUTE), { appointmentId: 'a1' });
    expect(await findJob(t.db.db, key)).toMatchObject({ name: job.name, status: 'pending', attempts: 0, payload: { appointmentId: 'a1' } });

    expect(await job.run()).toEqual({ claimed: 0, done: 0, retried: 0, failed: 0 });
    t.clock.advance(10 * MINUTE - 1);
    expect((await job.run()).claimed).toBe(0);
    t.clock.advance(1);
    expect(await job.run()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(job.runs).toEqual([{ appointmentId: 'a1' }]);
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null, finishedAt: t.clock.now() });

    t.clock.advance(MINUTE);
    expect((await job.run()).claimed).toBe(0);
    expect(job.runs).toHaveLength(1);
  });

  it('rolls back with the transaction that scheduled it', async () => {
    const job = recordingHandler();
    const key = `k-${randomUUID()}`;
    await expect(
      t.db.db.transaction(async (tx) => {
        await scheduleJob(tx, t.clock, { name: job.name, key, runAt: at(0), payload: {} });
        throw new Error('the booking could not be saved');
      }),
    ).rejects.toThrow('the booking could not be saved');
    expect(await findJob(t.db.db, key)).toBeNull();
  });

  it('replaces the job with the same key: new time and payload, pending again', async () => {
    const job = recordingHandler();
    const key = `k-${randomUUID()}`;
    await schedule(job.name, key, at(5 * MINUTE), { startsAt: 'first' });
    await schedule(job.name, key, at(60 * MINUTE), { startsAt: 'second' });
    t.clock.advance(5 * MINUTE);
    expect((await job.run()).claimed).toBe(0);
    t.clock.advance(55 * MINUTE);
    expect((await job.run()).done).toBe(1);
    expect(job.runs).toEqual([{ startsAt: 'second' }]);

    // Scheduling a finished job's key again makes it pending again, attempts from 0.
    await schedule(job.name, key, at(MINUTE), { startsAt: 'third' });
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'pending', attempts: 0, finishedAt: null });
    t.clock.advance(MINUTE);
    await job.run();
    expect(job.runs.at(-1)).toEqual({ startsAt: 'third' });
  });

  it('cancels a pending job, which then never runs', async () => {
    const job = recordingHandler();
    const key = `k-${randomUUID()}`;
    await schedule(job.name, key, at(MINUTE));
    expect(await t.db.db.transaction((tx) => cancelJob(tx, key))).toBe(true);
    expect(await t.db.db.transaction((tx) => cancelJob(tx, key))).toBe(false);
    expect(await t.db.db.transaction((tx) => cancelJob(tx, `k-${randomUUID()}`))).toBe(false);
    t.clock.advance(MINUTE);
    expect((await job.run()).claimed).toBe(0);
    expect(job.runs).toEqual([]);
    expect((await findJob(t.db.db, key))?.status).toBe('cancelled');
  });

  it('retries a failing handler with backoff, then marks the job failed', async () => {
    const job = recordingHandler(async () => {
      throw new Error('SMTP said no to patient@example.se');
    });
    const key = `k-${randomUUID()}`;
    await schedule(job.name, key, at(0));
    expect(await job.run()).toMatchObject({ claimed: 1, retried: 1 });
    const afterFirst = await findJob(t.db.db, key);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP said no to [address]' });
    expect(afterFirst?.lockedUntil).toEqual(at(MINUTE));
    // Not again before the backoff has passed.
    t.clock.advance(MINUTE - 1);
    expect((await job.run()).claimed).toBe(0);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t.clock.advance(6 * 60 * MINUTE);
      const report = await job.run();
      expect(report).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
    }
    expect(job.runs).toHaveLength(MAX_ATTEMPTS);
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lockedUntil: null, finishedAt: t.clock.now() });
    t.clock.advance(6 * 60 * MINUTE);
    expect((await job.run()).claimed).toBe(0);
  });

  it('takes a job again when the worker that claimed it crashed (its lease ran out)', async () => {
    const job = recordingHandler();
    const key = `k-${randomUUID()}`;
    await schedule(job.name, key, at(0));
    // A worker claims it and dies before running it.
    const now = t.clock.now();
    expect(await claimDueJobs(t.db.db, { names: [job.name] }, now, new Date(now.getTime() + LEASE_MS), 10)).toHaveLength(1);
    expect((await job.run()).claimed).toBe(0);
    t.clock.advance(LEASE_MS - 1);
    expect((await job.run()).claimed).toBe(0);
    t.clock.advance(1);
    expect(await job.run()).toMatchObject({ claimed: 1, done: 1 });
    expect(job.runs).toHaveLength(1);
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('does not mark done a job that was replaced while it ran: the new one still runs', async () => {
    const key = `k-${randomUUID()}`;
    let replaced = false;
    const job = recordingHandler(async () => {
      if (replaced) return;
      replaced = true;
      await schedule(job.name, key, at(30 * MINUTE), { startsAt: 'moved' });
    });
    await schedule(job.name, key, at(0), { startsAt: 'original' });
    expect((await job.run()).claimed).toBe(1);
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'pending', payload: { startsAt: 'moved' } });
    t.clock.advance(30 * MINUTE);
    await job.run();
    expect(job.runs).toEqual([{ startsAt: 'original' }, { startsAt: 'moved' }]);
    expect((await findJob(t.db.db, key))?.status).toBe('done');
  });

  it('runs a job once when two workers look at the same moment', async () => {
    const job = recordingHandler(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const keys = Array.from({ length: 5 }, () => `k-${randomUUID()}`);
    for (const key of keys) await schedule(job.name, key, at(0), { key });
    const reports = await Promise.all([job.run(), job.run(), job.run()]);
    expect(reports.reduce((sum, report) => sum + report.done, 0)).toBe(5);
    expect(job.runs.map((payload) => payload.key).sort()).toEqual([...keys].sort());
  });

  it('claims only jobs with a handler in this process', async () => {
    const key = `k-${randomUUID()}`;
    const unknownName = `unregistered-${randomUUID()}`;
    await schedule(unknownName, key, at(0));
    await runDueJobs(t.db.db, t.clock, { names: [unknownName] });
    expect(await findJob(t.db.db, key)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('startJobWorker', () => {
  it('runs a due job at once when nudged, and stops cleanly', async () => {
    const errors: object[] = [];
    const log = { info: () => {}, warn: () => {}, error: (object: object) => void errors.push(object) };
    const job = recordingHandler();
    // Its own job only: a worker of all names would run other test files' jobs on a shared database.
    const worker = startJobWorker({ db: t.db.db, clock: t.clock, log, pollMs: 60 * MINUTE, names: [job.name] });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const key = `k-${randomUUID()}`;
      await schedule(job.name, key, at(0), { nudged: true });
      nudgeJobs();
      const deadline = Date.now() + 5000;
      while (job.runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(job.runs).toEqual([{ nudged: true }]);
    } finally {
      await worker.stop();
    }
    // A stopped worker ignores nudges.
    await schedule(job.name, `k-${randomUUID()}`, at(0), { stopped: true });
    nudgeJobs();
    worker.nudge();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(job.runs).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('recurring jobs', () => {
  const QUARTER = 15 * MINUTE;

  /** A recurring job of this test alone, every 15 minutes, with its own clock (so its slots are known). */
  function recurringJob(behaviour: (clock: ReturnType<typeof fixedClock>) => Promise<void> = async () => {}) {
    const name = `test-recurring-${randomUUID()}`;
    const clock = fixedClock('2031-03-10T08:07:00Z');
    let runs = 0;
    registerRecurringJob(name, QUARTER, async () => {
      runs++;
      await behaviour(clock);
    });
    return {
      name,
      clock,
      runs: () => runs,
      key: (slot: string) => `${name}@${new Date(slot).toISOString()}`,
      /** A process starting (its clock may differ). */
      ensure: (at: Clock = clock) => ensureRecurringJobs(t.db.db, at, { names: [name] }),
      run: (at: Clock = clock) => runDueJobs(t.db.db, at, { names: [name] }),
      rows: async () =>
        (await t.db.db.select().from(jobs).where(eq(jobs.name, name)).orderBy(asc(jobs.runAt))).map((row) => ({
          slot: row.runAt.toISOString(),
          key: row.key,
          status: row.status,
        })),
    };
  }

  it('plans one round, the next slot, however often and by however many processes it is ensured', async () => {
    const job = recurringJob();
    expect(await job.ensure()).toEqual([{ name: job.name, runAt: new Date('2031-03-10T08:15:00Z') }]);
    await job.ensure();
    await job.ensure(fixedClock('2031-03-10T08:14:59.999Z'));
    expect(await job.rows()).toEqual([{ slot: '2031-03-10T08:15:00.000Z', key: job.key('2031-03-10T08:15:00Z'), status: 'pending' }]);
    // Ensuring plans only the jobs asked for: another test's recurring job has no row from this.
    const other = recurringJob();
    expect(await other.rows()).toEqual([]);
  });

  it('runs a round when its slot comes, and that round plans exactly the following slot', async () => {
    const job = recurringJob();
    await job.ensure();
    job.clock.set('2031-03-10T08:14:59.999Z');
    expect((await job.run()).claimed).toBe(0);
    job.clock.set('2031-03-10T08:15:04Z');
    expect(await job.run()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect((await job.run()).claimed).toBe(0);
    expect(job.runs()).toBe(1);
    expect(await job.rows()).toEqual([
      { slot: '2031-03-10T08:15:00.000Z', key: job.key('2031-03-10T08:15:00Z'), status: 'done' },
      { slot: '2031-03-10T08:30:00.000Z', key: job.key('2031-03-10T08:30:00Z'), status: 'pending' },
    ]);
    job.clock.set('2031-03-10T08:30:00Z');
    expect((await job.run()).done).toBe(1);
    expect(job.runs()).toBe(2);
    expect((await job.rows()).map((row) => `${row.slot} ${row.status}`)).toEqual([
      '2031-03-10T08:15:00.000Z done',
      '2031-03-10T08:30:00.000Z done',
      '2031-03-10T08:45:00.000Z pending',
    ]);
  });

  it('never makes a round that has run pending again: a process starting afterwards does not run it twice', async () => {
    const job = recurringJob();
    await job.ensure();
    job.clock.set('2031-03-10T08:15:00.500Z');
    await job.run();
    // A second process, whose clock is a moment behind, starts: it would plan 08:15, which is done.
    const second = fixedClock('2031-03-10T08:14:59Z');
    expect(await job.ensure(second)).toEqual([{ name: job.name, runAt: new Date('2031-03-10T08:15:00Z') }]);
    second.set('2031-03-10T08:15:01Z');
    expect((await job.run(second)).claimed).toBe(0);
    // And one starting a minute later plans 08:30, which is already there.
    await job.ensure(fixedClock('2031-03-10T08:16:00Z'));
    expect(job.runs()).toBe(1);
    expect((await job.rows()).map((row) => `${row.slot} ${row.status}`)).toEqual(['2031-03-10T08:15:00.000Z done', '2031-03-10T08:30:00.000Z pending']);
  });

  it('after hours without a process, runs the overdue round once and goes on from now, not through every missed slot', async () => {
    const job = recurringJob();
    await job.ensure();
    // Stopped at 08:10, started again at 13:02.
    job.clock.set('2031-03-10T13:02:00Z');
    expect(await job.ensure()).toEqual([{ name: job.name, runAt: new Date('2031-03-10T13:15:00Z') }]);
    expect(await job.run()).toMatchObject({ claimed: 1, done: 1 });
    expect((await job.run()).claimed).toBe(0);
    expect(job.runs()).toBe(1);
    expect((await job.rows()).map((row) => `${row.slot} ${row.status}`)).toEqual(['2031-03-10T08:15:00.000Z done', '2031-03-10T13:15:00.000Z pending']);
    job.clock.set('2031-03-10T13:15:00Z');
    await job.run();
    expect(job.runs()).toBe(2);
  });

  it('after a round that took longer than its period, plans the first slot after it ended', async () => {
    const job = recurringJob(async (clock) => clock.advance(40 * MINUTE));
    await job.ensure();
    job.clock.set('2031-03-10T08:15:00Z');
    expect((await job.run()).done).toBe(1);
    expect((await job.rows()).map((row) => `${row.slot} ${row.status}`)).toEqual(['2031-03-10T08:15:00.000Z done', '2031-03-10T09:00:00.000Z pending']);
  });

  it('retries a failing round as any job, and plans the following round all the same', async () => {
    const job = recurringJob(async () => {
      throw new Error('the database went away');
    });
    await job.ensure();
    job.clock.set('2031-03-10T08:15:00Z');
    expect(await job.run()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await findJob(t.db.db, job.key('2031-03-10T08:15:00Z'))).toMatchObject({ status: 'pending', attempts: 1, lastError: 'the database went away' });
    expect((await job.rows()).map((row) => `${row.slot} ${row.status}`)).toEqual(['2031-03-10T08:15:00.000Z pending', '2031-03-10T08:30:00.000Z pending']);
  });

  it('refuses a period that is not a whole, positive number of milliseconds', () => {
    expect(() => registerRecurringJob(`test-recurring-${randomUUID()}`, 0, async () => {})).toThrow(/period/);
  });

  it('is planned by the job worker when it starts', async () => {
    const job = recurringJob();
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const worker = startJobWorker({ db: t.db.db, clock: job.clock, log, pollMs: 60 * MINUTE, names: [job.name] });
    try {
      const deadline = Date.now() + 5000;
      while ((await job.rows()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await worker.stop();
    }
    expect(await job.rows()).toEqual([{ slot: '2031-03-10T08:15:00.000Z', key: job.key('2031-03-10T08:15:00Z'), status: 'pending' }]);
  });
});

describe('after a restart', () => {
  it('runs a job scheduled before the server stopped', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nara-jobs-'));
    try {
      const key = `k-${randomUUID()}`;
      const first = await createTestApp({ now: START, dataDir });
      const job = recordingHandler();
      await first.db.db.transaction((tx) =>
        scheduleJob(tx, first.clock, { name: job.name, key, runAt: new Date(first.clock.now().getTime() + 60 * MINUTE), payload: { survived: true } }),
      );
      await first.close();

      const second = await createTestApp({ now: START, dataDir });
      try {
        second.clock.advance(60 * MINUTE);
        expect(await runDueJobs(second.db.db, second.clock, { names: [job.name] })).toMatchObject({ claimed: 1, done: 1 });
        expect(job.runs).toEqual([{ survived: true }]);
        expect((await findJob(second.db.db, key))?.status).toBe('done');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
