import { z } from 'zod';
import { urgencies } from './model.ts';

/**
 * The public triage API (issue 9 §7). An external benchmark drives it the way a patient
 * would, so these shapes are a fixed contract: extend only with optional fields.
 */
export const langSchema = z.enum(['sv', 'en']);

export const complaintsQuerySchema = z.object({ lang: langSchema.default('sv') });

const codingSchema = z.object({ system: z.string(), code: z.string() });

export const complaintsResponseSchema = z.object({
  complaints: z.array(z.object({ id: z.string(), code: codingSchema, display: z.string() })),
});

export const createSessionBodySchema = z.object({
  complaint: z.string().min(1).max(100),
  ageYears: z.number().min(0).max(130),
  sex: z.enum(['female', 'male', 'other']),
  forSomeoneElse: z.boolean().default(false),
  lang: langSchema.default('sv'),
  /** Optional (not in the benchmark contract): where the patient is, for nearest units. */
  position: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});
export type CreateSessionBody = z.infer<typeof createSessionBodySchema>;

export const answerBodySchema = z.object({
  questionId: z.string().min(1).max(100),
  answer: z.union([z.boolean(), z.number(), z.string().max(100), z.array(z.string().max(100)).max(50), z.null()]),
});
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const sessionParamsSchema = z.object({ sessionId: z.uuid() });

export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(['boolean', 'choice', 'number']),
  code: codingSchema.optional(),
  options: z.array(z.object({ id: z.string(), text: z.string(), code: codingSchema.optional() })).optional(),
  multiple: z.boolean().optional(),
  unit: z.string().optional(),
});

export const routingUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  phone: z.string(),
  address: z.string(),
  distanceKm: z.number().nullable(),
  open: z.boolean(),
  closesAt: z.string().nullable(),
});

export const routingSchema = z.object({
  careKind: z.string(),
  label: z.string(),
  /** Every kind the rule gave, in order (the first with units open is used for `units`). */
  kinds: z.array(z.object({ kind: z.string(), label: z.string() })),
  phone: z.string().nullable(),
  units: z.array(routingUnitSchema),
  rule: z.string().nullable(),
  timeBand: z.string(),
  /** Always there: a person can be reached whatever the outcome. */
  reachAPerson: z.array(z.object({ phone: z.string(), text: z.string() })),
});

export const outcomeSchema = z.object({
  urgency: z.enum(urgencies),
  title: z.string(),
  advice: z.array(z.string()),
  reasons: z.array(z.object({ text: z.string(), code: codingSchema.optional(), questionId: z.string().optional() })),
  routing: routingSchema,
});

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), question: questionSchema, progress: z.object({ answered: z.number() }).optional() }),
  z.object({ kind: z.literal('outcome'), outcome: outcomeSchema }),
]);
export type Step = z.infer<typeof stepSchema>;

export const createdSessionSchema = z.object({ sessionId: z.uuid(), step: stepSchema });
export const stepResponseSchema = z.object({ step: stepSchema });

/** The summary that follows the patient into a case, chat or booking (G5). */
export const summarySchema = z.object({
  sessionId: z.uuid(),
  complaint: z.object({ id: z.string(), code: codingSchema, display: z.string() }),
  ageYears: z.number(),
  sex: z.string(),
  forSomeoneElse: z.boolean(),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  urgency: z.enum(urgencies).nullable(),
  title: z.string().nullable(),
  reasons: z.array(z.string()),
  text: z.string(),
});
export type TriageSummary = z.infer<typeof summarySchema>;

/** Where the web app keeps the last assessment in the tab, so a case sent from the outcome can carry it (G5). */
export const TRIAGE_DRAFT_KEY = 'nara.triage-summary';
