import { randomUUID } from 'node:crypto';
import { asc, desc, gt, inArray, sql } from 'drizzle-orm';
import { persons } from '../people/tables.ts';
import type { Actor } from '../auth/actor.ts';
import { auditRoleOf } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { auditHash, findChainBreak, GENESIS_HASH, type ChainProblem } from './chain.ts';
import { auditLog } from './tables.ts';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'login' | 'logout' | 'emergency_read';

export type AuditEvent = {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  patientId?: string | null;
  reason?: string | null;
};

export type AuditContext = { clock: Clock; requestId?: string };

// Serialises writers so that each row links to the one committed before it.
const AUDIT_CHAIN_LOCK = 7_361_002_118;

/**
 * Writes one audit row in the caller's transaction: if the read or write it
 * records rolls back, so does the row, and a committed change always has its row.
 */
export async function recordAudit(tx: Tx, context: AuditContext, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const actingForPersonId = actor.kind === 'citizen' && actor.subjectPersonId !== actor.personId ? actor.subjectPersonId : null;
  const content = {
    id: randomUUID(),
    occurredAt: context.clock.now(),
    actorKind: actor.kind,
    actorPersonId: actor.kind === 'citizen' ? actor.personId : null,
    actorStaffId: actor.kind === 'staff' ? actor.staffId : null,
    actorRole: auditRoleOf(actor),
    unitId: actor.kind === 'staff' ? actor.unitId : null,
    patientId: event.patientId ?? null,
    actingForPersonId,
    patientProtected: await involvesProtectedIdentity(tx, [event.patientId ?? null, actingForPersonId]),
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    reason: event.reason ?? null,
    requestId: context.requestId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...content, hash: auditHash(content) });
}

/** Is the patient (or the person acted for) someone with protected personal data? */
async function involvesProtectedIdentity(tx: Tx, personIds: (string | null)[]): Promise<boolean> {
  const ids = [...new Set(personIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return false;
  const rows = await tx.select({ protectedIdentity: persons.protectedIdentity }).from(persons).where(inArray(persons.id, ids));
  return rows.some((row) => row.protectedIdentity);
}

export type ChainVerification = { ok: boolean; rowsChecked: number; firstProblem: ChainProblem | null };

/** Recomputes every hash in pages, so a long log is never held in memory at once. */
export async function verifyAuditChain(tx: Tx, pageSize = 5000): Promise<ChainVerification> {
  let afterSeq = 0;
  let previous = GENESIS_HASH;
  let rowsChecked = 0;
  for (;;) {
    const page = await tx.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) return { ok: true, rowsChecked, firstProblem: null };
    const result = findChainBreak(page, previous);
    rowsChecked += result.checked;
    if (result.problem) return { ok: false, rowsChecked, firstProblem: result.problem };
    previous = result.lastHash;
    afterSeq = page[page.length - 1]!.seq;
  }
}
