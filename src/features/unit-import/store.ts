import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { careUnits, organisations } from '../../platform/organisations/tables.ts';
import { unitProfiles } from '../care-units/tables.ts';

/**
 * The import writes care_units (platform) and unit_profiles (care-units) in bulk.
 * Kept here because only the import needs bulk writes; single-unit edits belong
 * to those owners.
 */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) result.push(items.slice(at, at + size));
  return result;
}

// Serialises imports, so two uploads of the same new unit cannot both decide to create it.
const UNIT_IMPORT_LOCK = 7_361_002_301;

export async function lockImports(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${UNIT_IMPORT_LOCK})`);
}

export async function findUnitsByHsaIds(tx: Tx, hsaIds: string[]) {
  const rows = [];
  for (const part of chunks(hsaIds, 1000)) {
    rows.push(
      ...(await tx
        .select({
          id: careUnits.id,
          hsaId: careUnits.hsaId,
          name: careUnits.name,
          kind: careUnits.kind,
          locality: careUnits.locality,
          organisationNumber: organisations.organisationNumber,
          profile: unitProfiles,
        })
        .from(careUnits)
        .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
        .leftJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
        .where(inArray(careUnits.hsaId, part))),
    );
  }
  return rows;
}
export type ExistingUnitRow = Awaited<ReturnType<typeof findUnitsByHsaIds>>[number];

export type NewUnit = typeof careUnits.$inferInsert;
export type ProfileValues = typeof unitProfiles.$inferInsert;

/** Inserts units; returns their ids by HSA-id. */
export async function insertUnits(tx: Tx, units: NewUnit[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunks(units)) {
    const rows = await tx.insert(careUnits).values(part).returning({ id: careUnits.id, hsaId: careUnits.hsaId });
    for (const row of rows) ids.set(row.hsaId, row.id);
  }
  return ids;
}

export async function updateUnit(tx: Tx, unitId: string, values: Pick<NewUnit, 'name' | 'kind' | 'organisationId' | 'locality'>): Promise<void> {
  await tx.update(careUnits).set(values).where(eq(careUnits.id, unitId));
}

/** Inserts or replaces profiles (the caller passes the whole profile, keeping what the file does not carry). */
export async function upsertProfiles(tx: Tx, profiles: ProfileValues[]): Promise<void> {
  for (const part of chunks(profiles)) {
    await tx
      .insert(unitProfiles)
      .values(part)
      .onConflictDoUpdate({
        target: unitProfiles.unitId,
        set: {
          streetAddress: sql`excluded.street_address`,
          postalCode: sql`excluded.postal_code`,
          city: sql`excluded.city`,
          phone: sql`excluded.phone`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          careOffered: sql`excluded.care_offered`,
          searchText: sql`excluded.search_text`,
          updatedAt: sql`now()`,
        },
      });
  }
}
