import { describe, expect, it } from 'vitest';
import { readProgrammes } from './catalogue.ts';
import { addDays, alertText, checkLimits, checkReading, dayPlan, evaluate, reminderDue, resolveLimits, slotOf, type EnrolmentFacts, type Observation } from './model.ts';
import { programmeSchema, type Programme } from './programme.ts';

const all = readProgrammes();
const hypertension = all.get('hypertension')!;
const heartFailure = all.get('heart_failure')!;
const copd = all.get('copd')!;

// November: Stockholm is UTC+1. Day 1 is Monday 16 November 2026.
const START = '2026-11-16';
const at = (date: string, localHour: number, minute = 0) => new Date(`${date}T${String(localHour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
const dayDate = (day: number) => addDays(START, day - 1);
let groupCounter = 0;
function reading(values: Record<string, number>, when: Date): Observation[] {
  const groupId = `g${++groupCounter}`;
  return Object.entries(values).map(([observation, value]) => ({ observation, value, effectiveAt: when, groupId }));
}
const facts = (programme: Programme, limits: Record<string, number> = {}): EnrolmentFacts => ({ startDate: START, limits: resolveLimits(programme, limits), schedule: programme.schedule });
const latestOf = (history: Observation[]) => {
  const latest: Record<string, Date> = {};
  for (const o of history) if (!latest[o.observation] || latest[o.observation]! < o.effectiveAt) latest[o.observation] = o.effectiveAt;
  return latest;
};
function run(programme: Programme, history: Observation[], fresh: Observation[], now: Date, limits: Record<string, number> = {}) {
  const all = [...history, ...fresh];
  return evaluate(programme, facts(programme, limits), { history: all, freshGroupIds: new Set(fresh.map((o) => o.groupId)), latestByObservation: latestOf(all) }, now);
}
/** The home BP protocol: two readings morning (07:00) and evening (20:00) on days from..to. */
function bpWeek(systolic: (day: number) => number, diastolic: (day: number) => number, days = [1, 2, 3, 4, 5, 6, 7]): Observation[] {
  return days.flatMap((day) =>
    [7, 20].flatMap((hour) => [0, 2].flatMap((minute) => reading({ systolic: systolic(day), diastolic: diastolic(day), heart_rate: 70 }, at(dayDate(day), hour, minute)))),
  );
}

describe('the programmes are valid data', () => {
  it('loads the three programmes', () => {
    expect([...all.keys()].sort()).toEqual(['copd', 'heart_failure', 'hypertension']);
  });
  it('refuses a rule about something nothing measures, or a limit that does not exist', () => {
    const broken = structuredClone(hypertension) as unknown as { rules: { observation?: string; limit?: string }[] };
    broken.rules[2]!.observation = 'spo2';
    broken.rules[3]!.limit = 'nonexistent';
    const parsed = programmeSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.message).toContain('nothing measures spo2');
    expect(parsed.error!.message).toContain('unknown limit nonexistent');
  });
});

describe('plausibility', () => {
  it('refuses a systolic of 1,200 with a clear message in Swedish and English', () => {
    const result = checkReading(hypertension, { task: 'blood_pressure', values: { systolic: 1200, diastolic: 80 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.field).toBe('systolic');
    expect(result.problems[0]!.message.sv).toBe('Övertryck (systoliskt) 1\u00a0200 mmHg är inte ett rimligt värde. Kontrollera det: det ska vara mellan 50 och 300 mmHg.');
    expect(result.problems[0]!.message.en).toContain('1,200 mmHg is not a plausible value');
  });
  it('accepts a normal reading, the pulse optional, and rounds to the metric’s precision', () => {
    const result = checkReading(hypertension, { task: 'blood_pressure', values: { systolic: 132.4, diastolic: 84 } });
    expect(result).toMatchObject({ ok: true, reading: { observations: [{ observation: 'systolic', value: 132 }, { observation: 'diastolic', value: 84 }] } });
    const weight = checkReading(heartFailure, { task: 'weight', values: { body_weight: 81.26 } });
    expect(weight).toMatchObject({ ok: true, reading: { observations: [{ observation: 'body_weight', value: 81.3 }] } });
  });
  it('refuses a missing required value, a diastolic above the systolic, and an SpO2 over 100', () => {
    expect(checkReading(heartFailure, { task: 'blood_pressure', values: { systolic: 120, diastolic: 80 } })).toMatchObject({ ok: false, problems: [{ field: 'heart_rate' }] });
    expect(checkReading(hypertension, { task: 'blood_pressure', values: { systolic: 80, diastolic: 120 } })).toMatchObject({ ok: false, problems: [{ field: 'diastolic' }] });
    expect(checkReading(copd, { task: 'oximetry', values: { spo2: 104 } })).toMatchObject({ ok: false, problems: [{ field: 'spo2' }] });
    expect(checkReading(copd, { task: 'nonexistent', values: {} })).toMatchObject({ ok: false, problems: [{ field: 'task' }] });
  });
  it('scores a questionnaire and refuses an answer that is not an option', () => {
    const answers = { cough: 3, phlegm: 2, tightness: 1, breathless: 4, activities: 2, confidence: 1, sleep: 2, energy: 3 };
    expect(checkReading(copd, { task: 'cat', answers })).toMatchObject({ ok: true, reading: { observations: [{ observation: 'cat', value: 18 }], answers } });
    expect(checkReading(copd, { task: 'cat', answers: { ...answers, sleep: 9 } })).toMatchObject({ ok: false, problems: [{ field: 'sleep' }] });
    expect(checkReading(copd, { task: 'sputum_colour', answers: {} })).toMatchObject({ ok: false, problems: [{ field: 'colour' }] });
  });
  it('checks individual limits against the programme’s range', () => {
    expect(checkLimits(hypertension, { target_systolic: 130 })).toEqual([]);
    expect(checkLimits(hypertension, { target_systolic: 300 })[0]!.message.sv).toBe('Mål, övertryck ska vara mellan 110 och 160 mmHg.');
    expect(checkLimits(hypertension, { shoe_size: 42 })[0]!.limit).toBe('shoe_size');
    expect(resolveLimits(copd, { lowest_spo2: 88 })).toEqual({ lowest_spo2: 88, cat_alert: 25 });
  });
});

describe('threshold: single readings (hypertension ≥ 180/110 is urgent; COPD SpO2 under the individual limit)', () => {
  it('raises an urgent alert for a systolic of exactly 180, and one for a diastolic of 110, keyed by the reading', () => {
    const fresh = reading({ systolic: 180, diastolic: 110, heart_rate: 80 }, at(dayDate(2), 7));
    const alerts = run(hypertension, [], fresh, at(dayDate(2), 7, 5));
    expect(alerts.map((a) => [a.ruleId, a.severity])).toEqual([
      ['urgent_systolic', 'urgent'],
      ['urgent_diastolic', 'urgent'],
    ]);
    expect(alerts[0]!.key).toBe(`urgent_systolic:${fresh[0]!.groupId}`);
    expect(alertText(hypertension, 'urgent_systolic', alerts[0]!.details).finding.sv).toBe('Övertryck (systoliskt): 180 mmHg (gräns >= 180)');
  });
  it('does not alert at 179/109, nor for old readings that are not fresh', () => {
    expect(run(hypertension, [], reading({ systolic: 179, diastolic: 109 }, at(dayDate(2), 7)), at(dayDate(2), 8))).toEqual([]);
    expect(run(hypertension, reading({ systolic: 200, diastolic: 120 }, at(dayDate(2), 7)), [], at(dayDate(2), 8))).toEqual([]);
  });
  it('uses the individual SpO2 limit (default 90 %)', () => {
    const fresh = reading({ spo2: 89, heart_rate: 90 }, at(dayDate(3), 8));
    expect(run(copd, [], fresh, at(dayDate(3), 9)).map((a) => a.ruleId)).toEqual(['low_spo2']);
    expect(run(copd, [], fresh, at(dayDate(3), 9), { lowest_spo2: 88 })).toEqual([]);
    expect(run(copd, [], reading({ spo2: 90 }, at(dayDate(3), 8)), at(dayDate(3), 9))).toEqual([]);
  });
});

describe('mean over days: the 7-day home blood pressure protocol (days 2–7 against the target)', () => {
  it('ignores day 1 and alerts when the mean of days 2–7 is above 135/85, once the period is complete', () => {
    // Day 1 very high (ignored by the protocol), days 2–7 at 140/84: the systolic mean is 140.
    const week = bpWeek((day) => (day === 1 ? 170 : 140), () => 84);
    const alerts = run(hypertension, week, [], at(dayDate(8), 10));
    expect(alerts.map((a) => a.ruleId)).toEqual(['mean_systolic_above_target']);
    expect(alerts[0]!.details).toEqual({ mean: 140, limit: 135, readings: 24, since: dayDate(2), day: dayDate(7) });
    expect(alerts[0]!.key).toBe(`mean_systolic_above_target:${START}`);
    expect(alertText(hypertension, alerts[0]!.ruleId, alerts[0]!.details).finding.en).toBe('Systolic pressure: mean 140 mmHg of 24 readings 2026-11-17 – 2026-11-22 (target 135)');
  });
  it('does not alert when the mean equals the target, nor with an individual target above it', () => {
    expect(run(hypertension, bpWeek(() => 135, () => 85), [], at(dayDate(8), 10))).toEqual([]);
    expect(run(hypertension, bpWeek(() => 140, () => 80), [], at(dayDate(8), 10), { target_systolic: 140 })).toEqual([]);
  });
  it('waits until day 7 is complete: not after the morning of day 7, but after its evening readings', () => {
    const week = bpWeek(() => 150, () => 80);
    const uptoMorning = week.filter((o) => o.effectiveAt < at(dayDate(7), 12));
    expect(run(hypertension, uptoMorning, [], at(dayDate(7), 12))).toEqual([]);
    expect(run(hypertension, week, [], at(dayDate(7), 21)).map((a) => a.ruleId)).toEqual(['mean_systolic_above_target']);
  });
  it('needs at least 12 readings on days 2–7', () => {
    const sparse = bpWeek(() => 150, () => 80, [2, 3, 4]).filter((o) => o.effectiveAt.getUTCMinutes() === 0); // 6 readings
    const alerts = run(hypertension, sparse, [], at(dayDate(8), 10));
    expect(alerts.filter((a) => a.kind === 'mean_over_days')).toEqual([]);
  });
});

describe('change over days: heart failure weight gain of more than 2 kg in 3 days', () => {
  const weights = (values: number[], firstDay = 1) => values.flatMap((value, index) => reading({ body_weight: value }, at(dayDate(firstDay + index), 7)));
  it('alerts at +2.3 kg against the lowest of the three days before', () => {
    const history = weights([80.0, 80.5, 81.2]);
    const fresh = weights([82.3], 4);
    const alerts = run(heartFailure, history, fresh, at(dayDate(4), 8));
    expect(alerts.map((a) => a.ruleId)).toEqual(['weight_gain_3_days']);
    expect(alerts[0]!.details).toMatchObject({ value: 82.3, change: 2.3, limit: 2, days: 3, day: dayDate(4) });
    expect(alertText(heartFailure, 'weight_gain_3_days', alerts[0]!.details).finding.sv).toBe('Vikt: +2,3 kg på 3 dagar, nu 82,3 kg (gräns 2)');
  });
  it('does not alert at exactly +2.0 kg, nor for a gain spread over more than 3 days', () => {
    expect(run(heartFailure, weights([80, 81, 81.5]), weights([82], 4), at(dayDate(4), 8))).toEqual([]);
    // 80 on day 1, then 81, 81.5, 82, 82.5: day 5 compares with days 2–4 (lowest 81).
    expect(run(heartFailure, weights([80, 81, 81.5, 82]), weights([82.5], 5), at(dayDate(5), 8))).toEqual([]);
  });
  it('uses the day’s first weight, and an individual limit', () => {
    const fresh = [...weights([81.5], 4), ...reading({ body_weight: 83 }, at(dayDate(4), 21))];
    expect(run(heartFailure, weights([80, 80, 80]), fresh, at(dayDate(4), 22))).toEqual([]);
    expect(run(heartFailure, weights([80, 80, 80]), weights([81.5], 4), at(dayDate(4), 8), { weight_gain_kg: 1 }).map((a) => a.ruleId)).toEqual(['weight_gain_3_days']);
  });
});

describe('questionnaire score', () => {
  it('alerts for breathlessness at rest (urgent) and for green sputum', () => {
    expect(run(heartFailure, [], reading({ breathlessness: 3 }, at(dayDate(2), 8)), at(dayDate(2), 9)).map((a) => [a.ruleId, a.severity])).toEqual([['breathless_at_rest', 'urgent']]);
    expect(run(copd, [], reading({ sputum_colour: 2 }, at(dayDate(2), 8)), at(dayDate(2), 9)).map((a) => a.ruleId)).toEqual(['purulent_sputum']);
    expect(run(copd, [], reading({ cat: 24 }, at(dayDate(2), 8)), at(dayDate(2), 9))).toEqual([]);
    expect(run(copd, [], reading({ cat: 25 }, at(dayDate(2), 8)), at(dayDate(2), 9)).map((a) => a.ruleId)).toEqual(['high_symptom_score']);
  });
});

describe('missing measurements', () => {
  it('notices missed days since the last reading, one alert per gap', () => {
    const history = reading({ body_weight: 80 }, at(dayDate(1), 7));
    // Day 4, morning: days 2 and 3 had no weight.
    const alerts = run(heartFailure, history, [], at(dayDate(4), 10));
    expect(alerts).toEqual([{ ruleId: 'missed_days', kind: 'missing_measurements', severity: 'info', key: `missed_days:${dayDate(2)}`, observation: null, details: { missedDays: 2, since: dayDate(2) } }]);
    // Only day 2 missed so far: below the programme's two days.
    expect(run(heartFailure, history, [], at(dayDate(3), 10))).toEqual([]);
  });
  it('counts from the start when nothing was ever measured, and stops at the end of a measuring period', () => {
    expect(run(hypertension, [], [], at(dayDate(2), 10)).map((a) => a.key)).toEqual([`missed_days:${START}`]);
    expect(run(hypertension, [], [], at(dayDate(1), 23))).toEqual([]);
    const alerts = run(hypertension, [], [], at(dayDate(30), 10));
    expect(alerts[0]!.details).toEqual({ missedDays: 7, since: START });
  });
  it('is not judged while a reading is being entered (only by the scheduled check)', () => {
    const history = reading({ body_weight: 80 }, at(dayDate(1), 7));
    const input = { history, freshGroupIds: new Set(history.map((o) => o.groupId)), latestByObservation: latestOf(history), checkMissing: false };
    expect(evaluate(heartFailure, facts(heartFailure), input, at(dayDate(5), 10))).toEqual([]);
  });
  it('a reading today clears the gap', () => {
    const history = reading({ body_weight: 80 }, at(dayDate(1), 7));
    expect(run(heartFailure, history, reading({ body_weight: 80.2 }, at(dayDate(4), 7)), at(dayDate(4), 10))).toEqual([]);
  });
});

describe('what is due today, and reminders', () => {
  it('lists morning and evening blood pressure (two each) in the 7-day protocol, and counts what is done', () => {
    const todays = bpWeek(() => 130, () => 80, [3]).filter((o) => o.effectiveAt < at(dayDate(3), 12));
    const plan = dayPlan(hypertension, facts(hypertension), todays, at(dayDate(3), 12));
    expect(plan).toMatchObject({ day: 3, periodDays: 7, finished: false });
    expect(plan.items).toEqual([
      { task: 'blood_pressure', slot: 'morning', required: 2, done: 2 },
      { task: 'blood_pressure', slot: 'evening', required: 2, done: 0 },
    ]);
    expect(reminderDue(plan, at(dayDate(3), 12))).toBeNull();
    expect(reminderDue(plan, at(dayDate(3), 19, 30))).toBe('evening');
    expect(dayPlan(hypertension, facts(hypertension), [], at(dayDate(8), 12))).toMatchObject({ finished: true, items: [] });
  });
  it('asks questionnaires once a day; reminds in the morning when nothing is done', () => {
    const plan = dayPlan(copd, facts(copd), [], at(dayDate(2), 9, 30));
    expect(plan.items.map((item) => `${item.task}:${item.slot}:${item.required}`)).toEqual(['oximetry:morning:1', 'cat:morning:1', 'sputum_colour:morning:1']);
    expect(reminderDue(plan, at(dayDate(2), 8))).toBeNull();
    expect(reminderDue(plan, at(dayDate(2), 9, 30))).toBe('morning');
    expect(slotOf(at(dayDate(2), 13, 59))).toBe('morning');
    expect(slotOf(at(dayDate(2), 14))).toBe('evening');
  });
});
