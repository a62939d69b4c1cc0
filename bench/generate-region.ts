/**
 * A generated region the size of Västra Götaland: one region, 49 municipalities and
 * 1,500 care units of every kind, with Swedish-sounding place names built from parts,
 * positions inside roughly 57.1–59.3 N, 11.1–14.6 E and the care each kind gives.
 * Deterministic: the same seed gives the same region, byte for byte.
 *
 * Output: the unit catalogue as CSV in the import format (bench/unit-search.ts and
 * the admin page "Importera enheter" read it).
 *
 *   npx node bench/generate-region.ts [--seed 20261124] [--out region.csv]
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CareUnitKind, OrganisationKind } from '../src/platform/organisations/model.ts';
import { importColumns } from '../src/features/unit-import/model.ts';

export const DEFAULT_SEED = 20_261_124;
export const MUNICIPALITY_COUNT = 49;

/** Units per kind, summing to 1,500; roughly Västra Götaland's mix. */
export const UNITS_PER_KIND: Record<CareUnitKind, number> = {
  vardcentral: 220,
  jourcentral: 40,
  akutmottagning: 10,
  specialistmottagning: 250,
  rehabilitering: 120,
  ungdomsmottagning: 50,
  barnavardscentral: 200,
  elevhalsa: 400,
  hemsjukvard: 100,
  folktandvard: 110,
};

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + random() * (max - min);
const integer = (random: Random, min: number, max: number) => Math.floor(between(random, min, max + 1));

const PREFIXES = [
  'Ljung', 'Björk', 'Ek', 'Al', 'Gran', 'Sjö', 'Berg', 'Lid', 'Hjo', 'Tå', 'Mo', 'Ström', 'Lerj', 'Kungs', 'Hed', 'Sand', 'Öster', 'Väster',
  'Norr', 'Söder', 'Lund', 'Bo', 'Häll', 'Kvarn', 'Tors', 'Frö', 'Vall', 'Ås', 'Hag', 'Rönn', 'Lind', 'Asp', 'Hassle', 'Mölln', 'Skog',
  'Fager', 'Stens', 'Bränn', 'Ulrik', 'Gull', 'Trä', 'Hönö', 'Tjörn', 'Dals', 'Brå', 'Kärr', 'Vret', 'Grå', 'Svart', 'Vit', 'Ram', 'Herr',
  'Tid', 'Älv', 'Mjö', 'Hov', 'Hjäl', 'Stor', 'Lill', 'Sköv', 'Öde', 'Fal', 'Ulla', 'Tran', 'Ving', 'Kinn', 'Ör', 'Eds', 'Hal',
];
const SUFFIXES = [
  'by', 'köping', 'stad', 'vik', 'ås', 'holm', 'red', 'hult', 'torp', 'näs', 'berg', 'dal', 'fors', 'sund', 'ryd', 'lund', 'hamn', 'kulla',
  'landa', 'rum', 'sjö', 'bo', 'lösa', 'inge', 'arp', 'tuna', 'böle', 'mark', 'skog', 'hög', 'sätra', 'vall', 'strand', 'ö',
];
const STREETS = ['Storgatan', 'Kyrkogatan', 'Torggatan', 'Skolgatan', 'Järnvägsgatan', 'Drottninggatan', 'Hamngatan', 'Södra vägen', 'Parkgatan', 'Nygatan'];
const STREET_SUFFIXES = ['vägen', 'gatan', 'stigen', 'backen', 'allén', 'gränd'];
const DISTRICTS = ['Centrum', 'Norra', 'Södra', 'Östra', 'Västra', 'Torget', 'Hamnen', 'Stationen'];
const SPECIALTIES: { name: string; care: string[] }[] = [
  { name: 'Hjärtmottagningen', care: ['cardiology', 'heart_failure'] },
  { name: 'Hjärtsviktsmottagningen', care: ['heart_failure', 'cardiology'] },
  { name: 'Diabetesmottagningen', care: ['diabetes'] },
  { name: 'Psykiatriska mottagningen', care: ['mental_health'] },
  { name: 'Lungmottagningen', care: ['asthma_copd'] },
  { name: 'Blodtrycksmottagningen', care: ['hypertension'] },
  { name: 'Barn- och ungdomsmedicinska mottagningen', care: ['child_health'] },
  { name: 'Kvinnokliniken, mottagning', care: ['contraception'] },
  { name: 'Ögonmottagningen', care: [] },
  { name: 'Hudmottagningen', care: [] },
  { name: 'Ortopedmottagningen', care: ['physiotherapy'] },
  { name: 'Öron-näsa-hals-mottagningen', care: [] },
  { name: 'Reumatologmottagningen', care: [] },
  { name: 'Neurologmottagningen', care: [] },
];
const GP_EXTRAS = ['diabetes', 'asthma_copd', 'mental_health', 'hypertension', 'heart_failure'];

export type GeneratedOrganisation = { kind: OrganisationKind; name: string; organisationNumber: string };
export type GeneratedPlace = { name: string; latitude: number; longitude: number; municipality: number };
export type GeneratedUnit = Record<(typeof importColumns)[number], string> & { kindCode: CareUnitKind; place: string };
export type GeneratedRegion = {
  organisations: GeneratedOrganisation[];
  places: GeneratedPlace[];
  units: GeneratedUnit[];
  csv: string;
};

/** Unique names from parts: "Ljungby", "Kvarnsund", "Östervik". */
function placeNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const prefix = pick(random, PREFIXES);
    const suffix = pick(random, SUFFIXES);
    // No doubled letter at the seam ("Sjöö"), which reads wrongly.
    if (prefix.at(-1)!.toLowerCase() === suffix[0]) continue;
    names.add(prefix + suffix);
  }
  return [...names];
}

const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const fixed = (value: number) => value.toFixed(5);

export function generateRegion(seed = DEFAULT_SEED): GeneratedRegion {
  const random = seededRandom(seed);
  const region: GeneratedOrganisation = { kind: 'region', name: 'Region Västkusten (genererad)', organisationNumber: '232100-0500' };
  const municipalityNames = placeNames(random, MUNICIPALITY_COUNT);
  const municipalities: GeneratedOrganisation[] = municipalityNames.map((name, index) => ({
    kind: 'municipality',
    name: `${name}s kommun`.replace(/ss kommun$/, 's kommun'),
    organisationNumber: `212000-${String(1500 + index).padStart(4, '0')}`,
  }));

  // Each municipality: a central place and 3–11 smaller ones around it.
  const places: GeneratedPlace[] = [];
  const extraNames = placeNames(random, 600).filter((name) => !municipalityNames.includes(name));
  let nextExtra = 0;
  const centres = municipalityNames.map((name, index) => {
    const centre = { name, latitude: between(random, 57.2, 59.2), longitude: between(random, 11.3, 14.5), municipality: index };
    places.push(centre);
    for (let n = integer(random, 3, 11); n > 0 && nextExtra < extraNames.length; n--) {
      places.push({
        name: extraNames[nextExtra++]!,
        latitude: Math.min(59.3, Math.max(57.1, centre.latitude + between(random, -0.15, 0.15))),
        longitude: Math.min(14.6, Math.max(11.1, centre.longitude + between(random, -0.25, 0.25))),
        municipality: index,
      });
    }
    return centre;
  });
  // Bigger places (the municipal centres) get more units: weight 4 against 1.
  const weighted = places.flatMap((place) => (centres.includes(place) ? [place, place, place, place] : [place]));
  const hospitals = centres.slice(0, 12);

  const usedNames = new Set<string>();
  const units: GeneratedUnit[] = [];
  let sequence = 0;
  const add = (kind: CareUnitKind, place: GeneratedPlace, baseName: string, careOffered: string[]) => {
    let name = baseName;
    for (let attempt = 0; usedNames.has(name); attempt++) {
      name = attempt < DISTRICTS.length ? `${baseName} ${DISTRICTS[attempt]}` : `${baseName} ${attempt - DISTRICTS.length + 2}`;
    }
    usedNames.add(name);
    const municipal = kind === 'elevhalsa' || kind === 'hemsjukvard';
    const owner = municipal ? municipalities[place.municipality]! : region;
    sequence += 1;
    const postalPrefix = 400 + ((place.municipality * 7) % 150);
    const street =
      random() < 0.6 ? pick(random, STREETS) : `${pick(random, PREFIXES)}${pick(random, STREET_SUFFIXES)}`;
    units.push({
      kindCode: kind,
      place: place.name,
      hsaId: `SE${owner.organisationNumber.replace('-', '')}-E${String(sequence).padStart(6, '0')}`,
      name,
      kind,
      organisationNumber: owner.organisationNumber,
      streetAddress: `${street} ${integer(random, 1, 60)}`,
      postalCode: `${postalPrefix} ${String(integer(random, 30, 99))}`,
      city: place.name,
      phone: `010-${integer(random, 400, 499)} ${String(integer(random, 0, 99)).padStart(2, '0')} ${String(integer(random, 0, 99)).padStart(2, '0')}`,
      latitude: fixed(place.latitude + between(random, -0.01, 0.01)),
      longitude: fixed(place.longitude + between(random, -0.015, 0.015)),
      careOffered: careOffered.join(','),
    });
  };

  for (const [kind, count] of Object.entries(UNITS_PER_KIND) as [CareUnitKind, number][]) {
    for (let n = 0; n < count; n++) {
      const place = kind === 'akutmottagning' ? hospitals[n % hospitals.length]! : pick(random, weighted);
      switch (kind) {
        case 'vardcentral': {
          const extras = GP_EXTRAS.filter(() => random() < 0.45);
          const pattern = pick(random, ['Vårdcentralen {p}', 'Vårdcentralen {p}', '{p} vårdcentral', 'Hälsocentralen {p}', 'Läkarhuset {p}']);
          add(kind, place, pattern.replace('{p}', place.name), ['general_practice', 'vaccination', 'lab_tests', ...extras]);
          break;
        }
        case 'jourcentral':
          add(kind, place, random() < 0.5 ? `Jourcentralen ${place.name}` : `Närakuten ${place.name}`, ['out_of_hours', 'general_practice']);
          break;
        case 'akutmottagning':
          add(kind, place, `Akutmottagningen ${place.name} sjukhus`, ['emergency', 'cardiology']);
          break;
        case 'specialistmottagning': {
          const specialty = pick(random, SPECIALTIES);
          const hospital = random() < 0.7 ? pick(random, hospitals) : place;
          add(kind, hospital, `${specialty.name}, ${hospital.name} sjukhus`, specialty.care);
          break;
        }
        case 'rehabilitering':
          add(kind, place, random() < 0.5 ? `Rehabenheten ${place.name}` : `Fysioterapin ${place.name}`, ['physiotherapy', 'occupational_therapy']);
          break;
        case 'ungdomsmottagning':
          add(kind, place, `Ungdomsmottagningen ${place.name}`, ['youth_health', 'contraception', 'mental_health']);
          break;
        case 'barnavardscentral':
          add(kind, place, random() < 0.5 ? `BVC ${place.name}` : `Barnavårdscentralen ${place.name}`, ['child_health', 'vaccination']);
          break;
        case 'elevhalsa':
          add(kind, place, `Elevhälsan ${pick(random, [`${place.name}skolan`, `${pick(random, PREFIXES)}skolan`, `${place.name} gymnasium`])}`, [
            'school_health',
            'vaccination',
          ]);
          break;
        case 'hemsjukvard':
          add(kind, place, `Hemsjukvården ${place.name}`, ['home_care']);
          break;
        case 'folktandvard':
          add(kind, place, `Folktandvården ${place.name}`, ['dental']);
          break;
      }
    }
  }

  const lines = [importColumns.join(';'), ...units.map((unit) => importColumns.map((column) => quote(unit[column])).join(';'))];
  return { organisations: [region, ...municipalities], places, units, csv: `${lines.join('\r\n')}\r\n` };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = Number(argument('seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const { csv, organisations, units } = generateRegion(seed);
  const out = argument('out');
  if (out) {
    fs.writeFileSync(out, csv);
    process.stderr.write(`${units.length} units of ${organisations.length} organisations written to ${out}\n`);
  } else {
    process.stdout.write(csv);
  }
}
