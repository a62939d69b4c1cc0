import { careUnitKindLabels, type CareUnitKind } from '../../platform/organisations/model.ts';

/** The care a unit gives, as codes with labels; search matches the Swedish labels. */
export const careOfferings = {
  general_practice: { sv: 'Allmänmedicin', en: 'General practice' },
  child_health: { sv: 'Barnhälsovård', en: 'Child health' },
  vaccination: { sv: 'Vaccination', en: 'Vaccination' },
  lab_tests: { sv: 'Provtagning', en: 'Lab tests' },
  diabetes: { sv: 'Diabetesmottagning', en: 'Diabetes clinic' },
  asthma_copd: { sv: 'Astma- och KOL-mottagning', en: 'Asthma and COPD clinic' },
  mental_health: { sv: 'Psykisk hälsa', en: 'Mental health' },
  physiotherapy: { sv: 'Fysioterapi', en: 'Physiotherapy' },
  occupational_therapy: { sv: 'Arbetsterapi', en: 'Occupational therapy' },
  dental: { sv: 'Tandvård', en: 'Dental care' },
  emergency: { sv: 'Akutsjukvård', en: 'Emergency care' },
  out_of_hours: { sv: 'Jourmottagning', en: 'Out-of-hours care' },
  youth_health: { sv: 'Sex- och samlevnad, ungdomshälsa', en: 'Sexual and youth health' },
  contraception: { sv: 'Preventivmedel', en: 'Contraception' },
  home_care: { sv: 'Hemsjukvård', en: 'Home health care' },
  school_health: { sv: 'Elevhälsa', en: 'School health' },
  cardiology: { sv: 'Hjärtsjukvård', en: 'Cardiology' },
  heart_failure: { sv: 'Hjärtsviktsmottagning', en: 'Heart failure clinic' },
  hypertension: { sv: 'Blodtrycksmottagning', en: 'Hypertension clinic' },
} as const;
export type CareOffering = keyof typeof careOfferings;
export const careOfferingCodes = Object.keys(careOfferings) as CareOffering[];

/**
 * Words people type for unit kinds. "vc ekby" and "vårdcentral ekby" must find the
 * same unit, so the search text carries both, and queries expand abbreviations.
 */
export const kindSynonyms: Record<CareUnitKind, string[]> = {
  vardcentral: ['vårdcentral', 'vårdcentralen', 'vc', 'hälsocentral'],
  jourcentral: ['jourcentral', 'jourcentralen', 'jour', 'närakut'],
  akutmottagning: ['akutmottagning', 'akuten', 'akut', 'sjukhus'],
  specialistmottagning: ['specialistmottagning', 'mottagning', 'sjukhus'],
  rehabilitering: ['rehabilitering', 'rehab', 'rehabenhet'],
  ungdomsmottagning: ['ungdomsmottagning', 'ungdomsmottagningen', 'umo'],
  barnavardscentral: ['barnavårdscentral', 'barnavårdscentralen', 'bvc'],
  elevhalsa: ['elevhälsa', 'elevhälsan', 'skolsköterska', 'skola'],
  hemsjukvard: ['hemsjukvård', 'hemsjukvården', 'hemsjukvard'],
  folktandvard: ['folktandvården', 'tandvård', 'tandläkare', 'ftv'],
};

const abbreviations: Record<string, string> = {
  vc: 'vårdcentral',
  bvc: 'barnavårdscentral',
  umo: 'ungdomsmottagning',
  ftv: 'folktandvården',
  hc: 'hälsocentral',
  akuten: 'akutmottagning',
  rehab: 'rehabilitering',
};

/** "hjärtsvikt" → "hjartsvikt": people often type without å, ä and ö, so both forms are searchable. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** The text a unit is found by: name, place, kind with its synonyms, the care it gives; each word also without diacritics. */
export function unitSearchText(unit: { name: string; locality: string; city: string; kind: CareUnitKind; careOffered: string[] }): string {
  const care = unit.careOffered.map((code) => careOfferings[code as CareOffering]?.sv ?? code);
  const phrases = [unit.name, unit.locality, unit.city, careUnitKindLabels[unit.kind].sv, ...kindSynonyms[unit.kind], ...care];
  const words = phrases.flatMap((phrase) => phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  return [...new Set([...words, ...words.map(foldDiacritics)])].join(' ');
}

/** Splits a query into lower-case words, expands known abbreviations ("vc" → "vårdcentral") and folds diacritics. */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8)
    .map((word) => foldDiacritics(abbreviations[word] ?? word));
}
