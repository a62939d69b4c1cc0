import { stockholmDate, STOCKHOLM } from '../../lib/stockholm-time.ts';
import type { Localised } from './metrics.ts';
import { observationInfo, taskOf, type Programme, type ProgrammeTask, type Rule, type Schedule, type Severity, type Slot } from './programme.ts';

/**
 * The self-monitoring engine (F1–F3), pure: no I/O, the clock passed in. It checks that a
 * reading is plausible, says what is due today, and interprets a programme's rules
 * (threshold, mean over days, change over days, questionnaire score, missing
 * measurements) over an enrolment's readings. Dates are Europe/Stockholm calendar dates.
 */

export type Observation = { observation: string; value: number; effectiveAt: Date; groupId: string };
export type EnrolmentFacts = { startDate: string; limits: Record<string, number>; schedule: Schedule };
export type AlertDetails = { value?: number; limit?: number; mean?: number; readings?: number; change?: number; days?: number; missedDays?: number; since?: string; day?: string };
export type AlertCandidate = { ruleId: string; kind: Rule['kind']; severity: Severity; key: string; observation: string | null; details: AlertDetails };

export const severityRank: Record<Severity, number> = { info: 1, attention: 2, urgent: 3 };
export const severityOfRank = (rank: number): Severity | null => (rank >= 3 ? 'urgent' : rank === 2 ? 'attention' : rank === 1 ? 'info' : null);

// ---- dates ----------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Days from a to b (calendar dates, YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
/** Day 1 is the enrolment's start date. */
export function protocolDay(startDate: string, at: Date): number {
  return daysBetween(startDate, stockholmDate(at)) + 1;
}
const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, hour: '2-digit', hourCycle: 'h23' });
export function stockholmHour(at: Date): number {
  return Number(hourFormat.format(at));
}
/** A reading before 14:00 counts as the morning's, later as the evening's. */
export function slotOf(at: Date): Slot {
  return stockholmHour(at) < 14 ? 'morning' : 'evening';
}
/** When a slot's reminder goes out if nothing was measured (Stockholm hour). */
export const reminderHour: Record<Slot, number> = { morning: 9, evening: 19 };

// ---- limits ---------------------------------------------------------------------------

export type LimitProblem = { limit: string; message: Localised };

/** The programme's defaults with the enrolment's own limits on top; unknown keys are ignored. */
export function resolveLimits(programme: Programme, individual: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(Object.entries(programme.limits).map(([key, limit]) => [key, individual[key] ?? limit.default]));
}

export function checkLimits(programme: Programme, individual: Record<string, number>): LimitProblem[] {
  const problems: LimitProblem[] = [];
  for (const [key, value] of Object.entries(individual)) {
    const limit = programme.limits[key];
    if (!limit) {
      problems.push({ limit: key, message: { sv: `Programmet har ingen gräns som heter ${key}.`, en: `The programme has no limit called ${key}.` } });
    } else if (!Number.isFinite(value) || value < limit.min || value > limit.max) {
      problems.push({
        limit: key,
        message: {
          sv: `${limit.name.sv} ska vara mellan ${fmt(limit.min, 'sv')} och ${fmt(limit.max, 'sv')} ${limit.unit}.`,
          en: `${limit.name.en} must be between ${fmt(limit.min, 'en')} and ${fmt(limit.max, 'en')} ${limit.unit}.`,
        },
      });
    }
  }
  return problems;
}

// ---- plausibility -----------------------------------------------------------------------

export type ReadingInput = { task: string; values?: Record<string, number>; answers?: Record<string, number> };
export type ReadingProblem = { field: string; message: Localised };
export type CheckedReading = { task: ProgrammeTask; observations: { observation: string; value: number }[]; answers: Record<string, number> | null };

export function fmt(value: number, language: 'sv' | 'en', decimals = 1): string {
  return value.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: decimals });
}

/**
 * A reading as the patient entered it (or a device sent it), checked against the task and
 * each metric's plausible range. A systolic of 1,200 is refused with a message saying what
 * range is possible; a diastolic at or above the systolic too.
 */
export function checkReading(programme: Programme, input: ReadingInput): { ok: true; reading: CheckedReading } | { ok: false; problems: ReadingProblem[] } {
  const task = programme.tasks.find((candidate) => candidate.id === input.task);
  if (!task) return { ok: false, problems: [{ field: 'task', message: { sv: 'Programmet har ingen sådan mätning.', en: 'The programme has no such measurement.' } }] };
  const problems: ReadingProblem[] = [];
  if (task.type === 'questionnaire') {
    const answers: Record<string, number> = {};
    for (const item of task.items) {
      const score = input.answers?.[item.id];
      if (score === undefined) problems.push({ field: item.id, message: { sv: `Svara på frågan ”${item.text.sv}”.`, en: `Answer the question “${item.text.en}”.` } });
      else if (!item.options.some((option) => option.score === score)) problems.push({ field: item.id, message: { sv: 'Välj ett av svarsalternativen.', en: 'Choose one of the answers.' } });
      else answers[item.id] = score;
    }
    if (problems.length) return { ok: false, problems };
    const total = Object.values(answers).reduce((sum, score) => sum + score, 0);
    return { ok: true, reading: { task, observations: [{ observation: task.id, value: total }], answers } };
  }
  const observations: { observation: string; value: number }[] = [];
  for (const metric of task.metrics) {
    const info = observationInfo(programme, metric)!;
    const value = input.values?.[metric];
    if (value === undefined || value === null) {
      if (!task.optional.includes(metric)) problems.push({ field: metric, message: { sv: `Fyll i ${info.name.sv.toLowerCase()}.`, en: `Enter the ${info.name.en.toLowerCase()}.` } });
      continue;
    }
    if (!Number.isFinite(value) || value < info.min || value > info.max) {
      problems.push({
        field: metric,
        message: {
          sv: `${info.name.sv} ${Number.isFinite(value) ? fmt(value, 'sv') : ''} ${info.unit} är inte ett rimligt värde. Kontrollera det: det ska vara mellan ${fmt(info.min, 'sv')} och ${fmt(info.max, 'sv')} ${info.unit}.`.replace('  ', ' '),
          en: `${info.name.en} ${Number.isFinite(value) ? fmt(value, 'en') : ''} ${info.unit} is not a plausible value. Please check it: it should be between ${fmt(info.min, 'en')} and ${fmt(info.max, 'en')} ${info.unit}.`.replace('  ', ' '),
        },
      });
      continue;
    }
    const factor = 10 ** info.decimals;
    observations.push({ observation: metric, value: Math.round(value * factor) / factor });
  }
  const systolic = input.values?.systolic;
  const diastolic = input.values?.diastolic;
  if (!problems.length && systolic !== undefined && diastolic !== undefined && diastolic >= systolic) {
    problems.push({ field: 'diastolic', message: { sv: 'Undertrycket måste vara lägre än övertrycket. Har värdena bytt plats?', en: 'The diastolic pressure must be lower than the systolic. Are the values swapped?' } });
  }
  return problems.length ? { ok: false, problems } : { ok: true, reading: { task, observations, answers: null } };
}

// ---- what is due ------------------------------------------------------------------------

export type PlanItem = { task: string; slot: Slot; required: number; done: number };
export type DayPlan = { date: string; day: number; periodDays: number | null; finished: boolean; notStarted: boolean; items: PlanItem[] };

/** How many readings a task needs in a slot: questionnaires once a day (in the first slot). */
function required(schedule: Schedule, task: ProgrammeTask, slot: Slot): number {
  if (task.type === 'questionnaire') return slot === schedule.slots[0] ? 1 : 0;
  return schedule.readingsPerSlot;
}

function readingsOfTask(programme: Programme, observations: Observation[], taskId: string): Observation[] {
  // One reading per group (a blood pressure reading is three observations).
  const seen = new Set<string>();
  return observations.filter((o) => {
    if (taskOf(programme, o.observation)?.id !== taskId || seen.has(o.groupId)) return false;
    seen.add(o.groupId);
    return true;
  });
}

/** What the patient should measure on the day `now` falls on, and how much is done. */
export function dayPlan(programme: Programme, facts: EnrolmentFacts, todays: Observation[], now: Date): DayPlan {
  const date = stockholmDate(now);
  const day = protocolDay(facts.startDate, now);
  const periodDays = facts.schedule.durationDays;
  const finished = periodDays !== null && day > periodDays;
  const notStarted = day < 1;
  const items: PlanItem[] = [];
  if (!finished && !notStarted) {
    for (const task of programme.tasks) {
      const readings = readingsOfTask(programme, todays.filter((o) => stockholmDate(o.effectiveAt) === date), task.id);
      for (const slot of facts.schedule.slots) {
        const need = required(facts.schedule, task, slot);
        if (need > 0) items.push({ task: task.id, slot, required: need, done: readings.filter((o) => task.type === 'questionnaire' || slotOf(o.effectiveAt) === slot).length });
      }
    }
  }
  return { date, day, periodDays, finished, notStarted, items };
}

/** The slot whose reminder is due now (past its hour, not yet done), if any. */
export function reminderDue(plan: DayPlan, now: Date): Slot | null {
  if (plan.finished || plan.notStarted) return null;
  const hour = stockholmHour(now);
  for (const slot of ['evening', 'morning'] as const) {
    if (hour < reminderHour[slot]) continue;
    const items = plan.items.filter((item) => item.slot === slot);
    if (items.length && items.some((item) => item.done < item.required)) return slot;
    if (items.length) return null;
  }
  return null;
}

// ---- rules ------------------------------------------------------------------------------

export function compare(op: '>' | '>=' | '<' | '<=', a: number, b: number): boolean {
  return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
}

function boundOf(rule: { value?: number; limit?: string }, limits: Record<string, number>): number {
  return rule.value ?? limits[rule.limit!]!;
}

/** The first reading of each day (a weight is weighed in the morning), by date. */
export function dailyFirst(observations: Observation[], observation: string): Map<string, number> {
  const byDay = new Map<string, { at: number; value: number }>();
  for (const o of observations) {
    if (o.observation !== observation) continue;
    const day = stockholmDate(o.effectiveAt);
    const current = byDay.get(day);
    if (!current || o.effectiveAt.getTime() < current.at) byDay.set(day, { at: o.effectiveAt.getTime(), value: o.value });
  }
  return new Map([...byDay].map(([day, entry]) => [day, entry.value]));
}

/** How many days of readings the rules look back over (what the caller must load). */
export function lookbackDays(programme: Programme, schedule: Schedule): number {
  let days = 1;
  for (const rule of programme.rules) {
    if (rule.kind === 'change_over_days') days = Math.max(days, rule.days + 1);
    if (rule.kind === 'mean_over_days') days = Math.max(days, 'lastDays' in rule.window ? rule.window.lastDays : rule.window.toDay);
  }
  return Math.max(days, schedule.durationDays ?? 0);
}

export type EvaluationInput = {
  /** The enrolment's readings over at least lookbackDays(), including the fresh ones. */
  history: Observation[];
  /** The groups just recorded: single-reading rules look only at these. */
  freshGroupIds: Set<string>;
  /** The latest reading of each observation ever (for missing measurements). */
  latestByObservation: Record<string, Date>;
  /**
   * Whether to look for missed days: the scheduled check does, a reading being entered does
   * not (a patient typing in last week's diary in order would otherwise see a gap that the
   * next entry fills).
   */
  checkMissing?: boolean;
};

/**
 * Which alerts the rules raise now. Each candidate has a key that is stable for the same
 * finding (the reading, the period, the day, the gap), so raising it again changes nothing.
 */
export function evaluate(programme: Programme, facts: EnrolmentFacts, input: EvaluationInput, now: Date): AlertCandidate[] {
  const found: AlertCandidate[] = [];
  const today = stockholmDate(now);
  const fresh = input.history.filter((o) => input.freshGroupIds.has(o.groupId));
  for (const rule of programme.rules) {
    const base = { ruleId: rule.id, kind: rule.kind, severity: rule.severity } as const;
    switch (rule.kind) {
      case 'threshold':
      case 'questionnaire_score': {
        const observation = rule.kind === 'threshold' ? rule.observation : rule.questionnaire;
        const limit = boundOf(rule, facts.limits);
        for (const o of fresh) {
          if (o.observation === observation && compare(rule.op, o.value, limit)) {
            found.push({ ...base, key: `${rule.id}:${o.groupId}`, observation, details: { value: o.value, limit, day: stockholmDate(o.effectiveAt) } });
          }
        }
        break;
      }
      case 'change_over_days': {
        const limit = boundOf(rule, facts.limits);
        const daily = dailyFirst(input.history, rule.observation);
        const freshDays = new Set(fresh.filter((o) => o.observation === rule.observation).map((o) => stockholmDate(o.effectiveAt)));
        for (const day of freshDays) {
          const value = daily.get(day);
          if (value === undefined) continue;
          const before = [...daily].filter(([other]) => other < day && daysBetween(other, day) <= rule.days).map(([, v]) => v);
          if (!before.length) continue;
          const rising = rule.op === '>' || rule.op === '>=';
          const change = Math.round((value - (rising ? Math.min(...before) : Math.max(...before))) * 100) / 100;
          if (compare(rule.op, change, limit)) found.push({ ...base, key: `${rule.id}:${day}`, observation: rule.observation, details: { value, change, limit, days: rule.days, day } });
        }
        break;
      }
      case 'mean_over_days': {
        const limit = boundOf(rule, facts.limits);
        let from: string;
        let to: string;
        let key: string;
        if ('fromDay' in rule.window) {
          from = addDays(facts.startDate, rule.window.fromDay - 1);
          to = addDays(facts.startDate, rule.window.toDay - 1);
          // The period is complete when its last day is over, or when that day has all its readings.
          const lastDayDone = readingsOfTask(programme, input.history.filter((o) => stockholmDate(o.effectiveAt) === to), taskOf(programme, rule.observation)?.id ?? '').length >= facts.schedule.slots.length * facts.schedule.readingsPerSlot;
          if (today < to || (today === to && !lastDayDone)) break;
          key = `${rule.id}:${facts.startDate}`;
        } else {
          from = addDays(today, -(rule.window.lastDays - 1));
          to = today;
          key = `${rule.id}:${today}`;
        }
        const values = input.history.filter((o) => o.observation === rule.observation && stockholmDate(o.effectiveAt) >= from && stockholmDate(o.effectiveAt) <= to).map((o) => o.value);
        if (values.length < rule.minReadings) break;
        const mean = Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
        if (compare(rule.op, mean, limit)) found.push({ ...base, key, observation: rule.observation, details: { mean, limit, readings: values.length, since: from, day: to } });
        break;
      }
      case 'missing_measurements': {
        if (input.checkMissing === false) break;
        const observations = rule.task ? taskObservations(programme, rule.task) : programme.tasks.flatMap((t) => taskObservations(programme, t.id));
        const latest = observations.map((o) => input.latestByObservation[o]).filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
        // Days without readings: after the last reading (or from the start) up to yesterday, within the period.
        const firstMissing = latest ? addDays(stockholmDate(latest), 1) : facts.startDate;
        const periodEnd = facts.schedule.durationDays ? addDays(facts.startDate, facts.schedule.durationDays - 1) : null;
        const lastCounted = periodEnd && periodEnd < addDays(today, -1) ? periodEnd : addDays(today, -1);
        const missedDays = daysBetween(firstMissing, lastCounted) + 1;
        if (missedDays >= rule.days) found.push({ ...base, key: `${rule.id}:${firstMissing}`, observation: null, details: { missedDays, since: firstMissing } });
        break;
      }
    }
  }
  return found;
}

function taskObservations(programme: Programme, taskId: string): string[] {
  const task = programme.tasks.find((t) => t.id === taskId);
  return !task ? [] : task.type === 'questionnaire' ? [task.id] : task.metrics;
}

// ---- texts ------------------------------------------------------------------------------

/** What an alert says: the rule's title, the finding in numbers, and the programme's advice to the patient. */
export function alertText(programme: Programme, ruleId: string, details: AlertDetails): { title: Localised; finding: Localised; advice: Localised } {
  const rule = programme.rules.find((r) => r.id === ruleId);
  if (!rule) return { title: { sv: 'Larm', en: 'Alert' }, finding: { sv: '', en: '' }, advice: { sv: '', en: '' } };
  const observation = 'observation' in rule ? rule.observation : rule.kind === 'questionnaire_score' ? rule.questionnaire : null;
  const info = observation ? observationInfo(programme, observation) : undefined;
  const unit = info?.unit ?? '';
  const limitOf = (language: 'sv' | 'en') => (details.limit === undefined ? '' : fmt(details.limit, language));
  const text = (language: 'sv' | 'en'): string => {
    const sv = language === 'sv';
    const name = info ? info.name[language] : '';
    switch (rule.kind) {
      case 'threshold':
      case 'questionnaire_score':
        return sv ? `${name}: ${fmt(details.value ?? 0, 'sv')} ${unit} (gräns ${rule.op} ${limitOf('sv')})` : `${name}: ${fmt(details.value ?? 0, 'en')} ${unit} (limit ${rule.op} ${limitOf('en')})`;
      case 'mean_over_days':
        return sv
          ? `${name}: medelvärde ${fmt(details.mean ?? 0, 'sv')} ${unit} av ${details.readings} mätningar ${details.since} – ${details.day} (mål ${limitOf('sv')})`
          : `${name}: mean ${fmt(details.mean ?? 0, 'en')} ${unit} of ${details.readings} readings ${details.since} – ${details.day} (target ${limitOf('en')})`;
      case 'change_over_days': {
        const change = details.change ?? 0;
        const signed = `${change > 0 ? '+' : ''}${fmt(change, language)}`;
        return sv ? `${name}: ${signed} ${unit} på ${details.days} dagar, nu ${fmt(details.value ?? 0, 'sv')} ${unit} (gräns ${limitOf('sv')})` : `${name}: ${signed} ${unit} in ${details.days} days, now ${fmt(details.value ?? 0, 'en')} ${unit} (limit ${limitOf('en')})`;
      }
      case 'missing_measurements':
        return sv ? `Inga mätningar på ${details.missedDays} ${details.missedDays === 1 ? 'dag' : 'dagar'} från ${details.since}` : `No readings for ${details.missedDays} ${details.missedDays === 1 ? 'day' : 'days'} from ${details.since}`;
    }
  };
  return { title: rule.title, finding: { sv: text('sv'), en: text('en') }, advice: rule.advice };
}
