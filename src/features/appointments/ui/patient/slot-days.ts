import { stockholmDate } from '../../../../lib/stockholm-time.ts';

/** Free times grouped by their Stockholm date, in the order given (the API sends them in time order). */
export function groupByDay<T extends { startsAt: string }>(slots: T[]): { date: string; slots: T[] }[] {
  const days: { date: string; slots: T[] }[] = [];
  for (const slot of slots) {
    const date = stockholmDate(new Date(slot.startsAt));
    const last = days.at(-1);
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}
