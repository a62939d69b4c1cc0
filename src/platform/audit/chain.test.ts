import { describe, expect, it } from 'vitest';
import { auditHash, findChainBreak, GENESIS_HASH, type AuditContent } from './chain.ts';

type Row = AuditContent & { seq: number; hash: string };

const content: AuditContent = {
  id: '0b6f1c2e-6a55-4a1f-9a53-1b0c1f0e0001',
  occurredAt: new Date('2026-11-23T09:00:00.123Z'),
  actorKind: 'staff',
  actorPersonId: 'person-1',
  actorStaffId: 'staff-1',
  actorRole: 'nurse',
  unitId: 'unit-1',
  patientId: 'patient-1',
  actingForPersonId: 'person-2',
  action: 'record.read',
  objectType: 'record',
  objectId: 'record-1',
  reason: 'Planerat besök',
  requestId: 'request-1',
  prevHash: GENESIS_HASH,
};

/** A valid chain of n rows, each linked to the one before and hashed. */
function buildChain(n: number, startPrevHash = GENESIS_HASH, firstSeq = 1): Row[] {
  const rows: Row[] = [];
  let prevHash = startPrevHash;
  for (let i = 0; i < n; i++) {
    const seq = firstSeq + i;
    const row: AuditContent = {
      ...content,
      id: `row-${seq}`,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 9, 0, seq)),
      objectId: `record-${seq}`,
      prevHash,
    };
    const hash = auditHash(row);
    rows.push({ ...row, seq, hash });
    prevHash = hash;
  }
  return rows;
}

describe('auditHash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(auditHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same content', () => {
    expect(auditHash(content)).toBe(auditHash({ ...content }));
  });

  it('gives the same hash for equal instants held in different Date objects', () => {
    expect(auditHash({ ...content, occurredAt: new Date(content.occurredAt.getTime()) })).toBe(auditHash(content));
  });

  it('does not depend on the order in which the object keys were written', () => {
    const reversed = Object.fromEntries(Object.entries(content).reverse()) as AuditContent;
    expect(auditHash(reversed)).toBe(auditHash(content));
  });

  it('ignores properties outside the hashed content (seq, hash)', () => {
    const row: Row = { ...content, seq: 42, hash: 'x' };
    const renumbered: Row = { ...row, seq: 43, hash: 'y' };
    expect(auditHash(row)).toBe(auditHash(renumbered));
  });

  const changes: { [K in keyof AuditContent]: AuditContent[K] } = {
    id: '0b6f1c2e-6a55-4a1f-9a53-1b0c1f0e0002',
    occurredAt: new Date('2026-11-23T09:00:00.124Z'),
    actorKind: 'patient',
    actorPersonId: 'person-9',
    actorStaffId: 'staff-9',
    actorRole: 'doctor',
    unitId: 'unit-9',
    patientId: 'patient-9',
    actingForPersonId: 'person-8',
    action: 'record.update',
    objectType: 'case',
    objectId: 'record-9',
    reason: 'Annat skäl',
    requestId: 'request-9',
    prevHash: 'f'.repeat(64),
  };

  it.each(Object.keys(changes) as (keyof AuditContent)[])('changes when %s changes', (field) => {
    expect(auditHash({ ...content, [field]: changes[field] })).not.toBe(auditHash(content));
  });

  const nullable = [
    'actorPersonId',
    'actorStaffId',
    'actorRole',
    'unitId',
    'patientId',
    'actingForPersonId',
    'objectId',
    'reason',
    'requestId',
  ] as const;

  it.each(nullable)('changes when %s becomes null, and null differs from the text "null"', (field) => {
    const asNull = auditHash({ ...content, [field]: null });
    expect(asNull).not.toBe(auditHash(content));
    expect(asNull).not.toBe(auditHash({ ...content, [field]: 'null' }));
  });

  it('does not let text move between fields unnoticed', () => {
    const a = auditHash({ ...content, action: 'record.read', objectType: 'record' });
    const b = auditHash({ ...content, action: 'record.readrecord', objectType: '' });
    expect(a).not.toBe(b);
  });
});

describe('findChainBreak', () => {
  it('accepts a valid chain and reports the last hash and how many rows it checked', () => {
    const rows = buildChain(5);
    expect(findChainBreak(rows)).toEqual({ problem: null, lastHash: rows[4]!.hash, checked: 5 });
  });

  it('accepts an empty chain, leaving the last hash at the starting point', () => {
    expect(findChainBreak([])).toEqual({ problem: null, lastHash: GENESIS_HASH, checked: 0 });
  });

  it('reads any iterable, such as a generator of rows', () => {
    const rows = buildChain(3);
    function* stream() {
      yield* rows;
    }
    expect(findChainBreak(stream()).problem).toBeNull();
  });

  it('detects an edited row whose hash was left alone (hash_mismatch at that row)', () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2]!, reason: 'Ändrat i efterhand' };
    expect(findChainBreak(rows)).toEqual({
      problem: { seq: 3, problem: 'hash_mismatch' },
      lastHash: rows[1]!.hash,
      checked: 2,
    });
  });

  it('detects an edited row whose hash was recomputed (broken_link at the next row)', () => {
    const rows = buildChain(5);
    const edited = { ...rows[2]!, reason: 'Ändrat i efterhand' };
    rows[2] = { ...edited, hash: auditHash(edited) };
    expect(findChainBreak(rows)).toEqual({
      problem: { seq: 4, problem: 'broken_link' },
      lastHash: rows[2]!.hash,
      checked: 3,
    });
  });

  it('detects a changed hash on an otherwise untouched row', () => {
    const rows = buildChain(3);
    rows[1] = { ...rows[1]!, hash: 'a'.repeat(64) };
    expect(findChainBreak(rows).problem).toEqual({ seq: 2, problem: 'hash_mismatch' });
  });

  it('detects a removed row (broken_link at the row after the gap)', () => {
    const rows = buildChain(5);
    const withoutThird = [...rows.slice(0, 2), ...rows.slice(3)];
    expect(findChainBreak(withoutThird)).toEqual({
      problem: { seq: 4, problem: 'broken_link' },
      lastHash: rows[1]!.hash,
      checked: 2,
    });
  });

  it('detects a removed first row', () => {
    const rows = buildChain(3);
    expect(findChainBreak(rows.slice(1)).problem).toEqual({ seq: 2, problem: 'broken_link' });
  });

  it('detects two rows that swapped places', () => {
    const rows = buildChain(5);
    const swapped = [rows[0]!, rows[2]!, rows[1]!, rows[3]!, rows[4]!];
    expect(findChainBreak(swapped)).toEqual({
      problem: { seq: 3, problem: 'broken_link' },
      lastHash: rows[0]!.hash,
      checked: 1,
    });
  });

  it('detects a row moved to the end', () => {
    const rows = buildChain(4);
    const moved = [rows[0]!, rows[2]!, rows[3]!, rows[1]!];
    expect(findChainBreak(moved).problem).toEqual({ seq: 3, problem: 'broken_link' });
  });

  it('reports only the first break', () => {
    const rows = buildChain(5);
    rows[1] = { ...rows[1]!, action: 'edited' };
    rows[3] = { ...rows[3]!, action: 'edited' };
    expect(findChainBreak(rows).problem).toEqual({ seq: 2, problem: 'hash_mismatch' });
  });

  it('refuses a first row that does not link to the genesis hash', () => {
    const rows = buildChain(2, 'b'.repeat(64));
    expect(findChainBreak(rows).problem).toEqual({ seq: 1, problem: 'broken_link' });
  });

  describe('starting from a given expectedPrevHash', () => {
    it('accepts the tail of a chain when started from the hash before it', () => {
      const rows = buildChain(6);
      const tail = rows.slice(3);
      expect(findChainBreak(tail, rows[2]!.hash)).toEqual({ problem: null, lastHash: rows[5]!.hash, checked: 3 });
    });

    it('refuses the same tail when started from the genesis hash', () => {
      const rows = buildChain(6);
      expect(findChainBreak(rows.slice(3)).problem).toEqual({ seq: 4, problem: 'broken_link' });
    });

    it('refuses the tail when started from the wrong hash', () => {
      const rows = buildChain(6);
      expect(findChainBreak(rows.slice(3), rows[1]!.hash).problem).toEqual({ seq: 4, problem: 'broken_link' });
    });

    it('lets a long chain be checked in batches, each continuing from the last hash', () => {
      const rows = buildChain(7);
      const first = findChainBreak(rows.slice(0, 4));
      const second = findChainBreak(rows.slice(4), first.lastHash);
      expect(first.problem).toBeNull();
      expect(second).toEqual({ problem: null, lastHash: rows[6]!.hash, checked: 3 });
    });

    it('returns the starting hash as lastHash when the very first row is broken', () => {
      const rows = buildChain(3);
      const start = 'c'.repeat(64);
      expect(findChainBreak(rows, start)).toEqual({
        problem: { seq: 1, problem: 'broken_link' },
        lastHash: start,
        checked: 0,
      });
    });
  });
});
