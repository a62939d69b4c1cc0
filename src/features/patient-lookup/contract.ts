import { z } from 'zod';

/** Staff look a patient up by identity number. It travels in the body, never in a URL. */
export const patientLookupRequestSchema = z.object({
  identityNumber: z.string().trim().min(10).max(13),
  /** Nödåtkomst: without a care relation, a clinician may state why they must see the patient now. */
  emergencyReason: z.string().trim().max(500).optional(),
});
export type PatientLookupRequest = z.infer<typeof patientLookupRequestSchema>;

export const patientSummarySchema = z.object({
  id: z.uuid(),
  identityNumber: z.string(),
  identityKind: z.enum(['personnummer', 'samordningsnummer']),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  age: z.number().int(),
  protectedIdentity: z.boolean(),
  accessBasis: z.enum(['care_relation', 'emergency']),
  careRelationsAtUnit: z.array(z.object({ kind: z.enum(['listed', 'ongoing']), startedAt: z.iso.datetime() })),
  guardians: z.array(z.object({ displayName: z.string() })),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;
