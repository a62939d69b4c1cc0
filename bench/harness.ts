import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { luhnCheckDigit } from '../src/lib/personnummer.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { TestClient } from '../src/platform/testing/client.ts';
import { installInterruptHandlers, runAllCleanups } from './cleanup.ts';
import { postgresAvailable, preparePglite, preparePostgres, type BenchDatabase } from './databases.ts';
import { REPORT_FILE, writeSection } from './figures.ts';
import { DEFAULT_SEED, seededRandom } from './generate-region.ts';

/** What the HTTP benchmarks share besides figures.ts: timing GETs, the machine line, made-up personnummer. */

/** Brings the benchmark's database to the current schema. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const session = await handle.openSession();
  try {
    await migrate(session);
  } finally {
    await session.release();
  }
}

/** A line of progress on standard output. */
export function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** Sends `count` GETs one at a time through the whole stack; times the 200s, counts the rest. */
export async function timeGets(client: TestClient, url: string, count: number): Promise<{ samples: number[]; non200: number; last: unknown }> {
  const samples: number[] = [];
  let non200 = 0;
  let last: unknown = null;
  for (let n = 0; n < count; n++) {
    const startedAt = performance.now();
    const response = await client.get(url);
    const elapsed = performance.now() - startedAt;
    if (response.statusCode !== 200) {
      non200 += 1;
      last = response.body;
      continue;
    }
    samples.push(elapsed);
    if (n === count - 1) last = response.json();
  }
  return { samples, non200, last };
}

export function machineLine(startedAt: Date): string {
  let cpus = os.availableParallelism();
  try {
    cpus = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // os.availableParallelism() will do
  }
  const model = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? '?';
  return (
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus} CPUs (nproc; ${model}), ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}.`
  );
}

/** `count` different valid personnummer (born 1930–1999), the same ones for the same seed. */
export function identityNumbers(count: number, seed = DEFAULT_SEED + 100): string[] {
  const random = seededRandom(seed);
  const taken = new Set<string>();
  while (taken.size < count) {
    const year = 1930 + Math.floor(random() * 70);
    const nine = `${String(year).slice(2)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${String(1 + Math.floor(random() * 999)).padStart(3, '0')}`;
    taken.add(`${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`);
  }
  return [...taken];
}

export const ms = (value: number) => value.toFixed(1);

/**
 * The frame of a feature benchmark: measure on a new PostgreSQL database (when one answers)
 * and on PGlite (unless SKIP_PGLITE=1), each thrown away afterwards, then write the
 * benchmark's own section of BENCHMARKS.md from the runs and the reasons for any skipped.
 */
export async function runOnEachDatabase<Run>(benchmark: {
  section: string;
  title: string;
  measure: (database: BenchDatabase) => Promise<Run>;
  render: (runs: Run[], skipped: string[], startedAt: Date, runSeconds: number) => string;
}): Promise<void> {
  installInterruptHandlers();
  const startedAt = new Date();
  const clockStartedAt = performance.now();
  const runs: Run[] = [];
  const skipped: string[] = [];
  const preparations: (() => Promise<BenchDatabase>)[] = [];
  const postgres = await postgresAvailable();
  if (postgres.ok) preparations.push(preparePostgres);
  else skipped.push(`PostgreSQL: not measured, ${postgres.reason}.`);
  if (process.env.SKIP_PGLITE !== '1') preparations.push(preparePglite);
  else skipped.push('PGlite: not measured (SKIP_PGLITE=1).');
  for (const prepare of preparations) {
    const database = await prepare();
    try {
      process.stdout.write(`== ${database.name}\n`);
      runs.push(await benchmark.measure(database));
    } finally {
      await database.dispose();
    }
  }
  const runSeconds = (performance.now() - clockStartedAt) / 1000;
  writeSection(benchmark.section, benchmark.render(runs, skipped, startedAt, runSeconds));
  process.stdout.write(`\nWhole run ${Math.round(runSeconds)} s. Written to ${path.relative(process.cwd(), REPORT_FILE)} (section "${benchmark.title}").\n`);
}

/** Runs main when the file is the script started, with cleanup of the databases on failure. */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main().catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await runAllCleanups();
    process.exit(1);
  });
}
