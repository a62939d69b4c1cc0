/**
 * `npm run bench:search` — issue 3: unit search over a region of Västra Götaland's
 * size (1,500 units) must answer with p95 ≤ 20 ms on PostgreSQL.
 *
 * For PostgreSQL (when it answers at 127.0.0.1:5432) and PGlite, each on a brand new
 * database that is thrown away afterwards: migrate, load the e-service catalogue,
 * create the generated region's organisations, import its units through the import
 * service (as a region administrator, the same code as the admin page), turn on the
 * basic e-services that apply to each unit, ANALYZE, then send searches one at a time
 * through the whole HTTP stack with app.inject (routing, validation, the search,
 * opening hours, e-services, serialisation; no sockets) and time each one.
 *
 * Writes its own section at the end of BENCHMARKS.md (between the unit-search
 * markers), leaving everything else in the file as it is.
 *
 *   npm run bench:search                 # both databases, 3,000 searches each
 *   SEARCHES=500 npm run bench:search    # shorter, for trying it out
 */
import { figures, REPORT_FILE, sectionMarkers, writeSection, type Figures } from './figures.ts';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadCatalogueIfEmpty } from '../src/features/e-services/content.ts';
import { everyone } from '../src/features/e-services/model.ts';
import { eservices, unitEservices } from '../src/features/e-services/tables.ts';
import { importUnits } from '../src/features/unit-import/service.ts';
import type { StaffActor } from '../src/platform/auth/actor.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { careUnits, organisations } from '../src/platform/organisations/tables.ts';
import { organisationRoles, staff } from '../src/platform/people/tables.ts';
import { careUnitKinds } from '../src/platform/organisations/model.ts';
import { foldDiacritics } from '../src/features/care-units/model.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { installInterruptHandlers, runAllCleanups } from './cleanup.ts';
import { postgresAvailable, preparePglite, preparePostgres, type BenchDatabase } from './databases.ts';
import { DEFAULT_SEED, generateRegion, seededRandom, type GeneratedRegion } from './generate-region.ts';
import { migrateDatabase, say } from './harness.ts';

const SEARCHES = Number(process.env.SEARCHES ?? 3000);
const WARMUP = Math.min(300, Math.ceil(SEARCHES / 10));
/** A Tuesday, 10:30 in Stockholm: weekday hours apply, so "open now" is a real filter. */
const NOW = '2026-11-24T09:30:00Z';
const TARGET_P95_MS = 20;
const { start: SECTION_START, end: SECTION_END } = sectionMarkers('unit-search');

type Category = 'place' | 'vc place' | 'place vårdcentral' | 'typo' | 'kind filter' | 'open now' | 'nearest' | 'care + place' | 'e-service filter';
type Search = { category: Category; url: string };

/** The query mix, weights in percent. */
const MIX: [Category, number][] = [
  ['place', 18],
  ['vc place', 12],
  ['place vårdcentral', 12],
  ['typo', 12],
  ['kind filter', 12],
  ['open now', 10],
  ['nearest', 12],
  ['care + place', 8],
  ['e-service filter', 4],
];

/** One edit: a letter replaced, dropped, or two swapped ("Ljungby" → "Ljngby", "Ljugnby"). */
function typo(random: () => number, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letters = 'aeioulnrstkgbdmå';
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, at) + letters[Math.floor(random() * letters.length)] + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

export function searchMix(region: GeneratedRegion, count: number, seed = DEFAULT_SEED + 1): Search[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Places with units, as people type them: sometimes lower case, sometimes without å, ä, ö.
  const placesWithUnits = [...new Set(region.units.map((unit) => unit.place))];
  const asTyped = (place: string) => {
    const r = random();
    return r < 0.3 ? place.toLowerCase() : r < 0.45 ? foldDiacritics(place).toLowerCase() : place;
  };
  const url = (params: Record<string, string | number>) =>
    `/api/public/units?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`;
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const searches: Search[] = [];
  for (let n = 0; n < count; n++) {
    let roll = random() * total;
    const category = MIX.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'place';
    const place = pick(placesWithUnits);
    switch (category) {
      case 'place':
        searches.push({ category, url: url({ q: asTyped(place) }) });
        break;
      case 'vc place':
        searches.push({ category, url: url({ q: `vc ${asTyped(place)}` }) });
        break;
      case 'place vårdcentral':
        searches.push({ category, url: url({ q: `${asTyped(place)} vårdcentral` }) });
        break;
      case 'typo':
        searches.push({ category, url: url({ q: typo(random, place.toLowerCase()) }) });
        break;
      case 'kind filter':
        searches.push({ category, url: url(random() < 0.5 ? { kind: pick(careUnitKinds) } : { kind: pick(careUnitKinds), q: asTyped(place) }) });
        break;
      case 'open now':
        searches.push({ category, url: url(random() < 0.5 ? { openNow: 'true', kind: 'vardcentral' } : { openNow: 'true', q: asTyped(place) }) });
        break;
      case 'nearest': {
        const position = { lat: (57.1 + random() * 2.2).toFixed(4), lon: (11.1 + random() * 3.5).toFixed(4) };
        searches.push({ category, url: url(random() < 0.5 ? { ...position, limit: 10 } : { ...position, kind: pick(['vardcentral', 'folktandvard', 'jourcentral']), limit: 10 }) });
        break;
      }
      case 'care + place':
        searches.push({ category, url: url({ q: `${pick(['diabetes', 'tandvård', 'bvc', 'hjärtsvikt', 'ungdomsmottagning', 'rehab'])} ${asTyped(place)}` }) });
        break;
      case 'e-service filter':
        searches.push({ category, url: url({ eservice: pick(['fornya_recept', 'chatt', 'egenremiss']), q: asTyped(place) }) });
        break;
    }
  }
  return searches;
}



type DatabaseRun = {
  name: string;
  setup: { importMs: number; dryRunMs: number; units: number };
  overall: Figures;
  byCategory: { category: Category; figures: Figures; withResults: number }[];
  non200: number;
};

export async function loadRegion(handle: DatabaseHandle, region: GeneratedRegion, clock: ReturnType<typeof fixedClock>) {
  await migrateDatabase(handle);
  await loadCatalogueIfEmpty(handle.db);
  const created = await handle.db.insert(organisations).values(region.organisations.map((o) => ({ ...o, optionPackages: [1] }))).returning();
  const regionOrganisation = created.find((o) => o.kind === 'region')!;
  const [administrator] = await handle.db
    .insert(staff)
    .values({ hsaId: 'SE2321000500-S000001', givenName: 'Bench', familyName: 'Regionadministratör', profession: 'administrator' })
    .returning();
  await handle.db.insert(organisationRoles).values({ staffId: administrator!.id, organisationId: regionOrganisation.id, role: 'organisation_admin' });
  const actor: StaffActor = {
    kind: 'staff',
    staffId: administrator!.id,
    sessionId: 'bench',
    unitId: null,
    unitRoles: [],
    administeredOrganisationIds: [regionOrganisation.id],
  };
  const context = { db: handle.db, clock, requestId: 'bench-unit-search' };

  let startedAt = performance.now();
  const preview = await importUnits(context, actor, region.csv, { dryRun: true, language: 'sv' });
  const dryRunMs = performance.now() - startedAt;
  if (preview.summary.invalid > 0) {
    const first = preview.lines.find((line) => line.action === 'invalid');
    throw new Error(`the generated region has invalid lines, e.g. ${JSON.stringify(first)}`);
  }
  startedAt = performance.now();
  const report = await importUnits(context, actor, region.csv, { dryRun: false, language: 'sv' });
  const importMs = performance.now() - startedAt;

  // The basic e-services that apply to each unit's kind, most of them turned on (as a live region would have).
  const random = seededRandom(DEFAULT_SEED + 2);
  const catalogue = (await handle.db.select().from(eservices)).filter((service) => service.basicOffering);
  const units = await handle.db.select({ id: careUnits.id, kind: careUnits.kind }).from(careUnits);
  const activations = units.flatMap((unit) =>
    catalogue
      .filter((service) => service.appliesToUnitKinds.includes(unit.kind) && random() < 0.85)
      .map((service) => ({ unitId: unit.id, eserviceCode: service.code, status: 'active', offeredByPhoneOrDesk: true, patientGroup: everyone, updatedAt: clock.now() })),
  );
  for (let at = 0; at < activations.length; at += 1000) await handle.db.insert(unitEservices).values(activations.slice(at, at + 1000));
  // Statistics, as autovacuum would have gathered on a live database.
  await handle.db.execute(sql`analyze`);
  return { importMs, dryRunMs, units: report.summary.create };
}

async function measure(database: BenchDatabase, region: GeneratedRegion, searches: Search[]): Promise<DatabaseRun> {
  const handle = await openDatabase(
    database.env.DATABASE_URL ? { kind: 'postgres', url: database.env.DATABASE_URL } : { kind: 'pglite', dataDir: database.env.DATA_DIR },
  );
  let app: FastifyInstance | undefined;
  try {
    const clock = fixedClock(NOW);
    say(`  loading ${region.units.length} units …`);
    const setup = await loadRegion(handle, region, clock);
    say(`  imported in ${Math.round(setup.importMs)} ms (dry run ${Math.round(setup.dryRunMs)} ms)`);
    const config = loadConfig({
      NODE_ENV: 'test',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      WEB_DIST_DIR: '/nonexistent-web-dist',
    });
    app = await buildApp({ config, db: handle, clock, isReady: () => true }, { logger: false });
    await app.ready();

    const warmup = searchMix(region, WARMUP, DEFAULT_SEED + 3);
    for (const search of warmup) await app.inject({ method: 'GET', url: search.url });

    const samples = new Map<Category, number[]>();
    const withResults = new Map<Category, number>();
    const all: number[] = [];
    let non200 = 0;
    for (const search of searches) {
      const startedAt = performance.now();
      const response = await app.inject({ method: 'GET', url: search.url });
      const elapsed = performance.now() - startedAt;
      if (response.statusCode !== 200) {
        non200 += 1;
        continue;
      }
      all.push(elapsed);
      samples.set(search.category, [...(samples.get(search.category) ?? []), elapsed]);
      if ((response.json() as { units: unknown[] }).units.length > 0) withResults.set(search.category, (withResults.get(search.category) ?? 0) + 1);
    }
    return {
      name: database.name,
      setup,
      overall: figures(all),
      byCategory: MIX.filter(([category]) => samples.has(category)).map(([category]) => ({
        category,
        figures: figures(samples.get(category)!),
        withResults: withResults.get(category) ?? 0,
      })),
      non200,
    };
  } finally {
    await app?.close();
    await handle.close();
  }
}

const ms = (value: number) => value.toFixed(1);

function renderSection(runs: DatabaseRun[], skipped: string[], startedAt: Date): string {
  const cpus = os.cpus();
  const lines = [
    SECTION_START,
    '## Unit search (issue 3)',
    '',
    `Target: p95 ≤ ${TARGET_P95_MS} ms on PostgreSQL for a region of Västra Götaland's size. Measured by \`npm run bench:search\` ` +
      '(bench/unit-search.ts) on a generated region (bench/generate-region.ts, seed ' +
      `${DEFAULT_SEED}: 1 region, 49 municipalities, 1,500 units of all kinds with their care offered and basic e-services), ` +
      'each database new and thrown away afterwards. The units are loaded through the CSV import service, then ANALYZE.',
    '',
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), Node ${process.version}. ` +
      `${runs[0]?.overall.count ?? SEARCHES} searches per database after ${WARMUP} warm-up searches, one at a time, each ` +
      '`GET /api/public/units?…` through `app.inject` (the whole HTTP stack in process: routing, validation, the search, ' +
      'opening hours, e-services, serialisation; no sockets), timed from the call until the response is complete. ' +
      'Clock fixed at a Tuesday 10:30 Stockholm time, so "open now" filters.',
    '',
    '| Database | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) | max (ms) | non-200 | p95 ≤ 20 ms | import of 1,500 units (dry run) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.name} | ${ms(run.overall.p50)} | ${ms(run.overall.p95)} | ${ms(run.overall.p99)} | ${ms(run.overall.mean)} | ${ms(run.overall.max)} | ` +
        `${run.non200} | ${run.overall.p95 <= TARGET_P95_MS ? 'yes' : 'no'} | ${Math.round(run.setup.importMs)} ms (${Math.round(run.setup.dryRunMs)} ms) |`,
    ),
    '',
    'By kind of query, with the share of searches that found at least one unit in brackets (a search may rightly find ' +
      'nothing: not every place has a vårdcentral or a unit of the kind asked for; typos are the share worth watching):',
    '',
    `| Query | Example | ${runs.map((run) => `${run.name} p50 / p95 (ms)`).join(' | ')} |`,
    `| --- | --- | ${runs.map(() => '---:').join(' | ')} |`,
    ...MIX.map(([category]) => {
      const cells = runs.map((run) => {
        const entry = run.byCategory.find((c) => c.category === category);
        return entry ? `${ms(entry.figures.p50)} / ${ms(entry.figures.p95)} (${Math.round((100 * entry.withResults) / entry.figures.count)} %)` : '–';
      });
      return `| ${category} | ${EXAMPLES[category]} | ${cells.join(' | ')} |`;
    }),
  ];
  if (skipped.length > 0) lines.push('', ...skipped.map((reason) => `- ${reason}`));
  lines.push(SECTION_END);
  return lines.join('\n');
}

const EXAMPLES: Record<Category, string> = {
  place: '`q=ljungby`',
  'vc place': '`q=vc ljungby`',
  'place vårdcentral': '`q=ljungby vårdcentral`',
  typo: '`q=ljngby`',
  'kind filter': '`kind=folktandvard` (± `q`)',
  'open now': '`openNow=true&kind=vardcentral` or `&q=…`',
  nearest: '`lat=…&lon=…&limit=10` (± `kind`)',
  'care + place': '`q=diabetes ljungby`',
  'e-service filter': '`eservice=fornya_recept&q=…`',
};



async function main() {
  installInterruptHandlers();
  if (!Number.isInteger(SEARCHES) || SEARCHES < 1) throw new Error('SEARCHES must be a positive whole number');
  const startedAt = new Date();
  const region = generateRegion(DEFAULT_SEED);
  const searches = searchMix(region, SEARCHES);
  const runs: DatabaseRun[] = [];
  const skipped: string[] = [];
  const preparations: (() => Promise<BenchDatabase>)[] = [];
  const postgres = await postgresAvailable();
  if (postgres.ok) preparations.push(preparePostgres);
  else skipped.push(`PostgreSQL: not measured, ${postgres.reason}.`);
  preparations.push(preparePglite);
  for (const prepare of preparations) {
    const database = await prepare();
    try {
      say(`== ${database.name}`);
      const run = await measure(database, region, searches);
      say(`  p50 ${ms(run.overall.p50)} ms, p95 ${ms(run.overall.p95)} ms, p99 ${ms(run.overall.p99)} ms over ${run.overall.count} searches (${run.non200} non-200)`);
      for (const entry of run.byCategory) say(`    ${entry.category.padEnd(18)} p50 ${ms(entry.figures.p50)}  p95 ${ms(entry.figures.p95)}  (${entry.withResults}/${entry.figures.count} found)`);
      runs.push(run);
    } finally {
      await database.dispose();
    }
  }
  writeSection('unit-search', renderSection(runs, skipped, startedAt));
  say(`\nWritten to ${path.relative(process.cwd(), REPORT_FILE)} (section "Unit search (issue 3)").`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await runAllCleanups();
    process.exit(1);
  });
}
