import { isIsoDate } from '../../../../lib/calendar/iso-date.ts';
import type { AdminSchedule, ScheduleFields } from '../../admin-contract.ts';
import type { Interval, WeekdayNumber } from '../../model.ts';
import { dayProblems, type TemplateProblem } from '../../template-rules.ts';

/**
 * The schedule editor's working copy: exceptions as a list (so a date can be typed before it
 * is valid), and its problems keyed by the id of the field they belong to. The rules are the
 * server's (template-rules.ts), so the editor and the API say the same thing.
 */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly WeekdayNumber[];

export type ExceptionDraft = { date: string; closed: boolean; intervals: Interval[] };
export type ScheduleDraft = {
  weekly: Record<WeekdayNumber, Interval[]>;
  exceptions: ExceptionDraft[];
  absences: { from: string; to: string }[];
  visitTypeIds: string[];
  active: boolean;
};

export type Problem = { sv: string; en: string };

export const fieldId = (path: string) => `sched-${path.replaceAll('.', '-')}`;

export function draftOf(schedule: AdminSchedule): ScheduleDraft {
  const weekly = {} as Record<WeekdayNumber, Interval[]>;
  for (const day of WEEKDAYS) weekly[day] = (schedule.template.weekly[String(day) as `${WeekdayNumber}`] ?? []).map((interval) => ({ ...interval }));
  return {
    weekly,
    exceptions: Object.entries(schedule.template.exceptions).map(([date, intervals]) => ({ date, closed: intervals.length === 0, intervals: intervals.map((interval) => ({ ...interval })) })),
    absences: schedule.template.absences.map((absence) => ({ ...absence })),
    visitTypeIds: [...schedule.visitTypeIds],
    active: schedule.active,
  };
}

export function fieldsOf(draft: ScheduleDraft): ScheduleFields {
  const weekly: ScheduleFields['template']['weekly'] = {};
  for (const day of WEEKDAYS) if (draft.weekly[day].length > 0) weekly[String(day) as `${WeekdayNumber}`] = draft.weekly[day];
  const exceptions = Object.fromEntries(draft.exceptions.map((exception) => [exception.date, exception.closed ? [] : exception.intervals]));
  return { template: { weekly, exceptions, absences: draft.absences }, visitTypeIds: draft.visitTypeIds, active: draft.active };
}

const local: Record<'duplicate_date' | 'no_intervals', Problem> = {
  duplicate_date: { sv: 'Den dagen har redan en avvikelse.', en: 'That day already has an exception.' },
  no_intervals: { sv: 'Lägg till ett pass eller markera dagen som stängd.', en: 'Add an interval or mark the day closed.' },
};
const dateFormat: Problem = { sv: 'Välj ett datum.', en: 'Choose a date.' };
const absenceOrder: Problem = { sv: 'Frånvaron måste sluta samma dag eller efter att den börjar.', en: 'The absence must end on or after the day it starts.' };

/** Problems by field id, in the order the fields appear. */
export function draftProblems(draft: ScheduleDraft): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  const add = (list: TemplateProblem[]) => list.forEach((problem) => problems.set(fieldId(problem.path), problem.message));
  for (const day of WEEKDAYS) add(dayProblems(draft.weekly[day], `weekly.${day}`));
  const seen = new Set<string>();
  draft.exceptions.forEach((exception, index) => {
    if (!isIsoDate(exception.date)) problems.set(fieldId(`exceptions.${index}.date`), dateFormat);
    else if (seen.has(exception.date)) problems.set(fieldId(`exceptions.${index}.date`), local.duplicate_date);
    seen.add(exception.date);
    if (exception.closed) return;
    if (exception.intervals.length === 0) problems.set(fieldId(`exceptions.${index}.add`), local.no_intervals);
    add(dayProblems(exception.intervals, `exceptions.${index}`));
  });
  draft.absences.forEach((absence, index) => {
    if (!isIsoDate(absence.from)) problems.set(fieldId(`absences.${index}.from`), dateFormat);
    if (!isIsoDate(absence.to)) problems.set(fieldId(`absences.${index}.to`), dateFormat);
    else if (isIsoDate(absence.from) && absence.from > absence.to) problems.set(fieldId(`absences.${index}.to`), absenceOrder);
  });
  return problems;
}
