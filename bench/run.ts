import path from 'node:path';
import { installInterruptHandlers, isAborting, runAllCleanups } from './cleanup.ts';
import { postgresAvailable, preparePglite, preparePostgres, type BenchDatabase } from './databases.ts';
import { runLoad } from './load.ts';
import { isLoggedIn, loginAsDemoPatient } from './login.ts';
import { describeMachine } from './machine.ts';
import { renderSection, writeReport } from './report.ts';
import type { BenchRun, DatabaseResult, EndpointResult } from './results.ts';
import { repoRoot, startServer } from './server-process.ts';

/**
 * `npm run bench`: start-up and throughput of the server on PGlite and (when it
 * answers locally) PostgreSQL, written to BENCHMARKS.md.
 */

/**
 * GET endpoints to load besides /healthz and /api/auth/session, each sent with the
 * demo patient's session cookie. A feature adds its own here, e.g. '/api/me/access-log'.
 * An endpoint that does not answer 2xx before the run is reported as not measured.
 */
export const EXTRA_AUTHENTICATED_GET_ENDPOINTS: readonly string[] = [];

const CONNECTIONS = 20;
/** BENCH_DURATION_SECONDS shortens a run for trying the harness out; the report states what was used. */
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const REPORT_FILE = path.join(repoRoot, 'BENCHMARKS.md');

/** The benchmark's server: demo data, rate limiting out of the way (600/min would turn the run into 429s), quiet logs. */
const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'development',
  DEMO_MODE: 'true',
  RATE_LIMIT_PER_MINUTE: '1000000000',
  LOG_LEVEL: 'warn',
  COOKIE_SECURE: 'false',
};

async function main(): Promise<void> {
  installInterruptHandlers();
  const startedAt = new Date();
  say(`Rate limiting lifted for the benchmark's server: RATE_LIMIT_PER_MINUTE=${SERVER_ENV.RATE_LIMIT_PER_MINUTE}.`);
  const machine = describeMachine();
  say(`Machine: ${machine.cpus} CPUs, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.nodeVersion}; npx node alone ${Math.round(machine.npxNodeMs)} ms.`);

  const run: BenchRun = {
    startedAt,
    machine,
    settings: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, warmupSeconds: WARMUP_SECONDS, personaId: '', serverEnv: SERVER_ENV },
    databases: [],
    skippedDatabases: [],
  };
  const preparations: (() => Promise<BenchDatabase>)[] = [preparePglite];
  const postgres = await postgresAvailable();
  if (postgres.ok) preparations.push(preparePostgres);
  else run.skippedDatabases.push({ kind: 'postgres', reason: postgres.reason });

  for (const prepare of preparations) {
    const database = await prepare();
    try {
      say(`\n== ${database.name}`);
      run.databases.push(await benchDatabase(database, run));
    } finally {
      await database.dispose();
    }
  }

  writeReport(REPORT_FILE, run);
  say(`\n${renderSection(run)}\n\nWritten to ${path.relative(process.cwd(), REPORT_FILE) || REPORT_FILE}.`);
}

async function benchDatabase(database: BenchDatabase, run: BenchRun): Promise<DatabaseResult> {
  const env = { ...SERVER_ENV, ...database.env };
  const first = await startServer(`${database.kind} first start`, env);
  say(`first start (new data): ${Math.round(first.startupMs)} ms`);
  const stopMs = await first.stop();
  say(`stopped (SIGTERM → exit): ${Math.round(stopMs)} ms`);

  const server = await startServer(`${database.kind} cold start`, env);
  try {
    say(`cold start (existing data): ${Math.round(server.startupMs)} ms`);
    const { personaId, cookie } = await loginAsDemoPatient(server.baseUrl);
    run.settings.personaId = personaId;

    const targets = [
      { endpoint: '/healthz', authenticated: false },
      { endpoint: '/api/auth/session', authenticated: true },
      ...EXTRA_AUTHENTICATED_GET_ENDPOINTS.map((endpoint) => ({ endpoint, authenticated: true })),
    ];
    const endpoints: EndpointResult[] = [];
    const skippedEndpoints: DatabaseResult['skippedEndpoints'] = [];
    for (const { endpoint, authenticated } of targets) {
      const url = `${server.baseUrl}${endpoint}`;
      const headers: Record<string, string> = authenticated ? { cookie } : {};
      const status = await preflight(url, headers);
      if (status < 200 || status > 299) {
        skippedEndpoints.push({ endpoint, reason: `it answered ${status} before the run` });
        say(`${endpoint}: skipped, answered ${status}`);
        continue;
      }
      await runLoad({ url, headers, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS });
      const figures = await runLoad({ url, headers, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS });
      // An expired session would have turned the run into anonymous requests.
      if (authenticated && !(await isLoggedIn(server.baseUrl, cookie))) {
        throw new Error(`The demo session ended during the run on ${endpoint}; its figures would be for anonymous requests.`);
      }
      endpoints.push({ endpoint, authenticated, ...figures });
      say(
        `${endpoint}: ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ` +
          `non-2xx ${figures.non2xx}, errors ${figures.errors}`,
      );
    }
    return { kind: database.kind, name: database.name, startup: { firstStartMs: first.startupMs, coldStartMs: server.startupMs, stopMs }, endpoints, skippedEndpoints };
  } finally {
    await server.stop();
  }
}

async function preflight(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response.status;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

try {
  await main();
} catch (error) {
  // When interrupted, the signal handler cleans up and exits; what failed meanwhile is its doing.
  if (!isAborting()) {
    process.stderr.write(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await runAllCleanups();
    process.exitCode = 1;
  }
}
