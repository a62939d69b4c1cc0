import type { OpeningHours, OpeningInterval } from '../../lib/opening-hours.ts';
import { openingHoursSchema } from '../../lib/opening-hours.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CareUnitKind } from '../../platform/organisations/model.ts';
import { makeUnit } from '../../platform/testing/builders.ts';
import { unitSearchText } from './model.ts';
import { unitProfiles } from './tables.ts';

/** Weekdays 08:00–17:00, closed at weekends and on public holidays: a typical vårdcentral. */
export function officeHours(intervals: OpeningInterval[] = [['08:00', '17:00']]): OpeningHours {
  return {
    weekly: { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: [], sun: [] },
    closedOnPublicHolidays: true,
    exceptions: [],
  };
}

/** Open around the clock every day, holidays included: an akutmottagning. */
export function aroundTheClock(): OpeningHours {
  const day: OpeningInterval[] = [['00:00', '24:00']];
  return { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, closedOnPublicHolidays: false, exceptions: [] };
}

export type UnitProfileValues = {
  streetAddress?: string;
  postalCode?: string;
  city?: string;
  phone?: string;
  latitude?: number | null;
  longitude?: number | null;
  description?: { sv: string; en: string };
  careOffered?: string[];
  openingHours?: OpeningHours;
};

/**
 * A unit's public profile (address, hours, care), with the search text the service
 * would keep, for a unit made with makeUnit. The opening hours are validated as the
 * content loader does, so a test cannot store hours the real data could not have.
 */
export async function makeUnitProfile(
  db: Database,
  unit: { id: string; name: string; kind: string; locality: string },
  values: UnitProfileValues = {},
) {
  const city = values.city ?? unit.locality;
  const careOffered = values.careOffered ?? ['general_practice'];
  const row = {
    unitId: unit.id,
    streetAddress: values.streetAddress ?? 'Storgatan 1',
    postalCode: values.postalCode ?? '12345',
    city,
    phone: values.phone ?? '010-123 45 67',
    latitude: values.latitude === undefined ? null : values.latitude,
    longitude: values.longitude === undefined ? null : values.longitude,
    descriptionSv: values.description?.sv ?? '',
    descriptionEn: values.description?.en ?? '',
    careOffered,
    openingHours: openingHoursSchema.parse(values.openingHours ?? officeHours()),
    searchText: unitSearchText({ name: unit.name, locality: unit.locality, city, kind: unit.kind as CareUnitKind, careOffered }),
  };
  await db.insert(unitProfiles).values(row);
  return row;
}

/** A unit with its profile in one go. */
export async function makeUnitWithProfile(
  db: Database,
  unit: { name?: string; kind?: CareUnitKind; locality?: string; organisationId?: string } = {},
  profile: UnitProfileValues = {},
) {
  const row = await makeUnit(db, unit);
  await makeUnitProfile(db, row, profile);
  return row;
}
