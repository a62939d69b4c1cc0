import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { staff } from '../../people/tables.ts';

export async function findStaffByHsaId(tx: Tx, hsaId: string) {
  const [row] = await tx.select().from(staff).where(eq(staff.hsaId, hsaId));
  return row;
}
