import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';

/**
 * A patient enrolled in a self-monitoring programme at a unit (F1). The programme itself is
 * data (content/self-monitoring); the row holds the individual limits and schedule. The
 * care team's dashboard reads only this table: the open alerts' highest severity and count,
 * the latest alert and the latest reading are kept on the row as they change, so the
 * dashboard never scans readings or alerts.
 */
export const monitoringEnrolments = pgTable(
  'monitoring_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    programmeCode: text('programme_code').notNull(),
    programmeVersion: integer('programme_version').notNull(),
    /** The individual limits (only those set; the programme's defaults fill in the rest). */
    limits: jsonb('limits').$type<Record<string, number>>().notNull(),
    schedule: jsonb('schedule').$type<{ slots: ('morning' | 'evening')[]; readingsPerSlot: number; durationDays: number | null }>().notNull(),
    /** Day 1 of the programme (Stockholm date). */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    enrolledByStaffId: uuid('enrolled_by_staff_id')
      .notNull()
      .references(() => staff.id),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByStaffId: uuid('ended_by_staff_id').references(() => staff.id),
    endReason: text('end_reason'),
    /** 0 none, 1 info, 2 attention, 3 urgent: the highest severity among open alerts. */
    openAlertSeverity: integer('open_alert_severity').notNull().default(0),
    openAlertCount: integer('open_alert_count').notNull().default(0),
    lastAlertAt: timestamp('last_alert_at', { withTimezone: true }),
    lastReadingAt: timestamp('last_reading_at', { withTimezone: true }),
    /** The last time the in-process check looked at this enrolment (missed days, reminders). */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (table) => [
    check('monitoring_enrolments_status_check', sql`${table.status} in ('active', 'ended')`),
    check('monitoring_enrolments_severity_check', sql`${table.openAlertSeverity} between 0 and 3`),
    // The dashboard: a unit's active enrolments by severity, then the latest alert or reading.
    index('monitoring_enrolments_dashboard')
      .on(table.unitId, sql`${table.openAlertSeverity} desc`, sql`coalesce(${table.lastAlertAt}, ${table.lastReadingAt}, ${table.enrolledAt}) desc`, table.id)
      .where(sql`${table.status} = 'active'`),
    index('monitoring_enrolments_patient').on(table.patientId),
    // One active enrolment per patient, unit and programme.
    uniqueIndex('monitoring_enrolments_one_active').on(table.patientId, table.unitId, table.programmeCode).where(sql`${table.status} = 'active'`),
  ],
);

/**
 * One measured value (F2), as it maps to a FHIR Observation: LOINC code (or Nära's local
 * code for a questionnaire's score) and UCUM unit. Values taken together (a blood pressure
 * reading: systolic, diastolic, pulse) share a group id. Never updated or deleted.
 */
export const monitoringObservations = pgTable(
  'monitoring_observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => monitoringEnrolments.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    groupId: uuid('group_id').notNull(),
    task: text('task').notNull(),
    /** The metric (systolic, body_weight …) or the questionnaire's id. */
    observation: text('observation').notNull(),
    code: text('code').notNull(),
    codeSystem: text('code_system').notNull(),
    unit: text('unit').notNull(),
    value: doublePrecision('value').notNull(),
    /** A questionnaire's answers (item id → score). */
    answers: jsonb('answers').$type<Record<string, number>>(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    source: text('source').notNull(),
    device: text('device'),
    enteredByPersonId: uuid('entered_by_person_id').references(() => persons.id),
  },
  (table) => [
    check('monitoring_observations_source_check', sql`${table.source} in ('manual', 'bluetooth')`),
    index('monitoring_observations_enrolment_time').on(table.enrolmentId, table.effectiveAt),
  ],
);

/**
 * An alert a programme rule raised (F3). `key` identifies the finding (the reading, the
 * measuring period, the day, the gap), so evaluating again never raises it twice. Staff
 * acknowledge it with a note; nothing is deleted.
 */
export const monitoringAlerts = pgTable(
  'monitoring_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => monitoringEnrolments.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    key: text('key').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByStaffId: uuid('acknowledged_by_staff_id').references(() => staff.id),
    note: text('note'),
  },
  (table) => [
    check('monitoring_alerts_status_check', sql`${table.status} in ('open', 'acknowledged')`),
    check('monitoring_alerts_severity_check', sql`${table.severity} in ('info', 'attention', 'urgent')`),
    uniqueIndex('monitoring_alerts_enrolment_key').on(table.enrolmentId, table.key),
    index('monitoring_alerts_enrolment_time').on(table.enrolmentId, table.createdAt),
    // The unit's work queue counts.
    index('monitoring_alerts_unit_open').on(table.unitId, table.severity).where(sql`${table.status} = 'open'`),
  ],
);
