import { describe, expect, it } from 'vitest';
import { openingHoursSchema } from '../../lib/opening-hours.ts';
import { changedFields, defaultOpeningHours, headerMatches, importColumns, normaliseOrganisationNumber, readLine, type CurrentUnit, type ImportedUnit } from './model.ts';

const known = new Set(['232100-0131', '212000-1355']);
const exists = (number: string) => known.has(number);

const valid = [
  'SE2321000131-E0001',
  'Vårdcentralen Ekby',
  'vardcentral',
  '232100-0131',
  'Storgatan 12',
  '412 55',
  'Ekby',
  '010-473 00 00',
  '57.7089',
  '11.9746',
  'general_practice, vaccination,general_practice',
];

const codesOf = (fields: string[]) => {
  const result = readLine(fields, exists, 'en');
  return result.errors.map((error) => `${error.field}:${error.code}`);
};
const withField = (column: (typeof importColumns)[number], value: string) => valid.map((v, index) => (importColumns[index] === column ? value : v));

describe('reading a line of the unit catalogue', () => {
  it('accepts a valid line and normalises it', () => {
    expect(readLine(valid, exists, 'sv')).toEqual({
      unit: {
        hsaId: 'SE2321000131-E0001',
        name: 'Vårdcentralen Ekby',
        kind: 'vardcentral',
        organisationNumber: '232100-0131',
        streetAddress: 'Storgatan 12',
        postalCode: '41255',
        city: 'Ekby',
        phone: '010-473 00 00',
        latitude: 57.7089,
        longitude: 11.9746,
        careOffered: ['general_practice', 'vaccination'],
      },
      errors: [],
    });
  });

  it('accepts a decimal comma, an organisation number without a dash, no position and no care', () => {
    const result = readLine(
      valid.map((v, i) => ({ 3: '2321000131', 8: '57,5', 9: '12,25' })[i] ?? v),
      exists,
      'en',
    );
    expect(result.unit).toMatchObject({ organisationNumber: '232100-0131', latitude: 57.5, longitude: 12.25 });
    expect(readLine(withField('latitude', '').map((v, i) => (i === 9 || i === 10 ? '' : v)), exists, 'en').unit).toMatchObject({
      latitude: null,
      longitude: null,
      careOffered: [],
    });
  });

  it('reports every problem of a line with a field and a code', () => {
    expect(codesOf(['', '', 'sjukstuga', '123', '', '4125', '', 'ring oss', 'north', '', 'diabetes,yoga'])).toEqual([
      'hsaId:required',
      'name:required',
      'kind:unknown_kind',
      'organisationNumber:invalid_format',
      'streetAddress:required',
      'postalCode:invalid_format',
      'city:required',
      'phone:invalid_format',
      'latitude:invalid_number',
      'careOffered:unknown_care_offering',
    ]);
  });

  it('checks the HSA-id form, the organisation, lengths and the position', () => {
    expect(codesOf(withField('hsaId', 'E0001'))).toEqual(['hsaId:invalid_format']);
    expect(codesOf(withField('organisationNumber', '559999-9999'))).toEqual(['organisationNumber:unknown_organisation']);
    expect(codesOf(withField('name', 'x'.repeat(201)))).toEqual(['name:too_long']);
    expect(codesOf(withField('longitude', ''))).toEqual(['longitude:incomplete_position']);
    // Swapped: 11.97 N, 57.7 E is not in Sweden.
    expect(codesOf(withField('latitude', '11.9746').map((v, i) => (i === 9 ? '57.7089' : v)))).toEqual(['latitude:outside_sweden']);
  });

  it('refuses a line with the wrong number of columns as a whole', () => {
    expect(codesOf(valid.slice(0, 10))).toEqual(['*:column_count']);
    expect(readLine(valid.slice(0, 10), exists, 'sv').errors[0]!.message).toBe('Raden har 10 kolumner; den ska ha 11.');
  });

  it('writes messages in the asked language', () => {
    expect(readLine(withField('kind', 'sjukstuga'), exists, 'sv').errors[0]!.message).toMatch(/^Okänd enhetstyp "sjukstuga"/);
    expect(readLine(withField('kind', 'sjukstuga'), exists, 'en').errors[0]!.message).toMatch(/^Unknown unit kind "sjukstuga"/);
  });
});

describe('the header and organisation numbers', () => {
  it('wants the columns in order, case and surrounding spaces aside', () => {
    expect(headerMatches([...importColumns])).toBe(true);
    expect(headerMatches(importColumns.map((column) => ` ${column.toUpperCase()} `))).toBe(true);
    expect(headerMatches([...importColumns].reverse())).toBe(false);
    expect(headerMatches(importColumns.slice(1))).toBe(false);
  });

  it('normalises organisation numbers to NNNNNN-NNNN', () => {
    expect(normaliseOrganisationNumber('2321000131')).toBe('232100-0131');
    expect(normaliseOrganisationNumber(' 232100-0131 ')).toBe('232100-0131');
    expect(normaliseOrganisationNumber('23210-00131')).toBeNull();
  });
});

describe('what a line changes', () => {
  const incoming = readLine(valid, exists, 'en').unit as ImportedUnit;
  const current: CurrentUnit = {
    hsaId: incoming.hsaId,
    name: incoming.name,
    kind: incoming.kind,
    organisationNumber: incoming.organisationNumber,
    locality: incoming.city,
    profile: { ...incoming, careOffered: ['vaccination', 'general_practice'] },
  };

  it('is nothing for the same unit, whatever the order of its care', () => {
    expect(changedFields(current, incoming)).toEqual([]);
  });

  it('names the changed columns in column order', () => {
    expect(changedFields(current, { ...incoming, phone: '031-10 00 00', name: 'VC Ekby', careOffered: ['vaccination'] })).toEqual(['name', 'phone', 'careOffered']);
    expect(changedFields({ ...current, organisationNumber: '212000-1355' }, incoming)).toEqual(['organisationNumber']);
    expect(changedFields({ ...current, locality: 'Gamla Ekby' }, incoming)).toEqual(['city']);
  });

  it('is every profile column for a unit without a profile', () => {
    expect(changedFields({ ...current, profile: null }, incoming)).toEqual(['streetAddress', 'postalCode', 'city', 'phone', 'latitude', 'longitude', 'careOffered']);
  });
});

describe('default opening hours', () => {
  it('are weekdays 08:00–17:00, closed at weekends and on public holidays, and valid', () => {
    const hours = defaultOpeningHours();
    expect(openingHoursSchema.parse(hours)).toEqual(hours);
    expect(hours.weekly.fri).toEqual([['08:00', '17:00']]);
    expect(hours.weekly.sat).toEqual([]);
    expect(hours.closedOnPublicHolidays).toBe(true);
  });
});
