import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { caseTypeTermsVersions, unitCaseTypes } from './tables.ts';

export type CaseTypeRow = typeof unitCaseTypes.$inferSelect;
export type CaseTypeTermsRow = typeof caseTypeTermsVersions.$inferSelect;

export async function listCaseTypes(tx: Tx, unitId: string): Promise<CaseTypeRow[]> {
  return tx.select().from(unitCaseTypes).where(eq(unitCaseTypes.unitId, unitId)).orderBy(asc(unitCaseTypes.name), asc(unitCaseTypes.createdAt));
}

/** A case type of this unit only; another unit's is as good as missing. */
export async function findCaseType(tx: Tx, unitId: string, id: string): Promise<CaseTypeRow | undefined> {
  const [row] = await tx.select().from(unitCaseTypes).where(and(eq(unitCaseTypes.id, id), eq(unitCaseTypes.unitId, unitId)));
  return row;
}

export async function insertCaseType(tx: Tx, values: typeof unitCaseTypes.$inferInsert): Promise<CaseTypeRow> {
  const [row] = await tx.insert(unitCaseTypes).values(values).returning();
  return row!;
}

export async function updateCaseType(
  tx: Tx,
  id: string,
  values: Pick<CaseTypeRow, 'name' | 'description' | 'questions' | 'active' | 'updatedAt' | 'updatedByStaffId'>,
): Promise<CaseTypeRow> {
  const [row] = await tx.update(unitCaseTypes).set(values).where(eq(unitCaseTypes.id, id)).returning();
  return row!;
}

/** The current (highest) terms version of each case type. */
export async function currentTermsOf(tx: Tx, caseTypeIds: string[]): Promise<Map<string, CaseTypeTermsRow>> {
  if (caseTypeIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(caseTypeTermsVersions)
    .where(inArray(caseTypeTermsVersions.caseTypeId, caseTypeIds))
    .orderBy(asc(caseTypeTermsVersions.caseTypeId), desc(caseTypeTermsVersions.version));
  const current = new Map<string, CaseTypeTermsRow>();
  for (const row of rows) if (!current.has(row.caseTypeId)) current.set(row.caseTypeId, row);
  return current;
}

export async function addCaseTypeTerms(tx: Tx, values: Omit<typeof caseTypeTermsVersions.$inferInsert, 'version'>): Promise<CaseTypeTermsRow> {
  const [latest] = await tx
    .select({ version: max(caseTypeTermsVersions.version) })
    .from(caseTypeTermsVersions)
    .where(eq(caseTypeTermsVersions.caseTypeId, values.caseTypeId));
  const [row] = await tx
    .insert(caseTypeTermsVersions)
    .values({ ...values, version: (latest?.version ?? 0) + 1 })
    .returning();
  return row!;
}

export async function findCaseTypeTermsVersion(tx: Tx, id: string): Promise<CaseTypeTermsRow | undefined> {
  const [row] = await tx.select().from(caseTypeTermsVersions).where(eq(caseTypeTermsVersions.id, id));
  return row;
}
