import { z } from 'zod';
import { isIsoDate } from '../../lib/calendar/iso-date.ts';
import { channels } from './model.ts';

/**
 * The unit's side of appointments (issue 5 item 4): the calendar (Tidbok), booking, moving
 * and cancelling on a patient's behalf, arrived / no-show. Routes under /api/staff/appointments,
 * for clinicians and receptionists of the active unit. Times are ISO 8601 UTC; dates
 * (YYYY-MM-DD) are Stockholm calendar dates. Shared by server and web app.
 */

const isoDate = z.string().refine(isIsoDate, 'A calendar date, YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true });

export const appointmentStatuses = ['booked', 'arrived', 'no_show', 'cancelled', 'rebooked'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const calendarViews = ['day', 'week'] as const;
export type CalendarView = (typeof calendarViews)[number];

export const appointmentIdParamsSchema = z.object({ id: z.uuid() });
export const patientIdParamsSchema = z.object({ patientId: z.uuid() });

// ---- the unit's resources and visit types ---------------------------------------------------

export const staffVisitTypeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lengthMinutes: z.number().int(),
  channel: z.enum(channels),
  /** Staff may book unpublished types too; the flag tells them the patient cannot. */
  published: z.boolean(),
  preparation: z.string(),
});
export type StaffVisitType = z.infer<typeof staffVisitTypeSchema>;

export const resourceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['staff', 'room']),
  /** The practitioner's name or the room's. */
  name: z.string(),
  /** The practitioner's profession code (nurse, doctor …); null for a room. */
  profession: z.string().nullable(),
  visitTypeIds: z.array(z.uuid()),
});
export type Resource = z.infer<typeof resourceSchema>;

export const unitResourcesSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  resources: z.array(resourceSchema),
  visitTypes: z.array(staffVisitTypeSchema),
});
export type UnitResources = z.infer<typeof unitResourcesSchema>;

// ---- the calendar ---------------------------------------------------------------------------

export const calendarQuerySchema = z.object({
  /** Any date of the day or week shown; a week starts on its Monday. */
  date: isoDate,
  view: z.enum(calendarViews).default('day'),
  /** One practitioner or room; without it, the whole unit. */
  resourceId: z.uuid().optional(),
  /** Free slots of this visit type only; without it, each resource's shortest type (see the service). */
  visitTypeId: z.uuid().optional(),
});
export type CalendarQuery = z.input<typeof calendarQuerySchema>;

export const calendarPatientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** As the case inbox shows it: the whole number, the unit has a care relation. */
  identityNumber: z.string(),
  protectedIdentity: z.boolean(),
});

export const calendarBookingSchema = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(appointmentStatuses),
  channel: z.enum(channels),
  visitType: z.object({ id: z.uuid(), name: z.string() }),
  patient: calendarPatientSchema,
  bookedBy: z.enum(['patient', 'staff']),
});
export type CalendarBooking = z.infer<typeof calendarBookingSchema>;

export const freeSlotSchema = z.object({
  resourceId: z.uuid(),
  start: instant,
  end: instant,
  /** The visit types that may start here now (the dialog offers these). */
  visitTypeIds: z.array(z.uuid()),
});
export type FreeSlot = z.infer<typeof freeSlotSchema>;

export const calendarSchema = z.object({
  view: z.enum(calendarViews),
  days: z.array(isoDate),
  resources: z.array(resourceSchema),
  /** When each resource works on each day (after exceptions, holidays and absences). */
  worked: z.array(z.object({ resourceId: z.uuid(), date: isoDate, intervals: z.array(z.object({ start: instant, end: instant })) })),
  /** Live bookings (booked, arrived, no-show) and the ones cancelled, in time order. */
  bookings: z.array(calendarBookingSchema),
  freeSlots: z.array(freeSlotSchema),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const freeSlotsQuerySchema = z.object({
  visitTypeId: z.uuid(),
  date: isoDate,
  days: z.coerce.number().int().min(1).max(14).default(1),
  resourceId: z.uuid().optional(),
});
export type FreeSlotsQuery = z.input<typeof freeSlotsQuerySchema>;
export const freeSlotsSchema = z.object({ slots: z.array(z.object({ resourceId: z.uuid(), start: instant, end: instant })) });
export type FreeSlots = z.infer<typeof freeSlotsSchema>;

// ---- one appointment ------------------------------------------------------------------------

export const staffActions = ['move', 'cancel', 'arrived', 'no_show', 'undo_attendance'] as const;
export type StaffAppointmentAction = (typeof staffActions)[number];

export const appointmentSummarySchema = z.object({
  id: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(appointmentStatuses),
  channel: z.enum(channels),
  visitTypeName: z.string(),
  resourceName: z.string(),
});
export type AppointmentSummary = z.infer<typeof appointmentSummarySchema>;

export const staffAppointmentSchema = appointmentSummarySchema.extend({
  resourceId: z.uuid(),
  visitType: staffVisitTypeSchema,
  patient: calendarPatientSchema,
  noteToPatient: z.string().nullable(),
  bookedBy: z.object({ kind: z.enum(['patient', 'staff']), name: z.string() }),
  bookedAt: instant,
  changedAt: instant.nullable(),
  rebookedFromId: z.uuid().nullable(),
  /** A moved booking: the booking that took its place. */
  replacedById: z.uuid().nullable(),
  allowedActions: z.array(z.enum(staffActions)),
  /** Video: where staff open the meeting. */
  meetingPath: z.string().nullable(),
});
export type StaffAppointment = z.infer<typeof staffAppointmentSchema>;

/** The patient's appointments at this unit: the ones ahead soonest first, the earlier ones latest first. */
export const patientAppointmentsSchema = z.object({
  patient: calendarPatientSchema,
  upcoming: z.array(appointmentSummarySchema),
  earlier: z.array(appointmentSummarySchema),
});
export type PatientAppointments = z.infer<typeof patientAppointmentsSchema>;

export const appointmentDetailSchema = z.object({
  appointment: staffAppointmentSchema,
  history: patientAppointmentsSchema,
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

// ---- changes --------------------------------------------------------------------------------

export const NOTE_MAX = 1000;
export const REASON_MAX = 500;

export const staffBookRequestSchema = z.object({
  /** The patient's personnummer or samordningsnummer; it travels in the body, never in a URL. */
  identityNumber: z.string().trim().min(10).max(13),
  visitTypeId: z.uuid(),
  resourceId: z.uuid(),
  startsAt: instant,
  /** Shown to the patient with the booking ("ta med dina mediciner"). */
  noteToPatient: z.string().trim().max(NOTE_MAX).optional(),
});
export type StaffBookRequest = z.input<typeof staffBookRequestSchema>;

export const staffMoveRequestSchema = z.object({
  resourceId: z.uuid(),
  startsAt: instant,
  /** Another visit type of the unit; the booking's own when left out. */
  visitTypeId: z.uuid().optional(),
});
export type StaffMoveRequest = z.input<typeof staffMoveRequestSchema>;

export const staffCancelRequestSchema = z.object({
  /** Why: kept in the audit log for the unit, never sent to the patient. */
  reason: z.string().trim().min(3).max(REASON_MAX),
});
export type StaffCancelRequest = z.input<typeof staffCancelRequestSchema>;

export const attendanceRequestSchema = z.object({
  /** arrived, no_show, or booked to undo a mark. */
  status: z.enum(['arrived', 'no_show', 'booked']),
});
export type AttendanceRequest = z.input<typeof attendanceRequestSchema>;
