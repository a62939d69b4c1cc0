import { z } from 'zod';
import { isIsoDate } from '../../lib/calendar/iso-date.ts';
import { channels } from './model.ts';

/**
 * The patient's appointments API (D1–D5, D6's calendar file), under /api/patient/….
 * Shared by server and web app (types and validation only). Times are ISO 8601 UTC;
 * the web app shows them in Stockholm time.
 */

export const idParamsSchema = z.object({ id: z.uuid() });
export const unitParamsSchema = z.object({ unitId: z.uuid() });
export const visitTypeParamsSchema = z.object({ visitTypeId: z.uuid() });

const isoDate = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD');

const localised = z.object({ sv: z.string(), en: z.string() });

/** Where the visit is: the unit with its address and phone when its profile has them. */
export const unitCardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  locality: z.string(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
});
export type UnitCard = z.infer<typeof unitCardSchema>;

/** With whom: a practitioner (name and profession in words) or a room. */
export const bookedWithSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), name: z.string(), profession: localised }),
  z.object({ kind: z.literal('room'), name: z.string() }),
]);
export type BookedWith = z.infer<typeof bookedWithSchema>;

export const visitTypeSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  preparation: z.string(),
  lengthMinutes: z.number().int(),
  channel: z.enum(channels),
  /** Hours before the start after which the patient can no longer cancel or rebook online (D4). */
  cancellationHours: z.number().int(),
});

export const appointmentStatuses = ['booked', 'arrived', 'no_show', 'cancelled', 'rebooked'] as const;

export const patientAppointmentSchema = z.object({
  id: z.uuid(),
  status: z.enum(appointmentStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  channel: z.enum(channels),
  visitType: visitTypeSummarySchema,
  unit: unitCardSchema,
  with: bookedWithSchema,
  noteToPatient: z.string().nullable(),
  /** The last moment to cancel or rebook online; after it the patient calls the unit (D4). */
  changeDeadline: z.string(),
  mayCancel: z.boolean(),
  mayRebook: z.boolean(),
  /** Why not, when the patient may not: too late, not booked any more, or the visit type is not bookable online for them. */
  changeRefusal: z.enum(['not_booked', 'deadline_passed', 'not_bookable_online', 'booking_not_offered']).nullable(),
  /** For a video visit still ahead: where the meeting opens. */
  meetingUrl: z.string().nullable(),
  bookedByStaff: z.boolean(),
  /** The booking this one replaced (a rebooking). */
  rebookedFromId: z.uuid().nullable(),
});
export type PatientAppointment = z.infer<typeof patientAppointmentSchema>;

export const appointmentListSchema = z.object({
  /** Soonest first. */
  upcoming: z.array(patientAppointmentSchema),
  /** Done, missed and cancelled visits, newest first. */
  past: z.array(patientAppointmentSchema),
});
export type AppointmentList = z.infer<typeof appointmentListSchema>;

// ---- where and what to book ------------------------------------------------------------

export const bookingUnitsSchema = z.object({
  units: z.array(
    z.object({
      unit: unitCardSchema,
      relation: z.enum(['listed', 'ongoing']),
      /** The unit has web booking (the e-service webbtidbok) on for this patient. */
      bookingOffered: z.boolean(),
    }),
  ),
});
export type BookingUnits = z.infer<typeof bookingUnitsSchema>;

export const bookingRefusals = ['not_bookable_online', 'listed_patients_only'] as const;

/** One of the patient's booked times, to link to; whether it may still be moved online (Omboka) or only by calling. */
export const heldTimeSchema = z.object({ id: z.uuid(), startsAt: z.string(), mayRebook: z.boolean() });

export const unitVisitTypesSchema = z.object({
  unit: unitCardSchema,
  bookingOffered: z.boolean(),
  /**
   * Active, published types; a refusal says why this patient cannot book one online.
   * `bookedAtLimit`: the upcoming times of the type the patient already holds when they are as
   * many as the type allows to be booked online (soonest first); then another cannot be
   * booked here, only those moved. Empty otherwise.
   */
  visitTypes: z.array(visitTypeSummarySchema.extend({ refusal: z.enum(bookingRefusals).nullable(), bookedAtLimit: z.array(heldTimeSchema) })),
  /**
   * D5: some of the unit's visits cannot be booked here (unpublished, not for this
   * patient, or no web booking at all), so Beställ tid stays offered beside booking.
   */
  notAllBookable: z.boolean(),
  /** The unit's case types for asking for a time, as keys of /start/kontakt/:unitId/:key; null where it has none. */
  requestCaseType: z.string().nullable(),
  changeCaseType: z.string().nullable(),
  /** The last Stockholm date that can be booked online. */
  lastBookableDate: z.string(),
});
export type UnitVisitTypes = z.infer<typeof unitVisitTypesSchema>;

export const SOONEST_DEFAULT = 12;
export const SOONEST_MAX = 50;
export const DATE_SPAN_MAX_DAYS = 14;

/** Either the soonest free times across the horizon, or those of a date range (a day, a week). */
export const slotQuerySchema = z.object({
  first: z.coerce.number().int().min(1).max(SOONEST_MAX).optional(),
  from: isoDate.optional(),
  days: z.coerce.number().int().min(1).max(DATE_SPAN_MAX_DAYS).optional(),
});
export type SlotQuery = z.infer<typeof slotQuerySchema>;

export const slotSchema = z.object({ resourceId: z.uuid(), startsAt: z.string(), endsAt: z.string(), with: bookedWithSchema });
export type Slot = z.infer<typeof slotSchema>;

export const slotListSchema = z.object({
  unit: unitCardSchema,
  visitType: visitTypeSummarySchema,
  slots: z.array(slotSchema),
  firstBookableDate: z.string(),
  lastBookableDate: z.string(),
});
export type SlotList = z.infer<typeof slotListSchema>;

// ---- changes ---------------------------------------------------------------------------

export const bookRequestSchema = z.object({ visitTypeId: z.uuid(), resourceId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) });
export type BookRequest = z.infer<typeof bookRequestSchema>;

export const rebookRequestSchema = z.object({ resourceId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) });
export type RebookRequest = z.infer<typeof rebookRequestSchema>;
