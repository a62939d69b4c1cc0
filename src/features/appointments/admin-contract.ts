import { z } from 'zod';
import { channels, onlineBookers } from './model.ts';
import { workTemplateSchema } from './template-rules.ts';

/**
 * The unit administrator's side of appointments (issue 5): visit types, the schedules of the
 * unit's practitioners and rooms, and the unit's booking settings. Routes under
 * /api/unit-admin/appointments, for staff with the role unit_admin at their active unit.
 * Shared by server and web app.
 */

export const idParamsSchema = z.object({ id: z.uuid() });

// ---- visit types ----------------------------------------------------------------------------

export const VISIT_TYPE_NAME_MAX = 120;
export const PREPARATION_MAX = 2000;
/** The web booking limit per patient (the check on visit_types.max_upcoming_per_patient). */
export const MAX_UPCOMING_MIN = 1;
export const MAX_UPCOMING_MAX = 20;

export const visitTypeRequestSchema = z.object({
  name: z.string().trim().min(2).max(VISIT_TYPE_NAME_MAX),
  /** What the patient should bring or do before (D1); shown with the booking and in the confirmation. */
  preparation: z.string().trim().max(PREPARATION_MAX),
  lengthMinutes: z.number().int().min(5).max(480),
  channel: z.enum(channels),
  bookableOnlineBy: z.enum(onlineBookers),
  /** D4: until how many hours before the start a patient may cancel or rebook online (0–720). */
  cancellationHours: z.number().int().min(0).max(720),
  published: z.boolean(),
  /**
   * How many upcoming booked times of this type one patient may hold when booking online
   * (1–20); null = no limit. Left out of an edit, the type keeps the limit it has.
   */
  maxUpcomingPerPatient: z.number().int().min(MAX_UPCOMING_MIN).max(MAX_UPCOMING_MAX).nullable().optional(),
});
export type VisitTypeRequest = z.infer<typeof visitTypeRequestSchema>;

export const adminVisitTypeSchema = visitTypeRequestSchema.extend({
  id: z.uuid(),
  name: z.string(),
  preparation: z.string(),
  maxUpcomingPerPatient: z.number().int().nullable(),
  active: z.boolean(),
  /** How many of the unit's schedules book it. */
  scheduleCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminVisitType = z.infer<typeof adminVisitTypeSchema>;

export const visitTypeListSchema = z.object({
  unitId: z.uuid(),
  /** Whether the unit has the e-services on: without webbtidbok patients cannot book online at all. */
  webBookingActive: z.boolean(),
  videoActive: z.boolean(),
  visitTypes: z.array(adminVisitTypeSchema),
});
export type VisitTypeList = z.infer<typeof visitTypeListSchema>;

// ---- schedules ------------------------------------------------------------------------------

const visitTypeIdsSchema = z
  .array(z.uuid())
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each visit type once' });

export const scheduleFieldsSchema = z.object({
  template: workTemplateSchema,
  visitTypeIds: visitTypeIdsSchema,
  active: z.boolean(),
});
export type ScheduleFields = z.infer<typeof scheduleFieldsSchema>;

const roomNameSchema = z.string().trim().min(2).max(80);

export const scheduleCreateSchema = z.discriminatedUnion('kind', [
  scheduleFieldsSchema.extend({ kind: z.literal('staff'), staffId: z.uuid() }),
  scheduleFieldsSchema.extend({ kind: z.literal('room'), roomName: roomNameSchema }),
]);
export type ScheduleCreate = z.infer<typeof scheduleCreateSchema>;

/** An edit replaces the template, the visit types and active; a room may also be renamed. */
export const scheduleUpdateSchema = scheduleFieldsSchema.extend({ roomName: roomNameSchema.optional() });
export type ScheduleUpdate = z.infer<typeof scheduleUpdateSchema>;

export const adminScheduleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['staff', 'room']),
  staffId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  /** The practitioner's name or the room's. */
  name: z.string(),
  profession: z.string().nullable(),
  template: workTemplateSchema,
  visitTypeIds: z.array(z.uuid()),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type AdminSchedule = z.infer<typeof adminScheduleSchema>;

export const scheduleListSchema = z.object({
  unitId: z.uuid(),
  schedules: z.array(adminScheduleSchema),
  /** The unit's staff who have no schedule yet (one schedule per practitioner and unit). */
  staffWithoutSchedule: z.array(z.object({ staffId: z.uuid(), name: z.string(), profession: z.string() })),
});
export type ScheduleList = z.infer<typeof scheduleListSchema>;

/**
 * Booked times ahead that the schedule no longer covers: outside its worked hours, of a visit
 * type taken off it, or on a schedule turned off. They are not moved or cancelled; the
 * administrator follows them up. Times only, no patient: the list needs no patient access.
 */
export const bookingsOutsideSchema = z.object({ count: z.number().int(), startsAt: z.array(z.iso.datetime()) });
export type BookingsOutside = z.infer<typeof bookingsOutsideSchema>;

export const scheduleSavedSchema = z.object({ schedule: adminScheduleSchema, bookingsOutside: bookingsOutsideSchema });
export type ScheduleSaved = z.infer<typeof scheduleSavedSchema>;

// ---- settings -------------------------------------------------------------------------------

export const settingsRequestSchema = z.object({
  reminderHoursBefore: z.number().int().min(1).max(168),
  bookingHorizonDays: z.number().int().min(7).max(365),
});
export type SettingsRequest = z.infer<typeof settingsRequestSchema>;

export const settingsSchema = settingsRequestSchema.extend({ unitId: z.uuid(), updatedAt: z.iso.datetime().nullable() });
export type AppointmentSettingsView = z.infer<typeof settingsSchema>;
