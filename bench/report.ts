import fs from 'node:fs';
import type { BenchRun } from './results.ts';

/**
 * BENCHMARKS.md: hand-written text above the marker is kept as it is; below it,
 * one generated section per run date, newest first. A second run on the same
 * day replaces that day's section.
 */
export const RESULTS_MARKER = '<!-- bench:results -->';
const SECTION_END = '<!-- /bench:run -->';
const sectionStart = (date: string) => `<!-- bench:run ${date} -->`;
const SECTION_PATTERN = /<!-- bench:run (\d{4}-\d{2}-\d{2}) -->[\s\S]*?<!-- \/bench:run -->/g;

const DEFAULT_INTRO = `# Benchmarks

Start-up time and HTTP throughput of the Nära server, measured by \`npm run bench\` (bench/run.ts).

**How to run:** \`npm run bench\` from the repository root, with nothing else busy on the machine. It takes one
to two minutes. PGlite is always measured, in a temporary data folder that is removed afterwards. PostgreSQL is
measured when it answers at 127.0.0.1:5432 (user \`postgres\`, trust authentication), in a throw-away database
\`nara_bench_<random>\` that is dropped afterwards. The results replace the section for the same day below.

**What is measured:** for each database, the server (\`npx node src/server/main.ts\`) is started on new data
(migrations and demo region included) and stopped with SIGTERM, then started again on that data (cold start);
both times run from spawning the process until \`/readyz\` answers 200. Then it is logged in as a demo patient and
[autocannon](https://github.com/mcollina/autocannon) loads each endpoint with 20 connections for 10 s, after a
short warm-up: \`/healthz\`, \`/api/auth/session\` (authenticated) and the endpoints listed in
\`EXTRA_AUTHENTICATED_GET_ENDPOINTS\` in bench/run.ts. Rate limiting is lifted and request logging turned down for
the benchmark's server, so the figures are the server's own cost. autocannon runs on the same machine and shares
its CPUs with the server.

**The machine** (CPUs as \`nproc\` reports them, memory, Node version) is named in each section; figures from
different machines do not compare.

Text above the marker below is kept when the benchmark rewrites this file; everything below it is generated.
`;

export function writeReport(file: string, run: BenchRun): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const markerAt = existing.indexOf(RESULTS_MARKER);
  let head: string;
  let generated: string;
  if (markerAt === -1) {
    head = existing.trim() === '' ? `${DEFAULT_INTRO}\n` : `${existing.trimEnd()}\n\n`;
    generated = '';
  } else {
    head = existing.slice(0, markerAt);
    generated = existing.slice(markerAt + RESULTS_MARKER.length);
  }
  // Sections by date, newest first; this run's replaces one from the same day.
  const sections = new Map<string, string>();
  const loose = generated
    .replace(SECTION_PATTERN, (section: string, date: string) => {
      sections.set(date, section);
      return '';
    })
    .trim();
  sections.set(localDate(run.startedAt), renderSection(run));
  const ordered = [...sections.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([, section]) => section);
  fs.writeFileSync(file, `${head}${RESULTS_MARKER}\n\n${[...ordered, ...(loose ? [loose] : [])].join('\n\n')}\n`);
}

export function renderSection(run: BenchRun): string {
  const { machine, settings } = run;
  const date = localDate(run.startedAt);
  const time = run.startedAt.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const env = Object.entries(settings.serverEnv)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const lines = [
    sectionStart(date),
    `## ${date}`,
    '',
    `Run at ${time} (${zone}) on ${machine.cpus} CPU${machine.cpus === 1 ? '' : 's'} (nproc; ${machine.cpuModel}), ` +
      `${machine.memoryGiB.toFixed(1)} GiB memory, ${machine.os}, Node ${machine.nodeVersion}.`,
    `Load: autocannon, ${settings.connections} connections, ${settings.durationSeconds} s per endpoint after a ` +
      `${settings.warmupSeconds} s warm-up, logged in as \`${settings.personaId}\`. Server environment: ${env} ` +
      '(rate limiting effectively off, no request logging).',
    '',
    '### Start-up',
    '',
    '| Database | First start (new data) | Cold start (existing data) | Stop (SIGTERM → exit) |',
    '| --- | ---: | ---: | ---: |',
    ...run.databases.map(
      (db) => `| ${db.name} | ${ms(db.startup.firstStartMs)} | ${ms(db.startup.coldStartMs)} | ${ms(db.startup.stopMs)} |`,
    ),
    '',
    `From spawning \`npx node src/server/main.ts\` until \`/readyz\` answers 200, so npx and Node start-up are ` +
      `included (\`npx node\` alone: ${ms(machine.npxNodeMs)} here).`,
    '',
    '### Throughput',
    '',
    '| Database | Endpoint | req/s | p50 (ms) | p99 (ms) | non-2xx | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...run.databases.flatMap((db) =>
      db.endpoints.map(
        (e) =>
          `| ${db.name} | \`${e.endpoint}\`${e.authenticated ? ' (logged in)' : ''} | ${Math.round(e.requestsPerSecond)} | ` +
          `${latency(e.p50Ms)} | ${latency(e.p99Ms)} | ${e.non2xx} | ${e.errors} |`,
      ),
    ),
  ];
  const notes = [
    ...run.skippedDatabases.map((skipped) => `- ${skipped.kind}: not measured, ${skipped.reason}.`),
    ...run.databases.flatMap((db) => db.skippedEndpoints.map((s) => `- ${db.name}, \`${s.endpoint}\`: not measured, ${s.reason}.`)),
  ];
  if (notes.length > 0) lines.push('', ...notes);
  lines.push('', SECTION_END);
  return lines.join('\n');
}

/** YYYY-MM-DD in local time. */
function localDate(date: Date): string {
  return date.toLocaleDateString('sv-SE');
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** autocannon measures whole milliseconds; a fraction only appears for averages. */
function latency(value: number): string {
  return String(Math.round(value * 10) / 10);
}
