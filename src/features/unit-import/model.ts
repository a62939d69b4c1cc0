import type { OpeningHours } from '../../lib/opening-hours.ts';
import { careUnitKinds, type CareUnitKind } from '../../platform/organisations/model.ts';
import { careOfferings } from '../care-units/model.ts';

/**
 * The unit catalogue file a region exports from its HSA catalogue, and the pure
 * rules for reading one line of it. Shared by server and web (the page shows the
 * expected columns).
 */
export const importColumns = [
  'hsaId',
  'name',
  'kind',
  'organisationNumber',
  'streetAddress',
  'postalCode',
  'city',
  'phone',
  'latitude',
  'longitude',
  'careOffered',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const IMPORT_DELIMITER = ';';
/** Upload limit; a region of Västra Götaland's size (1,500 units) is about 250 kB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A valid line, normalised: postal code without space, organisation number as NNNNNN-NNNN, care codes de-duplicated. */
export type ImportedUnit = {
  hsaId: string;
  name: string;
  kind: CareUnitKind;
  organisationNumber: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  phone: string;
  latitude: number | null;
  longitude: number | null;
  careOffered: string[];
};

/** What a unit looks like now, to compare a line against; profile fields are absent when it has no profile yet. */
export type CurrentUnit = Omit<ImportedUnit, 'streetAddress' | 'postalCode' | 'city' | 'phone' | 'latitude' | 'longitude' | 'careOffered'> & {
  locality: string;
  profile: Pick<ImportedUnit, 'streetAddress' | 'postalCode' | 'city' | 'phone' | 'latitude' | 'longitude' | 'careOffered'> | null;
};

export const lineErrorCodes = [
  'column_count',
  'required',
  'too_long',
  'invalid_format',
  'unknown_kind',
  'unknown_organisation',
  'unknown_care_offering',
  'invalid_number',
  'incomplete_position',
  'outside_sweden',
  'duplicate_hsa_id',
] as const;
export type LineErrorCode = (typeof lineErrorCodes)[number];
/** field is a column name, or '*' for the line as a whole. */
export type LineError = { field: ImportColumn | '*'; code: LineErrorCode; message: string };
export type Language = 'sv' | 'en';

const messages: Record<LineErrorCode, (detail: string, language: Language) => string> = {
  column_count: (detail, l) => (l === 'sv' ? `Raden har ${detail} kolumner; den ska ha ${importColumns.length}.` : `The line has ${detail} columns; it should have ${importColumns.length}.`),
  required: (_, l) => (l === 'sv' ? 'Fältet måste fyllas i.' : 'The field is required.'),
  too_long: (detail, l) => (l === 'sv' ? `Högst ${detail} tecken.` : `At most ${detail} characters.`),
  invalid_format: (detail, l) => (l === 'sv' ? `Ogiltigt format; förväntat ${detail}.` : `Invalid format; expected ${detail}.`),
  unknown_kind: (detail, l) =>
    l === 'sv' ? `Okänd enhetstyp "${detail}"; tillåtna: ${careUnitKinds.join(', ')}.` : `Unknown unit kind "${detail}"; allowed: ${careUnitKinds.join(', ')}.`,
  unknown_organisation: (detail, l) =>
    l === 'sv' ? `Ingen organisation har organisationsnummer ${detail}.` : `No organisation has organisation number ${detail}.`,
  unknown_care_offering: (detail, l) => (l === 'sv' ? `Okänd vårdkod: ${detail}.` : `Unknown care code: ${detail}.`),
  invalid_number: (_, l) => (l === 'sv' ? 'Inget giltigt tal (t.ex. 57.7089).' : 'Not a valid number (e.g. 57.7089).'),
  incomplete_position: (_, l) => (l === 'sv' ? 'Ange både latitud och longitud, eller ingen av dem.' : 'Give both latitude and longitude, or neither.'),
  outside_sweden: (_, l) =>
    l === 'sv' ? 'Positionen ligger utanför Sverige (har latitud och longitud bytt plats?).' : 'The position is outside Sweden (are latitude and longitude swapped?).',
  duplicate_hsa_id: (detail, l) => (l === 'sv' ? `HSA-id:t finns redan på rad ${detail}.` : `The HSA id already appears on line ${detail}.`),
};

export function lineError(field: LineError['field'], code: LineErrorCode, language: Language, detail = ''): LineError {
  return { field, code, message: messages[code](detail, language) };
}

/** Checks the header row: the columns in this order, names compared without case and surrounding spaces. */
export function headerMatches(fields: readonly string[]): boolean {
  return fields.length === importColumns.length && fields.every((field, index) => field.trim().toLowerCase() === importColumns[index]!.toLowerCase());
}

/** HSA-id of a unit: SE, the ten-digit organisation number, a dash and the unit's part, e.g. SE2321000131-E000000011111. */
const HSA_ID = /^SE\d{10}-[A-Za-z0-9]{1,30}$/;
const ORGANISATION_NUMBER = /^(\d{6})-?(\d{4})$/;
const POSTAL_CODE = /^(\d{3}) ?(\d{2})$/;
const PHONE = /^\+?\d[\d ()-]{4,24}$/;
const DECIMAL = /^[+-]?\d{1,3}(?:[.,]\d{1,12})?$/;
/** A generous box around Sweden: catches swapped or mistyped coordinates, not units near the border. */
const SWEDEN = { minLatitude: 55, maxLatitude: 69.2, minLongitude: 10.5, maxLongitude: 24.3 };

/** NNNNNN-NNNN, or null when it is not an organisation number. */
export function normaliseOrganisationNumber(value: string): string | null {
  const match = ORGANISATION_NUMBER.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

export type LineResult = { unit: ImportedUnit; errors: [] } | { unit: null; errors: LineError[] };

/**
 * Reads one data line. Every problem is reported, not just the first, so a file
 * can be fixed in one go. `organisationExists` answers for a normalised number.
 */
export function readLine(fields: readonly string[], organisationExists: (number: string) => boolean, language: Language): LineResult {
  if (fields.length !== importColumns.length) return { unit: null, errors: [lineError('*', 'column_count', language, String(fields.length))] };
  const errors: LineError[] = [];
  const value = Object.fromEntries(importColumns.map((column, index) => [column, fields[index]!.trim()])) as Record<ImportColumn, string>;
  const text = (column: ImportColumn, maxLength: number): string => {
    const v = value[column];
    if (v === '') errors.push(lineError(column, 'required', language));
    else if (v.length > maxLength) errors.push(lineError(column, 'too_long', language, String(maxLength)));
    return v;
  };

  const hsaId = text('hsaId', 43);
  if (hsaId !== '' && hsaId.length <= 43 && !HSA_ID.test(hsaId)) {
    errors.push(lineError('hsaId', 'invalid_format', language, language === 'sv' ? 'SE, tio siffror, bindestreck, enhetsdel (SE2321000131-E0001)' : 'SE, ten digits, a dash, the unit part (SE2321000131-E0001)'));
  }
  const name = text('name', 200);

  const kindText = value.kind.toLowerCase();
  let kind: CareUnitKind | null = null;
  if (kindText === '') errors.push(lineError('kind', 'required', language));
  else if ((careUnitKinds as readonly string[]).includes(kindText)) kind = kindText as CareUnitKind;
  else errors.push(lineError('kind', 'unknown_kind', language, value.kind));

  let organisationNumber = '';
  if (value.organisationNumber === '') errors.push(lineError('organisationNumber', 'required', language));
  else {
    const normalised = normaliseOrganisationNumber(value.organisationNumber);
    if (!normalised) errors.push(lineError('organisationNumber', 'invalid_format', language, 'NNNNNN-NNNN'));
    else if (!organisationExists(normalised)) errors.push(lineError('organisationNumber', 'unknown_organisation', language, normalised));
    else organisationNumber = normalised;
  }

  const streetAddress = text('streetAddress', 200);
  let postalCode = '';
  if (value.postalCode === '') errors.push(lineError('postalCode', 'required', language));
  else {
    const match = POSTAL_CODE.exec(value.postalCode);
    if (match) postalCode = `${match[1]}${match[2]}`;
    else errors.push(lineError('postalCode', 'invalid_format', language, 'NNN NN'));
  }
  const city = text('city', 100);
  const phone = text('phone', 30);
  if (phone !== '' && phone.length <= 30 && !PHONE.test(phone)) errors.push(lineError('phone', 'invalid_format', language, '031-123 45 67'));

  const coordinate = (column: 'latitude' | 'longitude'): number | null | undefined => {
    const v = value[column];
    if (v === '') return null;
    if (!DECIMAL.test(v)) {
      errors.push(lineError(column, 'invalid_number', language));
      return undefined;
    }
    return Number(v.replace(',', '.'));
  };
  let latitude = coordinate('latitude');
  let longitude = coordinate('longitude');
  if (latitude !== undefined && longitude !== undefined) {
    if ((latitude === null) !== (longitude === null)) {
      errors.push(lineError(latitude === null ? 'latitude' : 'longitude', 'incomplete_position', language));
    } else if (
      latitude !== null &&
      longitude !== null &&
      (latitude < SWEDEN.minLatitude || latitude > SWEDEN.maxLatitude || longitude < SWEDEN.minLongitude || longitude > SWEDEN.maxLongitude)
    ) {
      errors.push(lineError('latitude', 'outside_sweden', language));
    }
  }

  const careCodes = [...new Set(value.careOffered.split(',').map((code) => code.trim()).filter(Boolean))];
  const unknownCare = careCodes.filter((code) => !(code in careOfferings));
  if (unknownCare.length > 0) errors.push(lineError('careOffered', 'unknown_care_offering', language, unknownCare.join(', ')));

  if (errors.length > 0 || kind === null) return { unit: null, errors };
  latitude ??= null;
  longitude ??= null;
  return {
    unit: { hsaId, name, kind, organisationNumber, streetAddress, postalCode, city, phone, latitude, longitude, careOffered: careCodes },
    errors: [],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * The fields a line would change, in column order. A unit's place (locality)
 * follows the file's city. A unit without a profile gets every profile field.
 * The order of care codes does not matter.
 */
export function changedFields(current: CurrentUnit, incoming: ImportedUnit): ImportColumn[] {
  const changes: ImportColumn[] = [];
  const profile = current.profile;
  for (const column of importColumns) {
    switch (column) {
      case 'hsaId':
        break;
      case 'name':
      case 'kind':
      case 'organisationNumber':
        if (current[column] !== incoming[column]) changes.push(column);
        break;
      case 'city':
        if (!profile || profile.city !== incoming.city || current.locality !== incoming.city) changes.push(column);
        break;
      case 'careOffered':
        if (!profile || !sameSet(profile.careOffered, incoming.careOffered)) changes.push(column);
        break;
      default:
        if (!profile || profile[column] !== incoming[column]) changes.push(column);
    }
  }
  return changes;
}

/** The hours a new unit starts with until its administrator enters its own: weekdays 08:00–17:00, closed on public holidays. */
export function defaultOpeningHours(): OpeningHours {
  const day = (): [string, string][] => [['08:00', '17:00']];
  return {
    weekly: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] },
    closedOnPublicHolidays: true,
    exceptions: [],
  };
}
