import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { cleanUpFinishedJobs } from './cleanup.ts';
import { jobs } from './tables.ts';

// Old dates, and only jobs of this file's own names are cleaned up: other test files share the database.
const NOW = '2031-06-01T03:00:00Z';
const DAY = 24 * 60 * 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => t?.close());

const daysAgo = (days: number, extraMs = 0) => new Date(Date.parse(NOW) - days * DAY + extraMs);

type Row = { label: string; status: 'pending' | 'done' | 'failed' | 'cancelled'; runAt: Date; finishedAt: Date | null };

async function insertRows(name: string, rows: Row[]): Promise<void> {
  await t.db.db.insert(jobs).values(
    rows.map((row) => ({
      name,
      key: `${name}:${row.label}`,
      payload: {},
      runAt: row.runAt,
      status: row.status,
      attempts: row.status === 'pending' || row.status === 'cancelled' ? 0 : 1,
      createdAt: daysAgo(400),
      finishedAt: row.finishedAt,
    })),
  );
}

async function labelsLeft(...names: string[]): Promise<string[]> {
  const rows = await t.db.db.select({ key: jobs.key }).from(jobs).where(inArray(jobs.name, names));
  return rows.map((row) => row.key.slice(row.key.indexOf(':') + 1)).sort();
}

describe('cleanUpFinishedJobs', () => {
  it('deletes done and cancelled jobs after 30 days, failed ones after 90, and never a pending one', async () => {
    const name = `test-cleanup-${randomUUID()}`;
    await insertRows(name, [
      { label: 'done-31d', status: 'done', runAt: daysAgo(31), finishedAt: daysAgo(31) },
      { label: 'done-30d-exactly', status: 'done', runAt: daysAgo(31), finishedAt: daysAgo(30) },
      // Planned long ago but run (or retried) only recently: the finishing time counts.
      { label: 'done-late', status: 'done', runAt: daysAgo(60), finishedAt: daysAgo(29) },
      { label: 'cancelled-planned-31d', status: 'cancelled', runAt: daysAgo(31), finishedAt: null },
      { label: 'cancelled-planned-29d', status: 'cancelled', runAt: daysAgo(29), finishedAt: null },
      { label: 'cancelled-planned-ahead', status: 'cancelled', runAt: daysAgo(-90), finishedAt: null },
      { label: 'failed-89d', status: 'failed', runAt: daysAgo(95), finishedAt: daysAgo(89) },
      { label: 'failed-91d', status: 'failed', runAt: daysAgo(95), finishedAt: daysAgo(91) },
      { label: 'pending-200d', status: 'pending', runAt: daysAgo(200), finishedAt: null },
    ]);
    expect(await cleanUpFinishedJobs(t.db.db, t.clock, { names: [name] })).toEqual({ deleted: 3, more: false });
    expect(await labelsLeft(name)).toEqual([
      'cancelled-planned-29d',
      'cancelled-planned-ahead',
      'done-30d-exactly',
      'done-late',
      'failed-89d',
      'pending-200d',
    ]);
    // A day and a moment later the others are past their time too.
    expect((await cleanUpFinishedJobs(t.db.db, fixedClock(daysAgo(-1, 1)), { names: [name] })).deleted).toBe(4);
    expect(await labelsLeft(name)).toEqual(['cancelled-planned-ahead', 'pending-200d']);
  });

  it('deletes in batches until none are left, and stops after the most batches one clean-up may take', async () => {
    const name = `test-cleanup-${randomUUID()}`;
    const other = `test-cleanup-${randomUUID()}`;
    await insertRows(name, Array.from({ length: 7 }, (_, i) => ({ label: `done-${i}`, status: 'done' as const, runAt: daysAgo(40), finishedAt: daysAgo(40) })));
    await insertRows(other, [{ label: 'done', status: 'done', runAt: daysAgo(40), finishedAt: daysAgo(40) }]);

    const warnings: object[] = [];
    const log = { info: () => {}, warn: (object: object) => void warnings.push(object), error: () => {} };
    expect(await cleanUpFinishedJobs(t.db.db, t.clock, { names: [name], batchSize: 2, maxBatches: 2, log })).toEqual({ deleted: 4, more: true });
    expect(warnings).toEqual([{ deleted: 4 }]);
    expect(await labelsLeft(name)).toHaveLength(3);
    // The rest the next time: two full batches and one that is not.
    expect(await cleanUpFinishedJobs(t.db.db, t.clock, { names: [name], batchSize: 2 })).toEqual({ deleted: 3, more: false });
    expect(await labelsLeft(name)).toEqual([]);
    // Only the names asked for.
    expect(await labelsLeft(other)).toEqual(['done']);
  });
});
