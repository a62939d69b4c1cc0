import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { MAX_ATTEMPTS } from '../notifications/retry.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { cancelJob, LEASE_MS, nudgeJobs, registerJobHandler, runDueJobs, scheduleJob } from './jobs.ts';
import { claimDueJobs, findJob } from './store.ts';
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
    const worker = startJobWorker({ db: t.db.db, clock: t.clock, log, pollMs: 60 * MINUTE });
    const job = recordingHandler();
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
