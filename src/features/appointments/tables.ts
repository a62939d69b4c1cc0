import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import type { WorkTemplate } from './model.ts';

/**
 * Appointments (D1–D6). A unit defines visit types; its practitioners and rooms have
 * schedules (a working template per resource); slots are generated from the templates on
 * demand (model.ts) and a booking is a row here. No double booking is enforced by an
 * exclusion constraint on (resource, time range) over the live statuses — see the migration.
 */

/** What can be booked at a unit: "Hälsosamtal 30 min hos sjuksköterska", "Provtagning", "Videobesök läkare". */
export const visitTypes = pgTable(
  'visit_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    name: text('name').notNull(),
    /** What the patient should prepare or bring (shown with the booking, D1). */
    preparation: text('preparation').notNull().default(''),
    lengthMinutes: integer('length_minutes').notNull(),
    channel: text('channel').notNull(),
    bookableOnlineBy: text('bookable_online_by').notNull(),
    cancellationHours: integer('cancellation_hours').notNull(),
    published: boolean('published').notNull(),
    /**
     * How many upcoming booked times of this type one patient may hold when booking online
     * ("högst en bokad tid per patient"); null = no limit. Staff may book beyond it.
     */
    maxUpcomingPerPatient: integer('max_upcoming_per_patient'),
    /** A retired type stays for the bookings that used it, but is not offered any more. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('visit_types_channel', sql`${table.channel} in ('at_unit', 'video', 'phone')`),
    check('visit_types_bookable_online_by', sql`${table.bookableOnlineBy} in ('nobody', 'listed', 'anyone')`),
    check('visit_types_length', sql`${table.lengthMinutes} between 5 and 480`),
    check('visit_types_cancellation_hours', sql`${table.cancellationHours} between 0 and 720`),
    check('visit_types_max_upcoming_per_patient', sql`${table.maxUpcomingPerPatient} is null or ${table.maxUpcomingPerPatient} between 1 and 20`),
    index('visit_types_unit').on(table.unitId),
  ],
);

/**
 * A bookable resource at a unit with its working template: a practitioner (staff) or a
 * room (a sampling room without a named practitioner). `visitTypeIds` says which visit
 * types are booked on it.
 */
export const scheduleResources = pgTable(
  'schedule_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    kind: text('kind').notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    /** The room's name; for a practitioner the staff member's name is used. */
    roomName: text('room_name'),
    template: jsonb('template').$type<WorkTemplate>().notNull(),
    visitTypeIds: uuid('visit_type_ids').array().notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('schedule_resources_kind', sql`${table.kind} in ('staff', 'room')`),
    check(
      'schedule_resources_kind_fields',
      sql`(${table.kind} = 'staff' and ${table.staffId} is not null and ${table.roomName} is null) or (${table.kind} = 'room' and ${table.staffId} is null and ${table.roomName} is not null)`,
    ),
    uniqueIndex('schedule_resources_one_per_staff_unit').on(table.unitId, table.staffId).where(sql`${table.staffId} is not null`),
    index('schedule_resources_unit').on(table.unitId),
  ],
);

/** Per unit: when reminders go out and how far ahead the web booking reaches. */
export const appointmentSettings = pgTable(
  'appointment_settings',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => careUnits.id),
    reminderHoursBefore: integer('reminder_hours_before').notNull(),
    bookingHorizonDays: integer('booking_horizon_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('appointment_settings_reminder', sql`${table.reminderHoursBefore} between 1 and 168`),
    check('appointment_settings_horizon', sql`${table.bookingHorizonDays} between 7 and 365`),
  ],
);

/**
 * A booked time. Statuses: booked → arrived | no_show; booked → cancelled (by patient or
 * staff); booked → rebooked (moved: `replacedById` is the new booking). Only booked,
 * arrived and no_show hold the resource's time.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => scheduleResources.id),
    visitTypeId: uuid('visit_type_id')
      .notNull()
      .references(() => visitTypes.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    /** Who booked it: the patient or someone acting for them, or a member of staff. */
    bookedByPersonId: uuid('booked_by_person_id').references(() => persons.id),
    bookedByStaffId: uuid('booked_by_staff_id').references(() => staff.id),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    /** A message from the unit to the patient ("ta med dina mediciner"); no free text from the booking patient. */
    noteToPatient: text('note_to_patient'),
    changedAt: timestamp('changed_at', { withTimezone: true }),
    changedByPersonId: uuid('changed_by_person_id').references(() => persons.id),
    changedByStaffId: uuid('changed_by_staff_id').references(() => staff.id),
    /** The booking this one was moved from (D2), and the one that replaced it. */
    rebookedFromId: uuid('rebooked_from_id'),
    replacedById: uuid('replaced_by_id'),
  },
  (table) => [
    check('appointments_status', sql`${table.status} in ('booked', 'arrived', 'no_show', 'cancelled', 'rebooked')`),
    check('appointments_channel', sql`${table.channel} in ('at_unit', 'video', 'phone')`),
    check('appointments_time', sql`${table.endsAt} > ${table.startsAt}`),
    check('appointments_booked_by', sql`num_nonnulls(${table.bookedByPersonId}, ${table.bookedByStaffId}) = 1`),
    index('appointments_patient').on(table.patientId, table.startsAt),
    index('appointments_unit_time').on(table.unitId, table.startsAt),
    // Free slots read a resource's live bookings over weeks from this index alone (the migration adds INCLUDE (ends_at)).
    index('appointments_live_by_resource').on(table.resourceId, table.startsAt).where(sql`${table.status} in ('booked', 'arrived', 'no_show')`),
  ],
);
