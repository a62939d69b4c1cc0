/**
 * Outcome statistics (issue 9 §8): one anonymous row per finished assessment — complaint,
 * urgency, age band, Stockholm date and hour; never answers or identity — and the region
 * administrator's view of the last 12 weeks, per urgency per week and per complaint.
 */
import { and, count, gte, sql } from 'drizzle-orm';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { requireRegionAdministrator } from '../../platform/organisations/administrators.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { triageContent } from './content.ts';
import { urgencies, type Lang, type Urgency } from './model.ts';
import { triageOutcomes, type AgeBand } from './tables.ts';

export const STATISTICS_WEEKS = 12;

export function ageBandOf(ageYears: number): AgeBand {
  if (ageYears < 1) return '0-1';
  if (ageYears < 6) return '1-5';
  if (ageYears < 13) return '6-12';
  if (ageYears < 18) return '13-17';
  if (ageYears < 40) return '18-39';
  if (ageYears < 65) return '40-64';
  if (ageYears < 80) return '65-79';
  return '80+';
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' });

/** Writes (or, when a changed answer led elsewhere, rewrites) the session's outcome row. */
export async function recordOutcome(context: ServiceContext, outcome: { id: string; complaintId: string; urgency: Urgency; ageYears: number; at: Date }) {
  const row = {
    id: outcome.id,
    complaintId: outcome.complaintId,
    urgency: outcome.urgency,
    ageBand: ageBandOf(outcome.ageYears),
    occurredOn: stockholmDate(outcome.at),
    hour: Number(hourFormat.format(outcome.at)),
  };
  await context.db
    .insert(triageOutcomes)
    .values(row)
    .onConflictDoUpdate({ target: triageOutcomes.id, set: { urgency: row.urgency, occurredOn: row.occurredOn, hour: row.hour } });
}

type Counts = Record<Urgency, number>;
const zero = (): Counts => ({ 'call-112': 0, 'emergency-now': 0, 'care-today': 0, 'care-days': 0, 'self-care': 0 });

export type OutcomeStatistics = {
  from: string;
  to: string;
  total: Counts & { all: number };
  weeks: { start: string; week: string; counts: Counts; total: number }[];
  complaints: { id: string; display: string; counts: Counts; total: number }[];
};

const dayMs = 86_400_000;
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
/** ISO 8601 week label of a Monday, e.g. 2026-W48. */
function isoWeek(monday: string): string {
  const thursday = new Date(Date.parse(`${addDays(monday, 3)}T00:00:00Z`));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / dayMs / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function outcomeStatistics(context: ServiceContext, actor: StaffActor, lang: Lang): Promise<OutcomeStatistics> {
  return context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    const today = stockholmDate(context.clock.now());
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const thisMonday = addDays(today, -weekday);
    const from = addDays(thisMonday, -7 * (STATISTICS_WEEKS - 1));
    const since = and(gte(triageOutcomes.occurredOn, from));
    const weekStart = sql<string>`to_char(date_trunc('week', ${triageOutcomes.occurredOn}::timestamp), 'YYYY-MM-DD')`;
    const byWeek = await tx
      .select({ start: weekStart, urgency: triageOutcomes.urgency, n: count() })
      .from(triageOutcomes)
      .where(since)
      .groupBy(weekStart, triageOutcomes.urgency);
    const byComplaint = await tx
      .select({ complaintId: triageOutcomes.complaintId, urgency: triageOutcomes.urgency, n: count() })
      .from(triageOutcomes)
      .where(since)
      .groupBy(triageOutcomes.complaintId, triageOutcomes.urgency);
    const weeks = Array.from({ length: STATISTICS_WEEKS }, (_, index) => {
      const start = addDays(from, 7 * index);
      return { start, week: isoWeek(start), counts: zero(), total: 0 };
    });
    const weekByStart = new Map(weeks.map((week) => [week.start, week]));
    const total = { ...zero(), all: 0 };
    for (const row of byWeek) {
      const week = weekByStart.get(row.start);
      const urgency = row.urgency as Urgency;
      if (!week || !urgencies.includes(urgency)) continue;
      week.counts[urgency] += row.n;
      week.total += row.n;
      total[urgency] += row.n;
      total.all += row.n;
    }
    const content = triageContent();
    const complaints = new Map<string, OutcomeStatistics['complaints'][number]>();
    for (const row of byComplaint) {
      const urgency = row.urgency as Urgency;
      if (!urgencies.includes(urgency)) continue;
      let entry = complaints.get(row.complaintId);
      if (!entry) {
        entry = { id: row.complaintId, display: content.complaints.get(row.complaintId)?.name[lang] ?? row.complaintId, counts: zero(), total: 0 };
        complaints.set(row.complaintId, entry);
      }
      entry.counts[urgency] += row.n;
      entry.total += row.n;
    }
    return {
      from,
      to: today,
      total,
      weeks,
      complaints: [...complaints.values()].sort((a, b) => b.total - a.total || a.display.localeCompare(b.display, lang)),
    };
  });
}
