import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import type { QuestionItem } from '../e-services/questions.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A case (ärende, C1): one patient's errand at one unit. Nothing is ever deleted (C6):
 * closing changes the status; the thread and every step live in `case_events`.
 *
 * `unit_id` is the unit that has the case now (a forward changes it); `deadline_at` is
 * fixed at arrival (C3) and survives a forward. The form holds what the patient filled in,
 * shaped by the case type (see contract.ts, `caseForms`).
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A short number staff and patients can say on the phone ("ärende 1042"). */
    number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    /** A standard case type's catalogue code, or `own` for a unit's own case type. */
    typeCode: text('type_code').notNull(),
    ownCaseTypeId: uuid('own_case_type_id'),
    /** The type's name when the case was sent (names can change later). */
    typeNameSv: text('type_name_sv').notNull(),
    typeNameEn: text('type_name_en').notNull(),
    origin: text('origin').notNull(),
    status: text('status').notNull(),
    acknowledgeOnly: boolean('acknowledge_only').notNull(),
    assignedStaffId: uuid('assigned_staff_id').references(() => staff.id),
    /** The subject line staff and patient see in lists; never sent in a notification. */
    subject: text('subject').notNull(),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    /** The questions the patient was shown (Förnya recept's and own types'), as they were then. */
    questions: jsonb('questions').$type<QuestionItem[]>().notNull().default(sql`'[]'::jsonb`),
    /** Which terms text the patient accepted (B5): a unit's version of a standard service, or an own type's. */
    termsVersionId: uuid('terms_version_id'),
    caseTypeTermsVersionId: uuid('case_type_terms_version_id'),
    /** Who wrote it: the patient, a guardian or a proxy (person), or staff for a staff-started case. */
    createdByPersonId: uuid('created_by_person_id').references(() => persons.id),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    patientRepliesLeft: integer('patient_replies_left'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    /** Something from the unit the patient has not opened yet (the unread badge). */
    unreadByPatient: boolean('unread_by_patient').notNull().default(false),
    /** Something from the patient the unit has not opened yet. */
    unreadByUnit: boolean('unread_by_unit').notNull().default(true),
  },
  (table) => [
    check('cases_origin_check', sql`${table.origin} in ('patient', 'staff')`),
    check('cases_status_check', sql`${table.status} in ('received', 'assigned', 'awaiting_patient', 'partially_answered', 'closed')`),
    // The inbox: open cases of a unit by deadline (a partial index: closed cases leave it).
    index('cases_unit_open_deadline').on(table.unitId, table.deadlineAt, table.id).where(sql`${table.status} <> 'closed'`),
    // "Mine" and "unassigned": without it the inbox reads every open case of the unit to find them.
    index('cases_unit_open_assigned').on(table.unitId, table.assignedStaffId, table.deadlineAt, table.id).where(sql`${table.status} <> 'closed'`),
    index('cases_unit_activity').on(table.unitId, table.lastActivityAt),
    index('cases_patient').on(table.patientId, table.lastActivityAt),
  ],
);

/**
 * Everything that happened in a case, in order: the request, messages both ways,
 * assignments, forwards, closing (C6). Rows are only ever added.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order of the thread, even when two steps share a timestamp. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    /** The person who wrote (patient, guardian or proxy) … */
    authorPersonId: uuid('author_person_id').references(() => persons.id),
    /** … or the member of staff, and the unit they wrote for. */
    authorStaffId: uuid('author_staff_id').references(() => staff.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('case_events_case').on(table.caseId, table.seq)],
);

/**
 * A photo or PDF a patient or staff member attached (C1). Uploaded first (so a patient can
 * attach while writing), then bound to the message that carries it. The type is decided
 * by the bytes, never by the name.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').references(() => cases.id),
    eventId: uuid('event_id').references(() => caseEvents.id),
    uploadedByPersonId: uuid('uploaded_by_person_id').references(() => persons.id),
    uploadedByStaffId: uuid('uploaded_by_staff_id').references(() => staff.id),
    /** Whose case it may join: the patient the uploader acted for. */
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('case_attachments_media_type_check', sql`${table.mediaType} in ('image/jpeg', 'image/png', 'image/heic', 'application/pdf')`),
    index('case_attachments_case').on(table.caseId),
  ],
);

/** A unit's standard answers (svarsmallar), written once and picked when answering. */
export const caseAnswerTemplates = pgTable(
  'case_answer_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
  },
  (table) => [index('case_answer_templates_unit').on(table.unitId)],
);

/** Begär intyg: the certificates a unit issues, which the patient picks from (seed 002). */
export const unitCertificateOptions = pgTable('unit_certificate_options', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => careUnits.id),
  certificates: jsonb('certificates').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
});
