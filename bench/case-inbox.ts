/**
 * `npm run bench:inbox` — issue 4: the unit inbox's first page, with 10,000 open cases at
 * the unit, must answer with p95 ≤ 50 ms on PostgreSQL.
 *
 * For PostgreSQL (when it answers at 127.0.0.1:5432) and PGlite, each on a brand new
 * database that is thrown away afterwards: migrate, load the e-service catalogue, create
 * 21 units with 8 staff each and 10,000 patients, then insert in bulk (multi-row inserts in
 * batches, not through the API) 10,000 open cases at the measured unit, 2,000 open cases at
 * each of the 20 other units and 30,000 closed cases spread over all 21, each with its
 * 'request' event; ANALYZE. Then log in (demo login) as a nurse of the measured unit and
 * send each inbox query one at a time through the whole HTTP stack with app.inject
 * (session, routing, validation, the page and its count, the audit row, serialisation; no
 * sockets) and time each one.
 *
 * On PostgreSQL the queries behind the first page and the counts are also run once with
 * auto_explain (EXPLAIN ANALYZE of the statements the store really sends) and their plans
 * printed; they go into the report too.
 *
 * Writes its own section at the end of BENCHMARKS.md (between the case-inbox markers),
 * leaving everything else in the file as it is.
 *
 *   npm run bench:inbox                                   # 1,000 first pages, 300 of each other query
 *   REQUESTS=200 FILTERED_REQUESTS=50 npm run bench:inbox  # shorter, for trying it out
 *   PGLITE_REQUESTS=… PGLITE_FILTERED_REQUESTS=…          # PGlite's own counts (default: the same)
 */
import { figures, REPORT_FILE, sectionMarkers, writeSection, type Figures } from './figures.ts';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inboxCounts, inboxPage, type InboxFilter } from '../src/features/cases/store.ts';
import { caseEvents, cases } from '../src/features/cases/tables.ts';
import type { CaseForm } from '../src/features/cases/contract.ts';
import { subjectOf } from '../src/features/cases/forms.ts';
import { loadCatalogueIfEmpty } from '../src/features/e-services/content.ts';
import { renewalControlQuestions } from '../src/features/e-services/questions.ts';
import { eservices } from '../src/features/e-services/tables.ts';
import { luhnCheckDigit } from '../src/lib/personnummer.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import type { Database, DatabaseHandle } from '../src/platform/db/database.ts';
import { careUnits, organisations } from '../src/platform/organisations/tables.ts';
import { persons, staff, staffMemberships } from '../src/platform/people/tables.ts';
import { loginAs, type TestClient } from '../src/platform/testing/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { installInterruptHandlers, runAllCleanups } from './cleanup.ts';
import { machineLine, migrateDatabase, ms, say, timeGets } from './harness.ts';
import { postgresAvailable, preparePglite, preparePostgres, type BenchDatabase } from './databases.ts';
import { DEFAULT_SEED, seededRandom } from './generate-region.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 1000);
const FILTERED_REQUESTS = Number(process.env.FILTERED_REQUESTS ?? 300);
const PGLITE_REQUESTS = Number(process.env.PGLITE_REQUESTS ?? REQUESTS);
const PGLITE_FILTERED_REQUESTS = Number(process.env.PGLITE_FILTERED_REQUESTS ?? FILTERED_REQUESTS);
/** A Tuesday, 10:30 in Stockholm. */
const NOW = '2026-11-24T09:30:00Z';
const TARGET_P95_MS = 50;
const { start: SECTION_START, end: SECTION_END } = sectionMarkers('case-inbox');

// ---- the data ---------------------------------------------------------------------------

const MEASURED_UNIT_OPEN = 10_000;
const OTHER_UNITS = 20;
const OTHER_UNIT_OPEN = 2_000;
const CLOSED = 30_000;
const STAFF_PER_UNIT = 8;
const MEASURED_UNIT_PATIENTS = 2_000;
const OTHER_PATIENTS = 8_000;
const ASSIGNED_SHARE = 0.3;
const DAY_MS = 24 * 3600_000;

const standardTypes = ['bestall_tid', 'av_omboka_tid', 'fornya_recept', 'kontakta_mig', 'begar_intyg', 'skicka_meddelande', 'fraga_om_remiss', 'egenremiss'] as const;
type TypeCode = (typeof standardTypes)[number];
/** How often each type arrives, in percent (renewals most, referrals least). */
const TYPE_MIX: [TypeCode, number][] = [
  ['fornya_recept', 30],
  ['bestall_tid', 20],
  ['kontakta_mig', 15],
  ['skicka_meddelande', 10],
  ['av_omboka_tid', 8],
  ['begar_intyg', 7],
  ['egenremiss', 5],
  ['fraga_om_remiss', 5],
];
const OPEN_STATUSES = ['received', 'assigned', 'awaiting_patient', 'partially_answered'] as const;
type OpenStatus = (typeof OPEN_STATUSES)[number];
const OUTCOMES = ['answered', 'appointment_booked', 'referred', 'prescription_renewed', 'certificate_issued', 'no_action_needed', 'duplicate', 'other'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const weighted = <T>(random: Random, mix: readonly [T, number][]): T => {
  let roll = random() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  return mix.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? mix[0]![0];
};

const medicines = ['Enalapril 10 mg', 'Levaxin 50 mikrogram', 'Metformin 500 mg', 'Atorvastatin 20 mg', 'Omeprazol 20 mg', 'Salbutamol inhalator', 'Sertralin 50 mg', 'Amlodipin 5 mg'];
const reasons = ['Kontroll av blodtrycket', 'Ont i ryggen sedan två veckor', 'Uppföljning av diabetes', 'Hosta som inte går över', 'Vill ta prover inför resa', 'Yrsel på morgonen'];
const complaints = ['Ont i knät vid trappgång', 'Domningar i handen', 'Återkommande huvudvärk', 'Smärta i axeln'];

function formFor(random: Random, type: TypeCode): CaseForm {
  switch (type) {
    case 'bestall_tid':
      return { type, reason: pick(random, reasons), preferredTimes: pick(random, ['Förmiddagar', 'Efter kl 15', 'Helst tisdagar']), withWhom: pick(random, ['nurse', 'doctor', 'no_preference'] as const) };
    case 'av_omboka_tid':
      return { type, action: pick(random, ['rebook', 'cancel'] as const), appointmentDescription: 'Tisdag 1 december kl 10', preferredTimes: 'Veckan efter' };
    case 'fornya_recept':
      return { type, medicine: pick(random, medicines), answers: { works: random() < 0.9, 'side-effects': random() < 0.1 } };
    case 'kontakta_mig':
      return { type, reason: pick(random, ['Fråga om provsvar', 'Fråga om min medicin', 'Vill prata om remissen']), channel: 'phone', phoneNumber: '0701234567', when: pick(random, ['morning', 'any'] as const) };
    case 'begar_intyg':
      return { type, certificate: pick(random, ['Läkarintyg för körkort', 'Intyg om vaccination']), kind: pick(random, ['new', 'renewal'] as const) };
    case 'skicka_meddelande':
      return { type, message: pick(random, ['Jag kommer tio minuter sent i morgon.', 'Tack för hjälpen!', 'Jag har bytt telefonnummer.']) };
    case 'fraga_om_remiss':
      return { type, unitRole: 'receiver', referral: 'Remiss från vårdcentralen i oktober', question: 'Har ni tagit emot den?' };
    case 'egenremiss':
      return { type, complaint: pick(random, complaints), duration: pick(random, ['Tre månader', 'Ett halvår', 'Två veckor']) };
  }
}

type CaseSpec = {
  id: string;
  /** 0 is the measured unit. */
  unit: number;
  patient: number;
  type: TypeCode;
  form: CaseForm;
  status: OpenStatus | 'closed';
  /** Index of the staff member within the unit's eight, or null. */
  assigned: number | null;
  receivedAt: Date;
  deadlineAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  lastActivityAt: Date;
  unreadByUnit: boolean;
  unreadByPatient: boolean;
};

export type InboxData = {
  persons: { identityNumber: string; givenName: string; familyName: string; birthDate: string; protectedIdentity: boolean }[];
  staff: { unit: number; givenName: string; familyName: string; profession: string }[];
  cases: CaseSpec[];
};

const givenNames = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Per', 'Eva', 'Anders', 'Lena', 'Mikael', 'Elin', 'Oskar', 'Ida', 'Ali', 'Fatima', 'Noah'];
const familyNames = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Hussein'];

/** The same data for every database: units, staff, patients with valid personnummer, and the cases. */
export function generateInboxData(seed = DEFAULT_SEED + 40): InboxData {
  const random = seededRandom(seed);
  const now = new Date(NOW).getTime();

  const personRows: InboxData['persons'] = [];
  const taken = new Set<string>();
  while (personRows.length < MEASURED_UNIT_PATIENTS + OTHER_PATIENTS) {
    const year = 1930 + Math.floor(random() * 93);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const nine = `${String(year).slice(2)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(1 + Math.floor(random() * 999)).padStart(3, '0')}`;
    const identityNumber = `${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
    if (taken.has(identityNumber)) continue;
    taken.add(identityNumber);
    personRows.push({ identityNumber, givenName: pick(random, givenNames), familyName: pick(random, familyNames), birthDate, protectedIdentity: random() < 0.005 });
  }

  const staffRows: InboxData['staff'] = [];
  for (let unit = 0; unit <= OTHER_UNITS; unit++) {
    for (let n = 0; n < STAFF_PER_UNIT; n++) {
      staffRows.push({ unit, givenName: pick(random, givenNames), familyName: pick(random, familyNames), profession: n < 5 ? 'nurse' : 'doctor' });
    }
  }

  const patientOf = (unit: number) =>
    unit === 0 ? Math.floor(random() * MEASURED_UNIT_PATIENTS) : MEASURED_UNIT_PATIENTS + Math.floor(random() * OTHER_PATIENTS);

  const openCase = (unit: number): CaseSpec => {
    const type = weighted(random, TYPE_MIX);
    const acknowledgeOnly = type === 'skicka_meddelande';
    const assigned = random() < ASSIGNED_SHARE ? Math.floor(random() * STAFF_PER_UNIT) : null;
    // Skicka meddelande is only acknowledged, which closes it: it is never awaiting the patient or partly answered.
    let status: OpenStatus;
    const roll = random();
    if (assigned !== null) status = acknowledgeOnly || roll < 0.6 ? 'assigned' : roll < 0.8 ? 'awaiting_patient' : 'partially_answered';
    else status = acknowledgeOnly || roll < 0.8 ? 'received' : roll < 0.92 ? 'awaiting_patient' : 'partially_answered';
    // Deadlines over the last 10 and the next 3 days; the case arrived two to four days before its deadline.
    const deadlineAt = new Date(now - 10 * DAY_MS + random() * 13 * DAY_MS);
    const receivedAt = new Date(Math.min(deadlineAt.getTime() - (2 + 2 * random()) * DAY_MS, now - 300_000 - random() * 6 * 3600_000));
    const responded = status === 'awaiting_patient' || status === 'partially_answered';
    const firstResponseAt = responded ? new Date(receivedAt.getTime() + random() * 0.8 * (now - receivedAt.getTime())) : null;
    return {
      id: randomUUID(),
      unit,
      patient: patientOf(unit),
      type,
      form: formFor(random, type),
      status,
      assigned,
      receivedAt,
      deadlineAt,
      firstResponseAt,
      closedAt: null,
      outcome: null,
      lastActivityAt: firstResponseAt ?? receivedAt,
      unreadByUnit: status === 'received' || (status === 'assigned' && random() < 0.5) || (status === 'partially_answered' && random() < 0.3),
      unreadByPatient: responded && random() < 0.6,
    };
  };

  const closedCase = (unit: number): CaseSpec => {
    const type = weighted(random, TYPE_MIX);
    const receivedAt = new Date(now - DAY_MS - random() * 365 * DAY_MS);
    const deadlineAt = new Date(receivedAt.getTime() + (2 + 2 * random()) * DAY_MS);
    const firstResponseAt = new Date(receivedAt.getTime() + random() * 3 * DAY_MS);
    const closedAt = new Date(firstResponseAt.getTime() + random() * 2 * DAY_MS);
    return {
      id: randomUUID(),
      unit,
      patient: patientOf(unit),
      type,
      form: formFor(random, type),
      status: 'closed',
      assigned: random() < 0.8 ? Math.floor(random() * STAFF_PER_UNIT) : null,
      receivedAt,
      deadlineAt,
      firstResponseAt,
      closedAt,
      outcome: type === 'skicka_meddelande' ? 'no_action_needed' : pick(random, OUTCOMES),
      lastActivityAt: closedAt,
      unreadByUnit: false,
      unreadByPatient: false,
    };
  };

  const caseRows: CaseSpec[] = [];
  for (let n = 0; n < MEASURED_UNIT_OPEN; n++) caseRows.push(openCase(0));
  for (let unit = 1; unit <= OTHER_UNITS; unit++) for (let n = 0; n < OTHER_UNIT_OPEN; n++) caseRows.push(openCase(unit));
  for (let n = 0; n < CLOSED; n++) caseRows.push(closedCase(n % (OTHER_UNITS + 1)));
  // Arrival order, as a live table would have them.
  caseRows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  return { persons: personRows, staff: staffRows, cases: caseRows };
}

type Loaded = { unitId: string; nurseId: string; loadMs: number; analyzeMs: number };

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let at = 0; at < rows.length; at += size) await insert(rows.slice(at, at + size));
}

export async function loadInbox(handle: DatabaseHandle, data: InboxData): Promise<Loaded> {
  await migrateDatabase(handle);
  const db = handle.db;
  await loadCatalogueIfEmpty(db);
  const startedAt = performance.now();
  const names = new Map((await db.select({ code: eservices.code, sv: eservices.nameSv, en: eservices.nameEn }).from(eservices)).map((row) => [row.code, row]));

  const [organisation] = await db.insert(organisations).values({ kind: 'region', name: 'Region Bench', organisationNumber: '232100-0400', optionPackages: [1] }).returning();
  const units = await db
    .insert(careUnits)
    .values(
      Array.from({ length: OTHER_UNITS + 1 }, (_, n) => ({
        hsaId: `SE2321000400-E${String(n + 1).padStart(4, '0')}`,
        name: n === 0 ? 'Vårdcentralen Stora Inkorgen' : `Vårdcentralen Bench ${n}`,
        kind: 'vardcentral',
        organisationId: organisation!.id,
        locality: n === 0 ? 'Storby' : `Ort ${n}`,
      })),
    )
    .returning({ id: careUnits.id });
  const staffIds = (
    await db
      .insert(staff)
      .values(data.staff.map((member, n) => ({ hsaId: `SE2321000400-S${String(n + 1).padStart(5, '0')}`, givenName: member.givenName, familyName: member.familyName, profession: member.profession })))
      .returning({ id: staff.id })
  ).map((row) => row.id);
  await db.insert(staffMemberships).values(data.staff.map((member, n) => ({ staffId: staffIds[n]!, unitId: units[member.unit]!.id, roles: ['clinician'] })));
  const personIds: string[] = [];
  await insertInBatches(data.persons, 1000, async (batch) => {
    const rows = await db
      .insert(persons)
      .values(batch.map((person) => ({ ...person, identityKind: 'personnummer' })))
      .returning({ id: persons.id });
    personIds.push(...rows.map((row) => row.id));
  });

  const staffOf = (unit: number, index: number | null) => (index === null ? null : staffIds[unit * STAFF_PER_UNIT + index]!);
  // One transaction: one commit for the lot, not one per batch.
  await db.transaction(async (tx) => {
    await insertInBatches(data.cases, 500, (batch) =>
      tx.insert(cases).values(
        batch.map((spec) => {
          const name = names.get(spec.type);
          const typeNameSv = name?.sv ?? spec.type;
          return {
            id: spec.id,
            unitId: units[spec.unit]!.id,
            patientId: personIds[spec.patient]!,
            typeCode: spec.type,
            typeNameSv,
            typeNameEn: name?.en ?? spec.type,
            origin: 'patient',
            status: spec.status,
            acknowledgeOnly: spec.type === 'skicka_meddelande',
            assignedStaffId: staffOf(spec.unit, spec.assigned),
            subject: subjectOf(spec.form, typeNameSv),
            form: spec.form as Record<string, unknown>,
            questions: spec.type === 'fornya_recept' ? renewalControlQuestions : [],
            createdByPersonId: personIds[spec.patient]!,
            receivedAt: spec.receivedAt,
            deadlineAt: spec.deadlineAt,
            firstResponseAt: spec.firstResponseAt,
            closedAt: spec.closedAt,
            outcome: spec.outcome,
            lastActivityAt: spec.lastActivityAt,
            unreadByUnit: spec.unreadByUnit,
            unreadByPatient: spec.unreadByPatient,
          };
        }),
      ),
    );
    await insertInBatches(data.cases, 1000, (batch) =>
      tx
        .insert(caseEvents)
        .values(batch.map((spec) => ({ caseId: spec.id, kind: 'request', authorPersonId: personIds[spec.patient]!, unitId: units[spec.unit]!.id, createdAt: spec.receivedAt }))),
    );
  });
  const loadMs = performance.now() - startedAt;
  // Statistics, as autovacuum would have gathered on a live database.
  const analyzedAt = performance.now();
  await db.execute(sql`analyze`);
  return { unitId: units[0]!.id, nurseId: staffIds[0]!, loadMs, analyzeMs: performance.now() - analyzedAt };
}

// ---- the queries ------------------------------------------------------------------------

type QueryName = 'first page' | 'assigned=me' | 'deadline=late' | 'type=fornya_recept' | '20th page' | 'counts';
const QUERIES: { name: QueryName; label: string; url: string }[] = [
  { name: 'first page', label: '(a) first page, open by deadline', url: '/api/staff/cases' },
  { name: 'assigned=me', label: '(b) assigned to me', url: '/api/staff/cases?assigned=me' },
  { name: 'deadline=late', label: '(c) late', url: '/api/staff/cases?deadline=late' },
  { name: 'type=fornya_recept', label: '(d) Förnya recept', url: '/api/staff/cases?type=fornya_recept' },
  { name: '20th page', label: '(e) 20th page (cursor)', url: '/api/staff/cases?after=…' },
  { name: 'counts', label: '(f) start page counts', url: '/api/staff/cases/counts' },
];

/** What each query should find, worked out from the generated data (so a wrong answer is noticed). */
function expectations(data: InboxData) {
  const now = new Date(NOW).getTime();
  const open = data.cases.filter((spec) => spec.unit === 0 && spec.status !== 'closed');
  const unanswered = (spec: CaseSpec) => spec.firstResponseAt === null;
  return {
    'first page': open.length,
    'assigned=me': open.filter((spec) => spec.assigned === 0).length,
    'deadline=late': open.filter((spec) => unanswered(spec) && spec.deadlineAt.getTime() <= now).length,
    'type=fornya_recept': open.filter((spec) => spec.type === 'fornya_recept').length,
    '20th page': open.length,
    counts: {
      open: open.length,
      unassigned: open.filter((spec) => spec.assigned === null).length,
      mine: open.filter((spec) => spec.assigned === 0).length,
      dueSoon: open.filter((spec) => unanswered(spec) && spec.deadlineAt.getTime() > now && spec.deadlineAt.getTime() <= now + DAY_MS).length,
      late: open.filter((spec) => unanswered(spec) && spec.deadlineAt.getTime() <= now).length,
      awaitingPatient: open.filter((spec) => spec.status === 'awaiting_patient').length,
    },
  };
}



type QueryRun = { name: QueryName; figures: Figures; non200: number; matching: number; wrong: string | null };
type DatabaseRun = {
  name: string;
  kind: BenchDatabase['kind'];
  setup: { loadMs: number; analyzeMs: number; chainMs: number };
  queries: QueryRun[];
  /** PostgreSQL only: the same queries again after VACUUM ANALYZE. */
  vacuumed: { vacuumMs: number; queries: QueryRun[] } | null;
  plans: { label: string; state: 'ANALYZE only' | 'after VACUUM'; text: string }[];
  requests: number;
  filteredRequests: number;
  /** os.loadavg() before and after the timed requests: the machine may be shared. */
  loadAverage: { start: number[]; end: number[] };
};

type Page = { items: { id: string }[]; total: number; nextCursor: string | null };


async function measureQueries(
  client: TestClient,
  urlOf: (name: QueryName, url: string) => string,
  expected: ReturnType<typeof expectations>,
  requests: number,
  filteredRequests: number,
): Promise<QueryRun[]> {
  const queries: QueryRun[] = [];
  for (const query of QUERIES) {
    const count = query.name === 'first page' ? requests : filteredRequests;
    const url = urlOf(query.name, query.url);
    await timeGets(client, url, Math.min(100, Math.ceil(count / 10)));
    const { samples, non200, last } = await timeGets(client, url, count);
    let matching = 0;
    let wrong: string | null = non200 > 0 ? `non-200: ${String(last).slice(0, 200)}` : null;
    if (query.name === 'counts') {
      matching = (last as { open: number }).open;
      if (JSON.stringify(last) !== JSON.stringify(expected.counts)) wrong = `counts ${JSON.stringify(last)}, expected ${JSON.stringify(expected.counts)}`;
    } else if (last) {
      const page = last as Page;
      matching = page.total;
      if (page.total !== expected[query.name]) wrong = `total ${page.total}, expected ${expected[query.name]}`;
      else if (page.items.length !== Math.min(25, page.total)) wrong = `${page.items.length} items on the page`;
    }
    const run: QueryRun = { name: query.name, figures: figures(samples), non200, matching, wrong };
    say(
      `    ${query.label.padEnd(34)} p50 ${ms(run.figures.p50).padStart(6)}  p95 ${ms(run.figures.p95).padStart(6)}  p99 ${ms(run.figures.p99).padStart(6)}  max ${ms(run.figures.max).padStart(6)}  (${run.figures.count} requests, ${matching} cases${wrong ? `; WRONG: ${wrong}` : ''})`,
    );
    queries.push(run);
  }
  return queries;
}

async function measure(database: BenchDatabase, data: InboxData): Promise<DatabaseRun> {
  const requests = database.kind === 'pglite' ? PGLITE_REQUESTS : REQUESTS;
  const filteredRequests = database.kind === 'pglite' ? PGLITE_FILTERED_REQUESTS : FILTERED_REQUESTS;
  const handle = await openDatabase(
    database.env.DATABASE_URL ? { kind: 'postgres', url: database.env.DATABASE_URL } : { kind: 'pglite', dataDir: database.env.DATA_DIR },
  );
  let app: FastifyInstance | undefined;
  try {
    const clock = fixedClock(NOW);
    say(`  loading ${data.cases.length} cases, ${data.persons.length} patients …`);
    const loaded = await loadInbox(handle, data);
    say(`  loaded in ${Math.round(loaded.loadMs)} ms, ANALYZE ${Math.round(loaded.analyzeMs)} ms`);
    const config = loadConfig({
      NODE_ENV: 'test',
      // The demo login is how the bench logs in as the unit's nurse (a persona made for it).
      DEMO_MODE: 'true',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: '/nonexistent-web-dist',
    });
    app = await buildApp({ config, db: handle, clock, isReady: () => true }, { logger: false });
    await app.ready();
    const client = await loginAs(app, handle.db, { staffId: loaded.nurseId });

    // The cursor of the 20th page: follow nextCursor from the first page.
    let cursor: string | null = null;
    const chainStartedAt = performance.now();
    for (let page = 1; page < 20; page++) {
      const response = await client.get(`/api/staff/cases${cursor ? `?after=${cursor}` : ''}`);
      if (response.statusCode !== 200) throw new Error(`page ${page} answered ${response.statusCode}: ${response.body}`);
      cursor = (response.json() as Page).nextCursor;
      if (!cursor) throw new Error(`page ${page} has no next page`);
    }
    const chainMs = performance.now() - chainStartedAt;
    const expected = expectations(data);
    const loadAtStart = os.loadavg();
    const urlOf = (name: QueryName, url: string) => (name === '20th page' ? `/api/staff/cases?after=${cursor}` : url);

    const queries = await measureQueries(client, urlOf, expected, requests, filteredRequests);
    const plans: DatabaseRun['plans'] = [];
    let vacuumed: DatabaseRun['vacuumed'] = null;
    if (database.env.DATABASE_URL) {
      plans.push(...(await explain(database.env.DATABASE_URL, loaded, new Date(NOW), cursor!, 'ANALYZE only')));
      // The same queries once VACUUM has run: what autovacuum (off on some servers) would give a quiet table.
      say('  VACUUM ANALYZE, then the same queries again:');
      const vacuumStartedAt = performance.now();
      await handle.db.execute(sql`vacuum analyze`);
      const vacuumMs = performance.now() - vacuumStartedAt;
      vacuumed = { vacuumMs, queries: await measureQueries(client, urlOf, expected, requests, filteredRequests) };
      plans.push(...(await explain(database.env.DATABASE_URL, loaded, new Date(NOW), cursor!, 'after VACUUM')));
    }
    const loadAverage = { start: loadAtStart, end: os.loadavg() };
    return {
      name: database.name,
      kind: database.kind,
      setup: { loadMs: loaded.loadMs, analyzeMs: loaded.analyzeMs, chainMs },
      queries,
      vacuumed,
      plans,
      requests,
      filteredRequests,
      loadAverage,
    };
  } finally {
    await app?.close();
    await handle.close();
  }
}

/**
 * EXPLAIN ANALYZE of exactly what the store sends: auto_explain in a session of our own
 * (a superuser may LOAD it) reports each statement's plan to the client as a notice.
 */
async function explain(url: string, loaded: Loaded, now: Date, cursor: string, state: 'ANALYZE only' | 'after VACUUM'): Promise<DatabaseRun['plans']> {
  const client = new pg.Client({ connectionString: url });
  const notices: string[] = [];
  client.on('notice', (notice) => notices.push(notice.message ?? ''));
  await client.connect();
  const plans: DatabaseRun['plans'] = [];
  try {
    try {
      await client.query("LOAD 'auto_explain'");
    } catch (error) {
      return [{ label: 'auto_explain', state, text: `not available: ${error instanceof Error ? error.message : String(error)}` }];
    }
    for (const setting of ['log_min_duration = 0', 'log_analyze = on', 'log_buffers = on', 'log_timing = on', "log_level = 'notice'"]) {
      await client.query(`SET auto_explain.${setting}`);
    }
    const db = drizzle({ client }) as unknown as Database;
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const open: InboxFilter = { unitId: loaded.unitId, now, status: 'open' };
    const runs: [string, (tx: Database) => Promise<unknown>][] = [
      ['(a) first page', (tx) => inboxPage(tx, open, null, 25)],
      ['(b) assigned=me', (tx) => inboxPage(tx, { ...open, assignedStaffId: loaded.nurseId }, null, 25)],
      ['(c) deadline=late', (tx) => inboxPage(tx, { ...open, deadline: 'late' }, null, 25)],
      ['(d) type=fornya_recept', (tx) => inboxPage(tx, { ...open, type: 'fornya_recept' }, null, 25)],
      ['(e) 20th page', (tx) => inboxPage(tx, open, { key, id }, 25)],
      ['(f) counts', (tx) => inboxCounts(tx, loaded.unitId, loaded.nurseId, now)],
    ];
    for (const [label, run] of runs) {
      // Warm, as in the timed runs; then the plans of one more run.
      await db.transaction(run);
      notices.length = 0;
      await db.transaction(run);
      notices.forEach((text, n) => plans.push({ label: notices.length > 1 ? `${label}, statement ${n + 1}` : label, state, text: text.trim() }));
    }
  } finally {
    await client.end();
  }
  return plans;
}

// ---- the report -------------------------------------------------------------------------



/** From an auto_explain notice: its duration and how it reached the cases table. */
function planSummary(text: string): { duration: number | null; access: string } {
  const duration = /duration: ([\d.]+) ms/.exec(text)?.[1];
  const nodes = [...text.matchAll(/(Index Only Scan using cases\w*|Index Scan using cases\w*|Bitmap Index Scan on cases\w*|Seq Scan on cases\b)/g)].map((match) => match[1]!);
  return { duration: duration ? Number(duration) : null, access: [...new Set(nodes)].join(' + ') || '?' };
}

const statementOf = (plan: DatabaseRun['plans'][number]) =>
  /Query Text: select count\(\*\)::int from/.test(plan.text) ? 'total' : /Query Text: select count\(\*\)::int,/.test(plan.text) ? 'counts' : 'page';

function renderSection(runs: DatabaseRun[], skipped: string[], startedAt: Date, data: InboxData, runSeconds: number): string {
  const example: Record<QueryName, string> = {
    'first page': '`GET /api/staff/cases`',
    'assigned=me': '`?assigned=me`',
    'deadline=late': '`?deadline=late`',
    'type=fornya_recept': '`?type=fornya_recept`',
    '20th page': '`?after=<cursor of page 19>`',
    counts: '`GET /api/staff/cases/counts`',
  };
  const postgres = runs.find((run) => run.kind === 'postgres');
  const firstOf = (queries: QueryRun[] | undefined) => queries?.find((query) => query.name === 'first page');
  const first = firstOf(postgres?.queries);
  const firstVacuumed = firstOf(postgres?.vacuumed?.queries);
  const verdict = (query: QueryRun) => `p95 ${ms(query.figures.p95)} ms, ${query.figures.p95 <= TARGET_P95_MS ? 'meets' : 'misses'} the target`;
  const rows = (run: DatabaseRun, state: string, queries: QueryRun[]) =>
    queries.map((query) => {
      const label = QUERIES.find((candidate) => candidate.name === query.name)!.label;
      return (
        `| ${run.name} | ${state} | ${label} | ${example[query.name]} | ${query.figures.count} | ${query.matching.toLocaleString('en')}${query.wrong ? ' (WRONG)' : ''} | ` +
        `${ms(query.figures.p50)} | ${ms(query.figures.p95)} | ${ms(query.figures.p99)} | ${ms(query.figures.mean)} | ${ms(query.figures.max)} | ${query.non200} |`
      );
    });
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const lines = [
    SECTION_START,
    '## Case inbox (issue 4)',
    '',
    `Target: the unit inbox's first page with ${MEASURED_UNIT_OPEN.toLocaleString('en')} open cases at the unit, p95 ≤ ${TARGET_P95_MS} ms on PostgreSQL. ` +
      'Measured by `npm run bench:inbox` (bench/case-inbox.ts), each database new and thrown away afterwards.',
    '',
    `Data (seeded, the same on both databases): 21 vårdcentraler with ${STAFF_PER_UNIT} staff each and ${data.persons.length.toLocaleString('en')} patients ` +
      `(valid personnummer); ${MEASURED_UNIT_OPEN.toLocaleString('en')} open cases at the measured unit (from ${MEASURED_UNIT_PATIENTS.toLocaleString('en')} patients), ` +
      `${OTHER_UNIT_OPEN.toLocaleString('en')} open cases at each of the ${OTHER_UNITS} other units and ${CLOSED.toLocaleString('en')} closed cases spread over all 21 ` +
      `(${data.cases.length.toLocaleString('en')} cases and as many \`request\` events in all). Open cases: the 8 standard types (Förnya recept 30 %, Beställ tid 20 %, …), ` +
      `about ${Math.round(ASSIGNED_SHARE * 100)} % assigned to one of the unit's ${STAFF_PER_UNIT} staff, statuses received / assigned / awaiting_patient / partially_answered, ` +
      'deadlines spread over the last 10 and the next 3 days. Inserted in bulk (multi-row inserts with the Drizzle tables, not through the API), then ANALYZE. ' +
      'On PostgreSQL every query is measured twice: as loaded ("ANALYZE only": no VACUUM yet, so the visibility map is empty and no index-only scan pays off), ' +
      'then after `VACUUM ANALYZE` (what autovacuum would soon have done to a table that is only inserted into).',
    '',
    `${machineLine(startedAt)} Whole run (both databases, loading included): ${Math.round(runSeconds)} s.`,
    '',
    'Logged in (demo login) as a nurse of the measured unit. Each query is sent one at a time after its own warm-up ' +
      '(a tenth of its count, at most 100) through `app.inject` (the whole HTTP stack in process: session, routing, validation, ' +
      'the page and its total, the audit row the inbox writes, serialisation; no sockets), timed from the call until the response is complete. ' +
      'Clock fixed at Tuesday 24 November 2026, 10:30 Stockholm time. "Cases" is the total the answer reports (checked against the generated data).',
    '',
    '| Database | State | Query | Example | requests | cases | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) | max (ms) | non-200 |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.flatMap((run) => [...rows(run, 'ANALYZE only', run.queries), ...(run.vacuumed ? rows(run, 'after VACUUM', run.vacuumed.queries) : [])]),
    '',
    first
      ? `**(a) on ${postgres!.name}: ${verdict(first)} of ${TARGET_P95_MS} ms as loaded (ANALYZE only)` +
        `${firstVacuumed ? `; ${verdict(firstVacuumed)} after VACUUM` : ''}.**`
      : `PostgreSQL was not measured, so the target (p95 ≤ ${TARGET_P95_MS} ms on PostgreSQL) is not judged.`,
    '',
    'Load average (1 / 5 / 15 min) when the timed requests began and when they ended — the figures are only as quiet as the machine was:',
    '',
    ...runs.map((run) => `- ${run.name}: ${load(run.loadAverage.start)} → ${load(run.loadAverage.end)}`),
    '',
    '| Database | loading the cases (bulk) | ANALYZE | VACUUM ANALYZE | following nextCursor to page 20 (19 requests, once) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.name} | ${(run.setup.loadMs / 1000).toFixed(1)} s | ${Math.round(run.setup.analyzeMs)} ms | ${run.vacuumed ? `${Math.round(run.vacuumed.vacuumMs)} ms` : '–'} | ${Math.round(run.setup.chainMs)} ms |`,
    ),
  ];
  const pglite = runs.find((run) => run.kind === 'pglite');
  if (pglite && (pglite.requests !== REQUESTS || pglite.filteredRequests !== FILTERED_REQUESTS)) {
    lines.push('', `PGlite was measured with fewer requests (${pglite.requests} first pages, ${pglite.filteredRequests} of each other query), for information only.`);
  }
  const wrong = runs.flatMap((run) =>
    [...run.queries, ...(run.vacuumed?.queries ?? [])].filter((query) => query.wrong).map((query) => `- ${run.name}, ${query.name}: ${query.wrong}`),
  );
  if (wrong.length > 0) lines.push('', 'Wrong answers:', '', ...wrong);
  if (skipped.length > 0) lines.push('', ...skipped.map((reason) => `- ${reason}`));
  if (postgres && postgres.plans.length > 0) {
    const labels = [...new Set(postgres.plans.map((plan) => plan.label.replace(/, statement \d+$/, '')))];
    lines.push(
      '',
      `Where the database time goes on ${postgres.name}: each statement the store sends for one request, run once more after the timed requests with ` +
        'auto_explain (EXPLAIN ANALYZE, so with its timing overhead), and how it reaches the cases table:',
      '',
      '| Query | statement | ANALYZE only (ms) | access | after VACUUM (ms) | access |',
      '| --- | --- | ---: | --- | ---: | --- |',
    );
    for (const label of labels) {
      const of = (state: DatabaseRun['plans'][number]['state']) => postgres.plans.filter((plan) => plan.state === state && plan.label.replace(/, statement \d+$/, '') === label);
      const before = of('ANALYZE only');
      const after = of('after VACUUM');
      before.forEach((plan, n) => {
        const one = planSummary(plan.text);
        const two = after[n] ? planSummary(after[n].text) : null;
        lines.push(`| ${label} | ${statementOf(plan)} | ${one.duration ?? '?'} | ${one.access} | ${two?.duration ?? '–'} | ${two?.access ?? '–'} |`);
      });
    }
    const firstPlans = postgres.plans.filter((plan) => plan.label.startsWith('(a)'));
    lines.push(
      '',
      `<details><summary>Plans of (a) on ${postgres.name} (auto_explain: the total, then the page; as loaded, then after VACUUM)</summary>`,
      '',
      '```',
      ...firstPlans.flatMap((plan) => [`-- ${plan.label} (${plan.state})`, plan.text, '']),
      '```',
      '',
      '</details>',
    );
  }
  lines.push(SECTION_END);
  return lines.join('\n');
}



async function main() {
  installInterruptHandlers();
  for (const [name, value] of Object.entries({ REQUESTS, FILTERED_REQUESTS, PGLITE_REQUESTS, PGLITE_FILTERED_REQUESTS })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  }
  const startedAt = new Date();
  const clockStartedAt = performance.now();
  const data = generateInboxData();
  const runs: DatabaseRun[] = [];
  const skipped: string[] = [];
  const preparations: (() => Promise<BenchDatabase>)[] = [];
  const postgres = await postgresAvailable();
  if (postgres.ok) preparations.push(preparePostgres);
  else skipped.push(`PostgreSQL: not measured, ${postgres.reason}.`);
  if (process.env.SKIP_PGLITE !== '1') preparations.push(preparePglite);
  for (const prepare of preparations) {
    const database = await prepare();
    try {
      say(`== ${database.name}`);
      const run = await measure(database, data);
      for (const plan of run.plans) say(`\n-- plan (${plan.state}): ${plan.label}\n${plan.text}`);
      runs.push(run);
    } finally {
      await database.dispose();
    }
  }
  const runSeconds = (performance.now() - clockStartedAt) / 1000;
  writeSection('case-inbox', renderSection(runs, skipped, startedAt, data, runSeconds));
  say(`\nWhole run ${Math.round(runSeconds)} s. Written to ${path.relative(process.cwd(), REPORT_FILE)} (section "Case inbox (issue 4)").`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await runAllCleanups();
    process.exit(1);
  });
}
