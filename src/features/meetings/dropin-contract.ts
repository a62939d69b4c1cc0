import { z } from 'zod';
import { DROPIN_REASON_MAX } from './dropin-model.ts';

/** E6, drop-in via video: what travels between the browser and the server. */

const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);

export const dropinSettingsRequestSchema = z
  .object({ open: z.boolean(), opensAt: clockTime.nullable().default(null), closesAt: clockTime.nullable().default(null) })
  .refine((value) => (value.opensAt === null) === (value.closesAt === null), { message: 'Give both times or neither', path: ['closesAt'] })
  .refine((value) => value.opensAt === null || value.opensAt !== value.closesAt, { message: 'The times must differ', path: ['closesAt'] });

export const joinDropinRequestSchema = z.object({ reason: z.string().trim().min(1).max(DROPIN_REASON_MAX) });
export const unitParamsSchema = z.object({ unitId: z.uuid() });
export const dropinParamsSchema = z.object({ id: z.uuid() });

const unavailableReason = z.enum(['not_offered', 'closed', 'outside_hours']).nullable();

/** The unit's drop-in as its staff see it: the switch, the hours, and who waits (oldest first). */
export const staffDropinSchema = z.object({
  unitId: z.uuid(),
  /** The unit has the videomote e-service active; without it there is no drop-in to open. */
  offered: z.boolean(),
  open: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
  /** Whether a patient could join now (the switch, the e-service and the hours together). */
  unavailableReason,
  queue: z.array(
    z.object({
      id: z.uuid(),
      patient: z.object({ name: z.string(), identityNumber: z.string() }),
      /** A guardian or proxy who queued for the patient; null when the patient did. */
      queuedBy: z.string().nullable(),
      reason: z.string(),
      queuedAt: z.string(),
    }),
  ),
});
export type StaffDropin = z.infer<typeof staffDropinSchema>;

export const dropinEntrySchema = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['waiting', 'taken', 'left']),
  reason: z.string(),
  queuedAt: z.string(),
  /** 1 = next to be taken; null once no longer waiting. */
  position: z.number().int().nullable(),
  /** The meeting a clinician created when they took the patient. */
  meetingId: z.uuid().nullable(),
});
export type DropinEntry = z.infer<typeof dropinEntrySchema>;

/** For the patient (or whoever acts for them): the units whose drop-in they could join, and their place if they have one. */
export const patientDropinSchema = z.object({
  units: z.array(z.object({ id: z.uuid(), name: z.string(), available: z.boolean(), unavailableReason, opensAt: z.string().nullable(), closesAt: z.string().nullable(), waiting: z.number().int() })),
  entries: z.array(dropinEntrySchema),
});
export type PatientDropin = z.infer<typeof patientDropinSchema>;

export const takenDropinSchema = z.object({ dropinId: z.uuid(), meetingId: z.uuid() });
export type TakenDropin = z.infer<typeof takenDropinSchema>;
