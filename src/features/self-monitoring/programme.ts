import { z } from 'zod';
import { isMetricCode, metrics, type MetricCode } from './metrics.ts';

/**
 * A self-monitoring programme (F1) as data: content/self-monitoring/<code>.json. What the
 * patient measures (tasks: device or hand-entered measurements, and questionnaires), how
 * often (the schedule), the individual limits with their defaults, and the rules for when
 * care must react. Rules are of a few generic kinds that model.ts interprets, so a new
 * programme is a new file, not new code. Pure (Zod only).
 */
const localised = z.object({ sv: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const deviceKinds = ['blood_pressure', 'weight_scale', 'pulse_oximeter'] as const;
export type DeviceKind = (typeof deviceKinds)[number];
export const slots = ['morning', 'evening'] as const;
export type Slot = (typeof slots)[number];
export const severities = ['info', 'attention', 'urgent'] as const;
export type Severity = (typeof severities)[number];

const measurementTask = z.object({
  type: z.literal('measurement'),
  id,
  name: localised,
  instructions: localised,
  metrics: z.array(z.string().refine(isMetricCode, 'unknown metric')).min(1),
  /** Metrics the patient may leave out (the pulse on a blood pressure reading). */
  optional: z.array(z.string().refine(isMetricCode, 'unknown metric')).default([]),
  /** The Bluetooth profile a device for this task follows, if any. */
  device: z.enum(deviceKinds).optional(),
});
const questionnaireTask = z.object({
  type: z.literal('questionnaire'),
  id,
  name: localised,
  instructions: localised,
  items: z
    .array(
      z.object({
        id,
        text: localised,
        options: z.array(z.object({ score: z.number().int().min(0).max(100), text: localised })).min(2),
      }),
    )
    .min(1),
});
const task = z.discriminatedUnion('type', [measurementTask, questionnaireTask]);

const comparison = z.enum(['>', '>=', '<', '<=']);
/** A rule compares against a fixed value or one of the enrolment's individual limits. */
const against = { op: comparison, value: z.number().optional(), limit: id.optional() };
const ruleBase = { id, severity: z.enum(severities), title: localised, advice: localised };

const rule = z.discriminatedUnion('kind', [
  /** Every single reading of `observation` compared with the value or limit. */
  z.object({ ...ruleBase, kind: z.literal('threshold'), observation: id, ...against }),
  /** The mean of all readings in a window: protocol days (day 1 = the start) or the last N days. */
  z.object({
    ...ruleBase,
    kind: z.literal('mean_over_days'),
    observation: id,
    window: z.union([z.object({ fromDay: z.number().int().min(1), toDay: z.number().int().min(1) }), z.object({ lastDays: z.number().int().min(1).max(90) })]),
    minReadings: z.number().int().min(1).default(1),
    ...against,
  }),
  /** A day's first reading minus the lowest (op > or >=) or highest (op < or <=) of the previous `days` days. */
  z.object({ ...ruleBase, kind: z.literal('change_over_days'), observation: id, days: z.number().int().min(1).max(30), ...against }),
  /** A questionnaire's total score compared with the value or limit. */
  z.object({ ...ruleBase, kind: z.literal('questionnaire_score'), questionnaire: id, ...against }),
  /** No reading of the task (or of anything) for `days` whole days. */
  z.object({ ...ruleBase, kind: z.literal('missing_measurements'), task: id.optional(), days: z.number().int().min(1).max(30) }),
]);

export const programmeSchema = z
  .object({
    code: id,
    version: z.number().int().min(1),
    name: localised,
    description: localised,
    instructions: localised,
    tasks: z.array(task).min(1),
    schedule: z.object({
      slots: z.array(z.enum(slots)).min(1),
      readingsPerSlot: z.number().int().min(1).max(4),
      /** A measuring period (the 7-day home BP protocol), or null while the enrolment lasts. */
      durationDays: z.number().int().min(1).max(365).nullable(),
    }),
    limits: z.record(id, z.object({ name: localised, unit: z.string(), default: z.number(), min: z.number(), max: z.number() })),
    rules: z.array(rule).min(1),
  })
  .superRefine((programme, ctx) => {
    const taskIds = new Set(programme.tasks.map((t) => t.id));
    const questionnaires = new Set(programme.tasks.filter((t) => t.type === 'questionnaire').map((t) => t.id));
    const observed = new Set<string>([...questionnaires, ...programme.tasks.flatMap((t) => (t.type === 'measurement' ? t.metrics : []))]);
    for (const t of programme.tasks) if (t.type === 'questionnaire' && isMetricCode(t.id)) ctx.addIssue({ code: 'custom', message: `questionnaire ${t.id} has a metric's name` });
    for (const [key, limit] of Object.entries(programme.limits)) {
      if (!(limit.min <= limit.default && limit.default <= limit.max)) ctx.addIssue({ code: 'custom', message: `limit ${key}: default outside min–max` });
    }
    for (const r of programme.rules) {
      if ('op' in r && (r.value === undefined) === (r.limit === undefined)) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: give exactly one of value and limit` });
      if ('limit' in r && r.limit !== undefined && !programme.limits[r.limit]) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: unknown limit ${r.limit}` });
      if ('observation' in r && !observed.has(r.observation)) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: nothing measures ${r.observation}` });
      if (r.kind === 'questionnaire_score' && !questionnaires.has(r.questionnaire)) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: unknown questionnaire` });
      if (r.kind === 'missing_measurements' && r.task && !taskIds.has(r.task)) ctx.addIssue({ code: 'custom', message: `rule ${r.id}: unknown task` });
    }
    if (new Set(programme.rules.map((r) => r.id)).size !== programme.rules.length) ctx.addIssue({ code: 'custom', message: 'rule ids must be unique' });
  });

export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeTask = Programme['tasks'][number];
export type MeasurementTask = Extract<ProgrammeTask, { type: 'measurement' }>;
export type QuestionnaireTask = Extract<ProgrammeTask, { type: 'questionnaire' }>;
export type Rule = Programme['rules'][number];
export type Schedule = Programme['schedule'];

/** How an observation (a metric, or a questionnaire's total) is named, its unit and plausible range. */
export function observationInfo(programme: Programme, observation: string): { name: { sv: string; en: string }; unit: string; min: number; max: number; decimals: number } | undefined {
  if (isMetricCode(observation)) {
    const metric = metrics[observation as MetricCode];
    return { name: metric.name, unit: metric.unitLabel, min: metric.plausible.min, max: metric.plausible.max, decimals: metric.decimals };
  }
  const questionnaire = programme.tasks.find((t): t is QuestionnaireTask => t.type === 'questionnaire' && t.id === observation);
  if (!questionnaire) return undefined;
  const max = questionnaire.items.reduce((sum, item) => sum + Math.max(...item.options.map((o) => o.score)), 0);
  const min = questionnaire.items.reduce((sum, item) => sum + Math.min(...item.options.map((o) => o.score)), 0);
  return { name: questionnaire.name, unit: 'p', min, max, decimals: 0 };
}

/** Which task measures an observation. */
export function taskOf(programme: Programme, observation: string): ProgrammeTask | undefined {
  return programme.tasks.find((t) => (t.type === 'questionnaire' ? t.id === observation : (t.metrics as string[]).includes(observation)));
}
