import { and, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { careRelations } from '../access/tables.ts';
import type { Tx } from '../db/database.ts';
import { staffMemberships } from '../people/tables.ts';
import { careUnits, organisations } from './tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function listOrganisations(tx: Tx, ids?: string[]): Promise<OrganisationRow[]> {
  const query = tx.select().from(organisations);
  const rows = ids ? await query.where(inArray(organisations.id, ids)) : await query;
  // The region first, then municipalities, then private providers; by name within each.
  const order = { region: 0, municipality: 1, private_provider: 2 } as Record<string, number>;
  return rows.sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.name.localeCompare(b.name, 'sv'));
}

export async function findOrganisation(tx: Tx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Units of the given organisations with how many staff work there and how many patients they have a relation with. */
export async function listUnitsWithCounts(tx: Tx, at: Date, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const staffCounts = tx
    .select({ unitId: staffMemberships.unitId, n: count().as('staff_n') })
    .from(staffMemberships)
    .groupBy(staffMemberships.unitId)
    .as('staff_counts');
  const patientCounts = tx
    .select({ unitId: careRelations.unitId, n: sql<number>`count(distinct ${careRelations.patientId})`.as('patient_n') })
    .from(careRelations)
    .where(or(isNull(careRelations.endedAt), gt(careRelations.endedAt, at)))
    .groupBy(careRelations.unitId)
    .as('patient_counts');
  return tx
    .select({
      id: careUnits.id,
      organisationId: careUnits.organisationId,
      hsaId: careUnits.hsaId,
      name: careUnits.name,
      kind: careUnits.kind,
      locality: careUnits.locality,
      staffCount: sql<number>`coalesce(${staffCounts.n}, 0)::int`,
      patientCount: sql<number>`coalesce(${patientCounts.n}, 0)::int`,
    })
    .from(careUnits)
    .leftJoin(staffCounts, eq(staffCounts.unitId, careUnits.id))
    .leftJoin(patientCounts, eq(patientCounts.unitId, careUnits.id))
    .where(and(inArray(careUnits.organisationId, organisationIds)))
    .orderBy(careUnits.name);
}

export async function setOptionPackages(tx: Tx, organisationId: string, packages: number[]): Promise<void> {
  await tx.update(organisations).set({ optionPackages: packages }).where(eq(organisations.id, organisationId));
}

export async function findUnit(tx: Tx, id: string) {
  const [row] = await tx.select().from(careUnits).where(eq(careUnits.id, id));
  return row;
}

/** Every unit with its organisation, for region-wide overviews. */
export async function listUnitsWithOrganisation(tx: Tx) {
  return tx
    .select({ id: careUnits.id, name: careUnits.name, kind: careUnits.kind, locality: careUnits.locality, organisationId: organisations.id, organisationName: organisations.name })
    .from(careUnits)
    .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
    .orderBy(organisations.name, careUnits.name);
}

export type NewUnit = typeof careUnits.$inferInsert;

/** Inserts units in chunks (the HSA import); returns their ids by HSA-id. */
export async function insertUnits(tx: Tx, units: NewUnit[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let at = 0; at < units.length; at += 500) {
    const rows = await tx.insert(careUnits).values(units.slice(at, at + 500)).returning({ id: careUnits.id, hsaId: careUnits.hsaId });
    for (const row of rows) ids.set(row.hsaId, row.id);
  }
  return ids;
}

export async function updateUnitDetails(tx: Tx, unitId: string, values: Pick<NewUnit, 'name' | 'kind' | 'organisationId' | 'locality'>): Promise<void> {
  await tx.update(careUnits).set(values).where(eq(careUnits.id, unitId));
}
