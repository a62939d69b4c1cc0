import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { everyone } from './model.ts';
import { eservices, termsVersions, unitEservices } from './tables.ts';

export type EserviceRow = typeof eservices.$inferSelect;
export type UnitEserviceRow = typeof unitEservices.$inferSelect;

export async function listCatalogue(tx: Tx): Promise<EserviceRow[]> {
  return tx.select().from(eservices).orderBy(asc(eservices.sortOrder));
}

export async function findEservice(tx: Tx, code: string): Promise<EserviceRow | undefined> {
  const [row] = await tx.select().from(eservices).where(eq(eservices.code, code));
  return row;
}

export async function listUnitEservices(tx: Tx, unitIds: string[]): Promise<UnitEserviceRow[]> {
  if (unitIds.length === 0) return [];
  return tx.select().from(unitEservices).where(inArray(unitEservices.unitId, unitIds));
}

export async function findUnitEservice(tx: Tx, unitId: string, code: string): Promise<UnitEserviceRow | undefined> {
  const [row] = await tx.select().from(unitEservices).where(and(eq(unitEservices.unitId, unitId), eq(unitEservices.eserviceCode, code)));
  return row;
}

export async function listUnitIdsWithActive(tx: Tx, code: string): Promise<string[]> {
  const rows = await tx
    .select({ unitId: unitEservices.unitId })
    .from(unitEservices)
    .where(and(eq(unitEservices.eserviceCode, code), eq(unitEservices.status, 'active')));
  return rows.map((row) => row.unitId);
}

export async function saveUnitEservice(tx: Tx, values: typeof unitEservices.$inferInsert) {
  await tx
    .insert(unitEservices)
    .values(values)
    .onConflictDoUpdate({ target: [unitEservices.unitId, unitEservices.eserviceCode], set: values });
}

export async function findTermsVersion(tx: Tx, id: string) {
  const [row] = await tx.select().from(termsVersions).where(eq(termsVersions.id, id));
  return row;
}

export async function addTermsVersion(tx: Tx, values: Omit<typeof termsVersions.$inferInsert, 'version'>) {
  const [latest] = await tx
    .select({ version: max(termsVersions.version) })
    .from(termsVersions)
    .where(and(eq(termsVersions.unitId, values.unitId), eq(termsVersions.eserviceCode, values.eserviceCode)));
  const [row] = await tx
    .insert(termsVersions)
    .values({ ...values, version: (latest?.version ?? 0) + 1 })
    .returning();
  return row!;
}

type UnitEserviceChanges = Partial<Pick<UnitEserviceRow, 'status' | 'offeredByPhoneOrDesk' | 'notApplicableReason' | 'patientGroup' | 'extraQuestions' | 'currentTermsVersionId'>>;

/** Changes some fields of a unit's e-service; a service the unit never touched starts inactive, for everyone. */
export async function updateUnitEservice(tx: Tx, unitId: string, code: string, changes: UnitEserviceChanges, at: Date, staffId: string) {
  const existing = await findUnitEservice(tx, unitId, code);
  await saveUnitEservice(tx, {
    unitId,
    eserviceCode: code,
    status: existing?.status ?? 'inactive',
    offeredByPhoneOrDesk: existing?.offeredByPhoneOrDesk ?? false,
    notApplicableReason: existing?.notApplicableReason ?? null,
    patientGroup: existing?.patientGroup ?? everyone,
    extraQuestions: existing?.extraQuestions ?? [],
    currentTermsVersionId: existing?.currentTermsVersionId ?? null,
    ...changes,
    updatedAt: at,
    updatedByStaffId: staffId,
  });
}
