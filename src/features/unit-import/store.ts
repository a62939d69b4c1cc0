import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';

// Serialises imports, so two uploads of the same new unit cannot both decide to create it.
const UNIT_IMPORT_LOCK = 7_361_002_301;

export async function lockImports(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${UNIT_IMPORT_LOCK})`);
}
