/**
 * `npm run bench:realtime` — issue 7: 5,000 concurrent authenticated WebSocket clients on one
 * server process, and how long a message takes to arrive: within that process and across two
 * processes on one PostgreSQL. Targets p99 ≤ 100 ms and ≤ 150 ms. Reports memory per connection.
 *
 * Two Nära servers (A and B) as child processes on a throwaway PostgreSQL database. The bench
 * creates 5,000 patients with sessions and opens one socket each to A. 50 of them have an open
 * case at a unit whose nurse is connected twice: to A and to B. A message is a patient's reply
 * in their case, POSTed to A (the real path: validation, the rules, the audit row, the commit
 * that publishes through NOTIFY); its delivery latency is from sending the request until the
 * nurse's socket gets the case.changed event — on A (within a process) and on B (across).
 * The 5,000 idle sockets are the load: each hears its own topic only.
 *
 *   npm run bench:realtime                   # 5,000 clients, 500 messages
 *   CLIENTS=1000 MESSAGES=100 npm run bench:realtime
 */
import { figures, sectionMarkers, writeSection, type Figures } from './figures.ts';
import fs from 'node:fs';
import { randomInt } from 'node:crypto';
import WebSocket from 'ws';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createSession } from '../src/platform/auth/sessions.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/database.ts';
import { careUnits, organisations } from '../src/platform/organisations/tables.ts';
import { persons, staff, staffMemberships } from '../src/platform/people/tables.ts';
import { careRelations } from '../src/platform/access/tables.ts';
import { caseEvents, cases } from '../src/features/cases/tables.ts';
import { firstAnswerDeadline } from '../src/features/cases/model.ts';
import { randomIdentityNumber } from '../src/platform/testing/builders.ts';
import { installInterruptHandlers, runAllCleanups } from './cleanup.ts';
import { postgresAvailable, preparePostgres } from './databases.ts';
import { describeMachine } from './machine.ts';
import { startServer, type ServerProcess } from './server-process.ts';

const CLIENTS = Number(process.env.CLIENTS ?? 5000);
const MESSAGES = Number(process.env.MESSAGES ?? 500);
const PROBES = 50;
const CONNECT_CONCURRENCY = 100;
const TARGET_WITHIN_MS = 100;
const TARGET_ACROSS_MS = 150;
const { start: SECTION_START, end: SECTION_END } = sectionMarkers('realtime');
const settings = { patientIdleMinutes: 240, staffIdleMinutes: 240, absoluteHours: 12 };


const say = (message: string) => process.stdout.write(`${message}\n`);
const cookieOf = (token: string) => `nara_session=${token}`;

/** The server's resident memory, from /proc: the node process listening on its port. */
function serverRssMiB(server: ServerProcess): number {
  const port = new URL(server.baseUrl).port;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Node 24 names its main thread "MainThread"; the executable says what it is.
      if (!fs.readlinkSync(`/proc/${entry}/exe`).endsWith('/node')) continue;
      // The server itself ("node src/server/main.ts"), not npm's wrapper, which also runs on node.
      const [argv0 = '', argv1] = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!/(^|\/)node$/.test(argv0) || argv1 !== 'src/server/main.ts') continue;
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) return Number(rss[1]) / 1024;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return Number.NaN;
}

async function seed(db: Database, clients: number) {
  const [organisation] = await db.insert(organisations).values({ kind: 'region', name: 'Bench-regionen', organisationNumber: `232100-${randomInt(1000, 9999)}` }).returning();
  const [unit] = await db.insert(careUnits).values({ hsaId: `SE-BENCH-${randomInt(1e6)}`, name: 'Vårdcentralen Bench', kind: 'vardcentral', organisationId: organisation!.id, locality: 'Benchby' }).returning();
  const [nurse] = await db.insert(staff).values({ hsaId: `SE-BENCH-S-${randomInt(1e6)}`, givenName: 'Sara', familyName: 'Bench', profession: 'nurse' }).returning();
  await db.insert(staffMemberships).values({ staffId: nurse!.id, unitId: unit!.id, roles: ['clinician'] });
  const people: { id: string; token: string }[] = [];
  const numbers = new Set<string>();
  for (let offset = 0; offset < clients; offset += 500) {
    const batch = [];
    for (let n = offset; n < Math.min(clients, offset + 500); n++) {
      let identityNumber: string;
      do identityNumber = randomIdentityNumber(`19${randomInt(40, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`);
      while (numbers.has(identityNumber));
      numbers.add(identityNumber);
      batch.push({ identityNumber, identityKind: 'personnummer', givenName: 'Bench', familyName: `Patient ${n}`, birthDate: `19${identityNumber.slice(2, 4)}-${identityNumber.slice(4, 6)}-${identityNumber.slice(6, 8)}` });
    }
    for (const row of await db.insert(persons).values(batch).returning({ id: persons.id })) {
      const { token } = await createSession(db, systemClock, settings, { kind: 'citizen', personId: row.id, authMethod: 'demo' });
      people.push({ id: row.id, token });
    }
  }
  const nurseSession = await createSession(db, systemClock, settings, { kind: 'staff', staffId: nurse!.id, activeUnitId: unit!.id, authMethod: 'demo' });
  // The probes: patients with an open case at the unit, and the care relation their reply needs.
  const probes: { token: string; caseId: string; csrf: string }[] = [];
  const now = new Date();
  for (const person of people.slice(0, PROBES)) {
    await db.insert(careRelations).values({ unitId: unit!.id, patientId: person.id, kind: 'listed' });
    const [row] = await db
      .insert(cases)
      .values({
        unitId: unit!.id,
        patientId: person.id,
        typeCode: 'bestall_tid',
        typeNameSv: 'Beställ tid',
        typeNameEn: 'Request an appointment',
        origin: 'patient',
        status: 'received',
        acknowledgeOnly: false,
        subject: 'Kontroll',
        form: { type: 'bestall_tid', reason: 'Kontroll', withWhom: 'no_preference' },
        createdByPersonId: person.id,
        receivedAt: now,
        deadlineAt: firstAnswerDeadline(now),
        lastActivityAt: now,
      })
      .returning({ id: cases.id });
    await db.insert(caseEvents).values({ caseId: row!.id, kind: 'request', authorPersonId: person.id, unitId: unit!.id, createdAt: now });
    probes.push({ token: person.token, caseId: row!.id, csrf: '' });
  }
  return { people, probes, nurseToken: nurseSession.token };
}

type Listener = { socket: WebSocket; onEvent: (event: { kind: string; data: { caseId?: string } }) => void };

function openSocket(baseUrl: string, token: string, onEvent?: Listener['onEvent']): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/realtime`, { headers: { cookie: cookieOf(token) } });
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'ready') {
        socket.send(JSON.stringify({ type: 'resume', after: null }));
        resolve(socket);
      } else if (message.type === 'event') onEvent?.(message.event);
    });
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`socket closed ${code}`)));
  });
}

async function connectAll(baseUrl: string, tokens: string[]): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let offset = 0; offset < tokens.length; offset += CONNECT_CONCURRENCY) {
    sockets.push(...(await Promise.all(tokens.slice(offset, offset + CONNECT_CONCURRENCY).map((token) => openSocket(baseUrl, token)))));
  }
  return sockets;
}

async function csrfOf(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookieOf(token) } });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function main() {
  installInterruptHandlers();
  const available = await postgresAvailable();
  if (!available.ok) throw new Error(`bench:realtime needs PostgreSQL: ${available.reason}`);
  const machine = describeMachine();
  const database = await preparePostgres();
  const env = { ...database.env, DEMO_MODE: 'false', NODE_ENV: 'development', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', NOTIFY_TRANSPORT: 'sink' };
  say(`== ${database.name}: two servers`);
  const serverA = await startServer('server A', env);
  const serverB = await startServer('server B', env);
  const pool = new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 4 });
  const db = drizzle({ client: pool }) as unknown as Database;
  const startedAt = performance.now();
  try {
    say(`  creating ${CLIENTS} patients with sessions …`);
    const { people, probes, nurseToken } = await seed(db, CLIENTS);
    for (const probe of probes) probe.csrf = await csrfOf(serverA.baseUrl, probe.token);

    const rssBefore = serverRssMiB(serverA);
    say(`  connecting ${CLIENTS} sockets to server A …`);
    const connectStarted = performance.now();
    const sockets = await connectAll(serverA.baseUrl, people.map((person) => person.token));
    const connectMs = performance.now() - connectStarted;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = serverRssMiB(serverA);
    say(`  ${sockets.length} connected in ${(connectMs / 1000).toFixed(1)} s; server A RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB`);

    const pending = new Map<string, { sentAt: number; within?: number; across?: number; resolve: () => void }>();
    const record = (where: 'within' | 'across') => (event: { kind: string; data: { caseId?: string } }) => {
      const waiting = event.kind === 'case.changed' && event.data.caseId ? pending.get(event.data.caseId) : undefined;
      if (!waiting || waiting[where] !== undefined) return;
      waiting[where] = performance.now() - waiting.sentAt;
      if (waiting.within !== undefined && waiting.across !== undefined) waiting.resolve();
    };
    const nurseOnA = await openSocket(serverA.baseUrl, nurseToken, record('within'));
    const nurseOnB = await openSocket(serverB.baseUrl, nurseToken, record('across'));

    const within: number[] = [];
    const across: number[] = [];
    say(`  sending ${MESSAGES} messages through server A …`);
    for (let n = 0; n < MESSAGES + 20; n++) {
      const probe = probes[n % probes.length]!;
      const done = new Promise<void>((resolve) => pending.set(probe.caseId, { sentAt: performance.now(), resolve }));
      const entry = pending.get(probe.caseId)!;
      entry.sentAt = performance.now();
      const response = await fetch(`${serverA.baseUrl}/api/patient/cases/${probe.caseId}/replies`, {
        method: 'POST',
        headers: { cookie: cookieOf(probe.token), 'x-csrf-token': probe.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Meddelande ${n}` }),
      });
      if (response.status !== 201) throw new Error(`reply answered ${response.status}: ${await response.text()}`);
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('event not delivered in 5 s')), 5000))]);
      pending.delete(probe.caseId);
      // The first 20 warm up (JIT, connections).
      if (n >= 20) {
        within.push(entry.within!);
        across.push(entry.across!);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const open = sockets.filter((socket) => socket.readyState === WebSocket.OPEN).length;
    for (const socket of [...sockets, nurseOnA, nurseOnB]) socket.terminate();
    const result = {
      within: figures(within),
      across: figures(across),
      connectMs,
      rssBefore,
      rssAfter,
      stillOpen: open,
      seconds: (performance.now() - startedAt) / 1000,
    };
    say(`  within a process: p50 ${result.within.p50.toFixed(1)} p95 ${result.within.p95.toFixed(1)} p99 ${result.within.p99.toFixed(1)} max ${result.within.max.toFixed(1)} ms`);
    say(`  across processes: p50 ${result.across.p50.toFixed(1)} p95 ${result.across.p95.toFixed(1)} p99 ${result.across.p99.toFixed(1)} max ${result.across.max.toFixed(1)} ms`);
    writeSection('realtime', render(result, database.name, machine));
    say(`Written to BENCHMARKS.md (section "Realtime (issue 7)").`);
  } finally {
    await pool.end();
    await serverA.stop();
    await serverB.stop();
    await database.dispose();
  }
}

function render(
  result: { within: Figures; across: Figures; connectMs: number; rssBefore: number; rssAfter: number; stillOpen: number; seconds: number },
  databaseName: string,
  machine: ReturnType<typeof describeMachine>,
): string {
  const row = (label: string, f: Figures, target: number) =>
    `| ${label} | ${f.count} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(1)} | ${target} | ${f.p99 <= target ? 'met' : '**missed**'} |`;
  const perConnectionKiB = ((result.rssAfter - result.rssBefore) * 1024) / CLIENTS;
  const load = (() => {
    try {
      return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
    } catch {
      return 'unknown';
    }
  })();
  return [
    SECTION_START,
    '## Realtime (issue 7)',
    '',
    `Measured by \`npm run bench:realtime\` (bench/realtime.ts) on ${databaseName}, a database made for the run and dropped after. Two Nära servers (A, B) as child processes. ${CLIENTS.toLocaleString('en')} patients, each with a session and an open WebSocket to server A (their own topic); 50 of them have an open case at a unit whose nurse is connected to A and to B. A message is a patient's reply POSTed to A (validation, rules, audit row, commit → NOTIFY); latency runs from sending the request until the nurse's socket receives the \`case.changed\` event, on A (within a process) and on B (across processes). The sockets and the clients run on the same 2 CPUs as the servers and PostgreSQL.`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB memory, ${machine.os}, Node ${machine.nodeVersion}. Whole run ${result.seconds.toFixed(0)} s; load average at the end ${load}.`,
    '',
    '| Delivery | messages | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | target p99 (ms) | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row('within a process (A → A)', result.within, TARGET_WITHIN_MS),
    row('across processes (A → B)', result.across, TARGET_ACROSS_MS),
    '',
    `${CLIENTS.toLocaleString('en')} sockets connected in ${(result.connectMs / 1000).toFixed(1)} s (${CONNECT_CONCURRENCY} at a time), ${result.stillOpen.toLocaleString('en')} still open at the end. Server A's resident memory ${result.rssBefore.toFixed(0)} MiB before and ${result.rssAfter.toFixed(0)} MiB with all connected: **about ${perConnectionKiB.toFixed(0)} KiB per connection** (the socket, its session row cached in the closure, its subscription and timers).`,
    SECTION_END,
  ].join('\n');
}


main()
  .catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => runAllCleanups());
