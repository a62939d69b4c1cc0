import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';

/**
 * Chat with care (C8). A chat is live while it is queued or active; when staff end it the
 * transcript becomes a closed case (cases/directory.ts recordConversationAsCase), and these
 * rows stay as the chat's own record (who took it, when, the queue times for wait estimates).
 */

/** A unit's chat hours (its weekly schedule, holidays and exceptions), set by its administrator. */
export const chatHours = pgTable('chat_hours', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => careUnits.id),
  hours: jsonb('hours').$type<OpeningHours>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
});

export const chats = pgTable(
  'chats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    /** The patient, or the guardian or proxy acting for them. */
    startedByPersonId: uuid('started_by_person_id')
      .notNull()
      .references(() => persons.id),
    reason: text('reason').notNull(),
    /** Urgency from triage when known (higher is more urgent: 0 self-care … 4 call 112); null otherwise. */
    priority: integer('priority'),
    status: text('status').notNull(),
    /** The member of staff who has the chat (took it, or was given it by a transfer). */
    assignedStaffId: uuid('assigned_staff_id').references(() => staff.id),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    summary: text('summary'),
    /** The closed case that keeps the transcript (C6). */
    caseId: uuid('case_id'),
    /** The last staff message the patient was told about by e-mail/SMS, so each unread stretch notifies once. */
    notifiedThroughSeq: bigint('notified_through_seq', { mode: 'number' }).notNull().default(0),
  },
  (table) => [
    check('chats_status', sql`${table.status} in ('queued', 'active', 'ended', 'left')`),
    check('chats_priority', sql`${table.priority} is null or ${table.priority} between 0 and 4`),
    index('chats_unit_status').on(table.unitId, table.status, table.queuedAt),
    index('chats_patient').on(table.patientId, table.status),
    index('chats_unit_ended').on(table.unitId, table.endedAt),
    // One live chat per patient and unit: a second start answers the first.
    uniqueIndex('chats_one_live_per_patient_unit')
      .on(table.patientId, table.unitId)
      .where(sql`${table.status} in ('queued', 'active')`),
  ],
);

/** Staff in a chat: the one who has it and colleagues brought in. `left_at` is set when someone leaves (a transfer). */
export const chatParticipants = pgTable(
  'chat_participants',
  {
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chats.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.chatId, table.staffId] }), index('chat_participants_staff').on(table.staffId)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    /** The order of the whole conversation. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chats.id),
    authorPersonId: uuid('author_person_id').references(() => persons.id),
    authorStaffId: uuid('author_staff_id').references(() => staff.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('chat_messages_one_author', sql`(${table.authorPersonId} is null) <> (${table.authorStaffId} is null)`),
    index('chat_messages_chat_seq').on(table.chatId, table.seq),
  ],
);

/** How far each reader has read (read receipts): the patient's side as 'person', each member of staff as 'staff'. */
export const chatReadPositions = pgTable(
  'chat_read_positions',
  {
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chats.id),
    readerKind: text('reader_kind').notNull(),
    readerId: uuid('reader_id').notNull(),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.chatId, table.readerKind, table.readerId] }), check('chat_read_positions_kind', sql`${table.readerKind} in ('person', 'staff')`)],
);
