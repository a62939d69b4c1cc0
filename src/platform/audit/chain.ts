import { createHash } from 'node:crypto';

/** The content of one audit row that its hash covers (everything but seq and the hash itself). */
export type AuditContent = {
  id: string;
  occurredAt: Date;
  actorKind: string;
  actorPersonId: string | null;
  actorStaffId: string | null;
  actorRole: string | null;
  unitId: string | null;
  patientId: string | null;
  actingForPersonId: string | null;
  /** Marks an access to a person with protected identity. Rows from before the column hash without it. */
  patientProtected?: boolean;
  action: string;
  objectType: string;
  objectId: string | null;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
};

/** The first row's prevHash. */
export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(row: AuditContent): string {
  // A fixed field order, not object key order, so the hash never depends on how the row was built.
  const fields: unknown[] = [
    row.id,
    row.occurredAt.toISOString(),
    row.actorKind,
    row.actorPersonId,
    row.actorStaffId,
    row.actorRole,
    row.unitId,
    row.patientId,
    row.actingForPersonId,
    row.action,
    row.objectType,
    row.objectId,
    row.reason,
    row.requestId,
    row.prevHash,
  ];
  // Appended only when set, so every row written before the marker existed keeps its hash.
  if (row.patientProtected) fields.push('patient_protected');
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainProblem = { seq: number; problem: 'hash_mismatch' | 'broken_link' };

/** Walks rows in seq order; returns the first place the chain is broken, if any. */
export function findChainBreak(
  rows: Iterable<AuditContent & { seq: number; hash: string }>,
  expectedPrevHash = GENESIS_HASH,
): { problem: ChainProblem | null; lastHash: string; checked: number } {
  let previous = expectedPrevHash;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== previous) return { problem: { seq: row.seq, problem: 'broken_link' }, lastHash: previous, checked };
    if (auditHash(row) !== row.hash) return { problem: { seq: row.seq, problem: 'hash_mismatch' }, lastHash: previous, checked };
    previous = row.hash;
    checked++;
  }
  return { problem: null, lastHash: previous, checked };
}
