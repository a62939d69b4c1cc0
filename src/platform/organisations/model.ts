/** Kinds of organisation that run care in a region. */
export const organisationKinds = ['region', 'municipality', 'private_provider'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The option packages of seed 001. Package 1 is the base every organisation has. */
export const optionPackages = {
  1: { sv: 'Informationsutbyte mellan vårdgivare', en: 'Information exchange between care providers' },
  2: { sv: 'Elevhälsans journal', en: 'School health journal' },
  3: { sv: 'Kommunal hälso- och sjukvårdsjournal', en: 'Municipal health care journal' },
} as const;
export type OptionPackage = keyof typeof optionPackages;

export const careUnitKinds = [
  'vardcentral',
  'jourcentral',
  'akutmottagning',
  'specialistmottagning',
  'rehabilitering',
  'ungdomsmottagning',
  'barnavardscentral',
  'elevhalsa',
  'hemsjukvard',
  'folktandvard',
] as const;
export type CareUnitKind = (typeof careUnitKinds)[number];

export const careUnitKindLabels: Record<CareUnitKind, { sv: string; en: string }> = {
  vardcentral: { sv: 'Vårdcentral', en: 'Primary care centre' },
  jourcentral: { sv: 'Jourcentral', en: 'Out-of-hours clinic' },
  akutmottagning: { sv: 'Akutmottagning', en: 'Emergency department' },
  specialistmottagning: { sv: 'Specialistmottagning', en: 'Specialist clinic' },
  rehabilitering: { sv: 'Rehabilitering', en: 'Rehabilitation' },
  ungdomsmottagning: { sv: 'Ungdomsmottagning', en: 'Youth clinic' },
  barnavardscentral: { sv: 'Barnavårdscentral', en: 'Child health centre' },
  elevhalsa: { sv: 'Elevhälsa', en: 'School health service' },
  hemsjukvard: { sv: 'Hemsjukvård', en: 'Home health care' },
  folktandvard: { sv: 'Folktandvården', en: 'Public dental service' },
};

/** Every organisation has package 1; 2 and 3 are chosen. Returns the normalised set or a reason it is invalid. */
export function normaliseOptionPackages(packages: readonly number[]): number[] | { invalid: string } {
  const unique = [...new Set(packages)].sort((a, b) => a - b);
  const unknown = unique.filter((p) => !(p in optionPackages));
  if (unknown.length > 0) return { invalid: `unknown option package ${unknown.join(', ')}` };
  if (!unique.includes(1)) return { invalid: 'option package 1 (information exchange) is the base and cannot be left out' };
  return unique;
}
