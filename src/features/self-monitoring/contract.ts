import { z } from 'zod';
import { programmeSchema, severities, slots } from './programme.ts';

/**
 * Requests and responses of the self-monitoring API (F1–F3). Staff routes under
 * /api/staff/monitoring/…, the patient's under /api/patient/monitoring/…. Shared by server
 * and web app (types and validation only).
 */
const localised = z.object({ sv: z.string(), en: z.string() });
export const idParamsSchema = z.object({ id: z.uuid() });

const limitsSchema = z.record(z.string().max(40), z.number().finite()).refine((limits) => Object.keys(limits).length <= 20);
const scheduleChangeSchema = z.object({
  slots: z.array(z.enum(slots)).min(1).max(2).optional(),
  readingsPerSlot: z.number().int().min(1).max(4).optional(),
  durationDays: z.number().int().min(1).max(365).nullable().optional(),
});

export const enrolRequestSchema = z.object({
  identityNumber: z.string().trim().min(10).max(20),
  programme: z.string().max(40),
  limits: limitsSchema.default({}),
  schedule: scheduleChangeSchema.default({}),
  /** Day 1; today when left out. */
  startDate: z.iso.date().optional(),
});
export type EnrolRequest = z.input<typeof enrolRequestSchema>;

export const limitsRequestSchema = z.object({ limits: limitsSchema, schedule: scheduleChangeSchema.default({}) });
export type LimitsRequest = z.input<typeof limitsRequestSchema>;
export const endRequestSchema = z.object({ reason: z.string().trim().max(500).optional() });
export const acknowledgeRequestSchema = z.object({ note: z.string().trim().min(1).max(2000) });

export const readingRequestSchema = z.object({
  task: z.string().max(40),
  values: z.record(z.string().max(40), z.number()).optional(),
  answers: z.record(z.string().max(40), z.number().int()).optional(),
  /** When it was measured; now when left out. A reading from a device's memory or a paper diary may be up to 14 days old. */
  effectiveAt: z.iso.datetime({ offset: true }).optional(),
  source: z.enum(['manual', 'bluetooth']).default('manual'),
  device: z.string().trim().max(100).optional(),
});
export type ReadingRequest = z.input<typeof readingRequestSchema>;

export const alertSchema = z.object({
  id: z.uuid(),
  ruleId: z.string(),
  kind: z.string(),
  severity: z.enum(severities),
  status: z.enum(['open', 'acknowledged']),
  createdAt: z.string(),
  title: localised,
  finding: localised,
  advice: localised,
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const observationSchema = z.object({ groupId: z.string(), task: z.string(), observation: z.string(), value: z.number(), effectiveAt: z.string(), source: z.enum(['manual', 'bluetooth']) });
export type ObservationView = z.infer<typeof observationSchema>;

export const planSchema = z.object({
  date: z.string(),
  day: z.number(),
  periodDays: z.number().nullable(),
  finished: z.boolean(),
  notStarted: z.boolean(),
  items: z.array(z.object({ task: z.string(), slot: z.enum(slots), required: z.number(), done: z.number() })),
});

export const enrolmentSchema = z.object({
  id: z.uuid(),
  status: z.enum(['active', 'ended']),
  startDate: z.string(),
  enrolledAt: z.string(),
  endedAt: z.string().nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string() }),
  programme: programmeSchema,
  /** The limits in force (defaults filled in) and those set for this patient. */
  limits: z.record(z.string(), z.number()),
  individualLimits: z.record(z.string(), z.number()),
  schedule: z.object({ slots: z.array(z.enum(slots)), readingsPerSlot: z.number(), durationDays: z.number().nullable() }),
  plan: planSchema,
  observations: z.array(observationSchema),
  alerts: z.array(alertSchema),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const readingResultSchema = z.object({ groupId: z.uuid(), alerts: z.array(alertSchema), enrolment: enrolmentSchema });
export type ReadingResult = z.infer<typeof readingResultSchema>;

export const myEnrolmentsSchema = z.object({
  enrolments: z.array(z.object({ id: z.uuid(), status: z.enum(['active', 'ended']), unitName: z.string(), programme: z.object({ code: z.string(), name: localised }), plan: planSchema, openAlerts: z.number() })),
});
export type MyEnrolments = z.infer<typeof myEnrolmentsSchema>;

export const dashboardQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) });
export const dashboardSchema = z.object({
  items: z.array(
    z.object({
      enrolmentId: z.uuid(),
      patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }),
      programme: z.object({ code: z.string(), name: localised }),
      severity: z.enum(severities).nullable(),
      openAlerts: z.number(),
      lastAlertAt: z.string().nullable(),
      lastReadingAt: z.string().nullable(),
      startDate: z.string(),
    }),
  ),
  total: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const countsSchema = z.object({ enrolled: z.number(), openAlerts: z.number(), urgent: z.number(), attention: z.number(), info: z.number() });
export type MonitoringCounts = z.infer<typeof countsSchema>;

export const programmeListSchema = z.object({ programmes: z.array(programmeSchema) });
export type ProgrammeList = z.infer<typeof programmeListSchema>;
