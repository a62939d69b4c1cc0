import { z } from 'zod';

/** "Vem har läst mina uppgifter?" — the patient's extract of the audit log (loggutdrag). */
export const accessLogQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const accessLogEntrySchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  action: z.enum(['read', 'emergency_read', 'create', 'update', 'delete']),
  objectType: z.string(),
  staffName: z.string(),
  profession: z.string(),
  unitName: z.string().nullable(),
  /** Only for emergency access: the reason the staff member gave. */
  emergencyReason: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogResponseSchema = z.object({ entries: z.array(accessLogEntrySchema) });
