/**
 * `npm run bench:appointments` — issue 5: free slots for a unit with 20 practitioners over
 * 8 weeks, p95 ≤ 30 ms on PostgreSQL; and booking throughput under contention.
 *
 * For PostgreSQL (when it answers at 127.0.0.1:5432) and PGlite, each on a brand new
 * database thrown away afterwards: migrate, then in bulk 10 health centres with 20
 * practitioners each (weekdays 08–12 and 13–17, 30-minute visits, one visit type open to
 * anyone), 5,000 patients, eight weeks of past visits and the next eight weeks booked as a
 * busy centre is (95 % of the first two weeks, 80 % of the next two, 60 % after); ANALYZE.
 *
 * Measured one request at a time through the whole HTTP stack (app.inject: session,
 * validation, the queries, the audit row, serialisation):
 *   (a) all free slots of the measured unit's 20 practitioners over the 8-week horizon —
 *       the computation behind every slot list (offeredSlots, in one transaction; not an
 *       HTTP route, because the routes ask for at most 14 days);
 *   (b) the patient's "soonest first" list; (c) the patient's week view; (d) the
 *       receptionist's week calendar of the whole unit.
 * Contention: (e) 200 patients send a booking for the same free slot at once — exactly one
 * 201, the rest 409 slot_taken; (f) 40 patients at a time each fetch the soonest slots and
 * book one of the first three (so they collide), 1,000 attempts: bookings per second,
 * share of 409, latency of the booking request.
 *
 *   npm run bench:appointments                 # 300 requests per query
 *   REQUESTS=50 npm run bench:appointments     # shorter, for trying it out
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { offeredSlots } from '../src/features/appointments/availability.ts';
import { generateSlots, type WorkTemplate } from '../src/features/appointments/model.ts';
import { findVisitType } from '../src/features/appointments/store.ts';
import { appointments, scheduleResources, visitTypes } from '../src/features/appointments/tables.ts';
import { loadCatalogueIfEmpty } from '../src/features/e-services/content.ts';
import { unitEservices } from '../src/features/e-services/tables.ts';
import { addDays } from '../src/lib/calendar/iso-date.ts';
import { stockholmDate } from '../src/lib/stockholm-time.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { careUnits, organisations } from '../src/platform/organisations/tables.ts';
import { persons, staff, staffMemberships } from '../src/platform/people/tables.ts';
import { loginAs, type TestClient } from '../src/platform/testing/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { BenchDatabase } from './databases.ts';
import { figures, sectionMarkers, type Figures } from './figures.ts';
import { seededRandom, DEFAULT_SEED } from './generate-region.ts';
import { identityNumbers, machineLine, migrateDatabase, ms, runIfMain, runOnEachDatabase, say, timeGets } from './harness.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 300);
const NOW = '2026-11-23T07:00:00Z'; // Monday 08:00 in Stockholm
const TARGET_P95_MS = 30;
const UNITS = 10;
const PRACTITIONERS = 20;
const PATIENTS = 5_000;
const HORIZON_DAYS = 56;
const BURST = 200;
const CONTENDERS = 40;
const ATTEMPTS = 1_000;
const { start: SECTION_START, end: SECTION_END } = sectionMarkers('appointments');

const day = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const TEMPLATE: WorkTemplate = { weekly: { 1: day, 2: day, 3: day, 4: day, 5: day }, exceptions: {}, absences: [] };

type Loaded = { unitId: string; visitTypeId: string; receptionistId: string; patientIds: string[]; bookings: number; loadMs: number };
type QueryRun = { label: string; url: string; figures: Figures; non200: number; check: string };
type Contention = { burst: { created: number; taken: number; other: number; ms: number }; run: { attempts: number; booked: number; taken: number; other: number; otherCodes: Record<string, number>; seconds: number; post: Figures } };
type DatabaseRun = { name: string; kind: string; loaded: Loaded; queries: QueryRun[]; contention: Contention; loadAverage: { start: number[]; end: number[] } };

const fillShare = (dayOffset: number) => (dayOffset < 14 ? 0.95 : dayOffset < 28 ? 0.8 : 0.6);

async function load(handle: DatabaseHandle): Promise<Loaded> {
  await migrateDatabase(handle);
  const db = handle.db;
  await loadCatalogueIfEmpty(db);
  const startedAt = performance.now();
  const now = new Date(NOW);
  const random = seededRandom(DEFAULT_SEED + 50);
  const [organisation] = await db.insert(organisations).values({ kind: 'region', name: 'Region Bench', organisationNumber: '232100-0410', optionPackages: [1] }).returning();
  const units = await db
    .insert(careUnits)
    .values(Array.from({ length: UNITS }, (_, n) => ({ hsaId: `SE2321000410-T${n + 1}`, name: `Vårdcentralen Tid ${n + 1}`, kind: 'vardcentral', organisationId: organisation!.id, locality: 'Benchby' })))
    .returning({ id: careUnits.id });
  const people = await db
    .insert(staff)
    .values(Array.from({ length: UNITS * (PRACTITIONERS + 1) }, (_, n) => ({ hsaId: `SE2321000410-P${n + 1}`, givenName: 'Behandlare', familyName: `Bench ${n}`, profession: n % 2 ? 'nurse' : 'doctor' })))
    .returning({ id: staff.id });
  const staffOf = (unit: number, k: number) => people[unit * (PRACTITIONERS + 1) + k]!.id;
  await db.insert(staffMemberships).values(
    units.flatMap((unit, u) => Array.from({ length: PRACTITIONERS + 1 }, (_, k) => ({ staffId: staffOf(u, k), unitId: unit.id, roles: [k === PRACTITIONERS ? ('receptionist' as const) : ('clinician' as const)] }))),
  );
  await db.insert(unitEservices).values(
    units.map((unit) => ({ unitId: unit.id, eserviceCode: 'webbtidbok', status: 'active', patientGroup: { listedOnly: false, minAge: null, maxAge: null }, updatedAt: now })),
  );
  const types = await db
    .insert(visitTypes)
    .values(units.map((unit) => ({ unitId: unit.id, name: 'Besök 30 min', lengthMinutes: 30, channel: 'at_unit', bookableOnlineBy: 'anyone', cancellationHours: 24, published: true, createdAt: now, updatedAt: now })))
    .returning({ id: visitTypes.id });
  const resources = await db
    .insert(scheduleResources)
    .values(
      units.flatMap((unit, u) =>
        Array.from({ length: PRACTITIONERS }, (_, k) => ({ unitId: unit.id, kind: 'staff', staffId: staffOf(u, k), template: TEMPLATE, visitTypeIds: [types[u]!.id], updatedAt: now })),
      ),
    )
    .returning({ id: scheduleResources.id, unitId: scheduleResources.unitId });
  const patientIds: string[] = [];
  const numbers = identityNumbers(PATIENTS, DEFAULT_SEED + 51);
  for (let at = 0; at < numbers.length; at += 1000) {
    const rows = await db
      .insert(persons)
      .values(numbers.slice(at, at + 1000).map((identityNumber, n) => ({ identityNumber, identityKind: 'personnummer', givenName: 'Patient', familyName: `Nummer ${at + n}`, birthDate: `${identityNumber.slice(0, 4)}-${identityNumber.slice(4, 6)}-${identityNumber.slice(6, 8)}` })))
      .returning({ id: persons.id });
    patientIds.push(...rows.map((row) => row.id));
  }
  // Eight weeks back (all attended) and eight ahead, filled as a busy centre is.
  const today = stockholmDate(now);
  const pastStart = addDays(today, -HORIZON_DAYS);
  let bookings = 0;
  await db.transaction(async (tx) => {
    for (const resource of resources) {
      const u = units.findIndex((unit) => unit.id === resource.unitId);
      const slots = generateSlots(TEMPLATE, pastStart, HORIZON_DAYS * 2, 30);
      const rows = slots
        .filter((slot) => {
          const offset = Math.round((Date.parse(stockholmDate(slot.start)) - Date.parse(today)) / 86_400_000);
          return offset < 0 ? random() < 0.9 : random() < fillShare(offset);
        })
        .map((slot) => {
          const patientId = patientIds[Math.floor(random() * patientIds.length)]!;
          return {
            unitId: resource.unitId,
            resourceId: resource.id,
            visitTypeId: types[u]!.id,
            patientId,
            startsAt: slot.start,
            endsAt: slot.end,
            channel: 'at_unit',
            status: slot.start < now ? 'arrived' : 'booked',
            bookedByPersonId: patientId,
            bookedAt: new Date(slot.start.getTime() - 14 * 86_400_000),
          };
        });
      for (let at = 0; at < rows.length; at += 1000) await tx.insert(appointments).values(rows.slice(at, at + 1000));
      bookings += rows.length;
    }
  });
  // As autovacuum would soon after a load: the visibility map lets the free-slot query read the index alone.
  await db.execute(sql`vacuum analyze`);
  return { unitId: units[0]!.id, visitTypeId: types[0]!.id, receptionistId: staffOf(0, PRACTITIONERS), patientIds, bookings, loadMs: performance.now() - startedAt };
}

type SlotList = { slots: { resourceId: string; startsAt: string }[] };

/** (e) and (f): many patients booking the same few times at once. */
async function contend(app: FastifyInstance, handle: DatabaseHandle, loaded: Loaded): Promise<Contention> {
  const clients: TestClient[] = [];
  for (const patientId of loaded.patientIds.slice(0, BURST)) clients.push(await loginAs(app, handle.db, { personId: patientId }));
  const slotsUrl = `/api/patient/visit-types/${loaded.visitTypeId}/slots`;
  const book = (client: TestClient, slot: { resourceId: string; startsAt: string }) =>
    client.post('/api/patient/appointments', { visitTypeId: loaded.visitTypeId, resourceId: slot.resourceId, startsAt: slot.startsAt }, { 'idempotency-key': randomUUID() });

  const target = ((await clients[0]!.get(slotsUrl)).json() as SlotList).slots[0]!;
  const burstStarted = performance.now();
  const burstResults = await Promise.all(clients.map((client) => book(client, target)));
  const burstMs = performance.now() - burstStarted;
  const codeOf = (body: string) => (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  const burst = {
    created: burstResults.filter((response) => response.statusCode === 201).length,
    taken: burstResults.filter((response) => response.statusCode === 409 && codeOf(response.body) === 'slot_taken').length,
    other: burstResults.filter((response) => response.statusCode !== 201 && !(response.statusCode === 409 && codeOf(response.body) === 'slot_taken')).length,
    ms: burstMs,
  };

  const postSamples: number[] = [];
  let booked = 0;
  let taken = 0;
  let other = 0;
  const otherCodes: Record<string, number> = {};
  let attempts = 0;
  const started = performance.now();
  await Promise.all(
    clients.slice(0, CONTENDERS).map(async (client, worker) => {
      const random = seededRandom(DEFAULT_SEED + 60 + worker);
      while (attempts < ATTEMPTS) {
        attempts += 1;
        const list = (await client.get(`${slotsUrl}?first=3`)).json() as SlotList;
        const slot = list.slots[Math.floor(random() * list.slots.length)];
        if (!slot) break;
        const postStarted = performance.now();
        const response = await book(client, slot);
        postSamples.push(performance.now() - postStarted);
        if (response.statusCode === 201) booked += 1;
        else if (response.statusCode === 409 && codeOf(response.body) === 'slot_taken') taken += 1;
        else {
          other += 1;
          const code = `${response.statusCode} ${codeOf(response.body) ?? ''}`.trim();
          otherCodes[code] = (otherCodes[code] ?? 0) + 1;
        }
      }
    }),
  );
  return { burst, run: { attempts, booked, taken, other, otherCodes, seconds: (performance.now() - started) / 1000, post: figures(postSamples) } };
}

async function measure(database: BenchDatabase): Promise<DatabaseRun> {
  const handle = await openDatabase(database.env.DATABASE_URL ? { kind: 'postgres', url: database.env.DATABASE_URL, poolSize: 20 } : { kind: 'pglite', dataDir: database.env.DATA_DIR });
  let app: FastifyInstance | undefined;
  try {
    say('  loading …');
    const loaded = await load(handle);
    say(`  loaded ${loaded.bookings.toLocaleString('en')} bookings in ${(loaded.loadMs / 1000).toFixed(1)} s`);
    const config = loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'true', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', WEB_DIST_DIR: '/nonexistent-web-dist' });
    const clock = fixedClock(NOW);
    app = await buildApp({ config, db: handle, clock, isReady: () => true }, { logger: false });
    await app.ready();
    const loadAtStart = os.loadavg();
    const queries: QueryRun[] = [];

    // (a) the whole horizon, all 20 practitioners, straight through the service code.
    const visitType = (await findVisitType(handle.db, loaded.visitTypeId))!;
    const horizon = async () => handle.db.transaction((tx) => offeredSlots(tx, visitType, { fromDate: stockholmDate(clock.now()), days: HORIZON_DAYS }, clock.now()));
    for (let n = 0; n < 20; n++) await horizon();
    const samples: number[] = [];
    let free = 0;
    for (let n = 0; n < REQUESTS; n++) {
      const startedAt = performance.now();
      free = (await horizon()).length;
      samples.push(performance.now() - startedAt);
    }
    queries.push({ label: '(a) free slots, 20 practitioners × 8 weeks', url: 'offeredSlots (service, one transaction)', figures: figures(samples), non200: 0, check: `${free.toLocaleString('en')} free of ${(PRACTITIONERS * 40 * 16).toLocaleString('en')}` });
    say(`    ${queries[0]!.label.padEnd(44)} p50 ${ms(queries[0]!.figures.p50)}  p95 ${ms(queries[0]!.figures.p95)}  (${queries[0]!.check})`);

    const patient = await loginAs(app, handle.db, { personId: loaded.patientIds.at(-1)! });
    const receptionist = await loginAs(app, handle.db, { staffId: loaded.receptionistId });
    const week = addDays(stockholmDate(clock.now()), 14);
    const specs: { label: string; client: TestClient; url: string; check: (body: unknown) => string }[] = [
      { label: '(b) patient: soonest free times', client: patient, url: `/api/patient/visit-types/${loaded.visitTypeId}/slots`, check: (body) => `${(body as SlotList).slots.length} times` },
      { label: '(c) patient: one week', client: patient, url: `/api/patient/visit-types/${loaded.visitTypeId}/slots?from=${week}&days=7`, check: (body) => `${(body as SlotList).slots.length} times` },
      {
        label: '(d) receptionist: week calendar, whole unit',
        client: receptionist,
        url: `/api/staff/appointments/calendar?view=week&date=${week}`,
        check: (body) => `${(body as { bookings: unknown[] }).bookings.length} bookings, ${(body as { freeSlots: unknown[] }).freeSlots.length} free`,
      },
    ];
    for (const spec of specs) {
      await timeGets(spec.client, spec.url, Math.min(30, REQUESTS));
      const { samples: timed, non200, last } = await timeGets(spec.client, spec.url, REQUESTS);
      const run = { label: spec.label, url: spec.url, figures: figures(timed), non200, check: non200 ? `WRONG: ${String(last).slice(0, 200)}` : spec.check(last) };
      say(`    ${run.label.padEnd(44)} p50 ${ms(run.figures.p50)}  p95 ${ms(run.figures.p95)}  (${run.check})`);
      queries.push(run);
    }
    const contention = await contend(app, handle, loaded);
    say(`    (e) ${BURST} at one slot: ${contention.burst.created} × 201, ${contention.burst.taken} × 409 slot_taken, ${contention.burst.other} other, ${Math.round(contention.burst.ms)} ms`);
    say(`    (f) ${contention.run.attempts} attempts: ${contention.run.booked} booked, ${contention.run.taken} slot_taken, ${contention.run.other} other ${JSON.stringify(contention.run.otherCodes)} in ${contention.run.seconds.toFixed(1)} s; POST p95 ${ms(contention.run.post.p95)} ms`);
    return { name: database.name, kind: database.kind, loaded, queries, contention, loadAverage: { start: loadAtStart, end: os.loadavg() } };
  } finally {
    await app?.close();
    await handle.close();
  }
}

function renderSection(runs: DatabaseRun[], skipped: string[], startedAt: Date, runSeconds: number): string {
  const postgres = runs.find((run) => run.kind === 'postgres');
  const horizon = postgres?.queries[0];
  const lines = [
    SECTION_START,
    '## Appointments: free slots and booking under contention (issue 5)',
    '',
    `Target: free slots for a unit with ${PRACTITIONERS} practitioners over 8 weeks, p95 ≤ ${TARGET_P95_MS} ms on PostgreSQL; booking throughput under contention. ` +
      'Measured by `npm run bench:appointments` (bench/appointments.ts), each database new and thrown away afterwards.',
    '',
    `Data: ${UNITS} health centres × ${PRACTITIONERS} practitioners (weekdays 08–12 and 13–17, 30-minute slots: 640 a week each), ${PATIENTS.toLocaleString('en')} patients, ` +
      'eight weeks of past visits (90 % of the slots) and the next eight weeks booked 95 % / 80 % / 60 % (weeks 1–2 / 3–4 / 5–8); VACUUM ANALYZE (as autovacuum would soon after such a load). ' +
      `(a) runs the slot computation behind every list (offeredSlots: the schedules, one query for the live bookings, generation and subtraction) for the whole horizon; (b)–(d) are HTTP requests through app.inject, ${REQUESTS} each after a warm-up, one at a time.`,
    '',
    `${machineLine(startedAt)} Whole run: ${Math.round(runSeconds)} s.`,
    '',
    '| Database | Query | URL | requests | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | non-200 | answer |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runs.flatMap((run) =>
      run.queries.map((q) => `| ${run.name} | ${q.label} | \`${q.url.replace(/[0-9a-f-]{36}/, ':id')}\` | ${q.figures.count} | ${ms(q.figures.p50)} | ${ms(q.figures.p95)} | ${ms(q.figures.p99)} | ${ms(q.figures.max)} | ${q.non200} | ${q.check} |`),
    ),
    '',
    horizon
      ? `**Free slots, ${PRACTITIONERS} practitioners × 8 weeks on ${postgres!.name}: p95 ${ms(horizon.figures.p95)} ms, ${horizon.figures.p95 <= TARGET_P95_MS ? 'meets' : 'misses'} the target of ${TARGET_P95_MS} ms.**`
      : `PostgreSQL was not measured, so the target (p95 ≤ ${TARGET_P95_MS} ms on PostgreSQL) is not judged.`,
    '',
    `Contention: (e) ${BURST} patients send a booking of the same free time at once; (f) ${CONTENDERS} patients at a time each ask for the 3 soonest times and book one of them at random (they collide), ${ATTEMPTS.toLocaleString('en')} attempts in all.`,
    '',
    '| Database | (e) 201 | (e) 409 slot_taken | (e) other | (e) whole burst | (f) booked | (f) slot_taken | (f) other | (f) bookings/s | (f) booking request p50 / p95 (ms) | load average start → end |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...runs.map(({ name, contention: { burst, run }, loadAverage }) =>
      [
        name,
        burst.created,
        burst.taken,
        burst.other,
        `${Math.round(burst.ms)} ms`,
        run.booked,
        run.taken,
        run.other ? `${run.other} (${Object.entries(run.otherCodes).map(([code, count]) => `${count} × ${code}`).join(', ')})` : 0,
        (run.booked / run.seconds).toFixed(0),
        `${ms(run.post.p50)} / ${ms(run.post.p95)}`,
        `${loadAverage.start.map((v) => v.toFixed(2)).join(' / ')} → ${loadAverage.end.map((v) => v.toFixed(2)).join(' / ')}`,
      ].join(' | ').replace(/^/, '| ').concat(' |'),
    ),
    '',
    'No double booking is decided by the database: the exclusion constraint `appointments_no_overlap` (btree_gist, resource = and time range &&, over the live statuses) lets one of the concurrent inserts commit; the others fail with 23P01, answered as 409 `slot_taken`.',
  ];
  if (skipped.length) lines.push('', ...skipped.map((reason) => `- ${reason}`));
  lines.push(SECTION_END);
  return lines.join('\n');
}


runIfMain(import.meta.url, () => runOnEachDatabase({ section: 'appointments', title: 'Appointments', measure, render: renderSection }));
