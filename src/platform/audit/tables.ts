import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every read and write of patient data, append-only and hash-chained: each row's
 * hash covers its content and the previous row's hash, so removing or editing a
 * row breaks the chain (`npm run audit:verify`). A trigger refuses UPDATE and DELETE.
 * Columns hold ids, never names or identity numbers.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorPersonId: uuid('actor_person_id'),
    actorStaffId: uuid('actor_staff_id'),
    actorRole: text('actor_role'),
    unitId: uuid('unit_id'),
    patientId: uuid('patient_id'),
    actingForPersonId: uuid('acting_for_person_id'),
    /** The patient has protected personal data (skyddad identitet): every such access is marked. */
    patientProtected: boolean('patient_protected').notNull().default(false),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (table) => [index('audit_log_patient_time').on(table.patientId, table.occurredAt)],
);
