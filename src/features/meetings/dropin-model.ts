/**
 * E6, drop-in via video: the pure rules. Whether a unit's drop-in takes patients now (switched
 * on, the `videomote` e-service active, within its optional daily hours) and where someone is
 * in the queue. No I/O: dropin-service.ts stores and announces.
 */

/** The e-service a unit must have active for its drop-in to be offered (features/e-services). */
export const DROPIN_ESERVICE = 'videomote';
export const DROPIN_REASON_MAX = 200;

export type DropinSettings = { open: boolean; opensAt: string | null; closesAt: string | null };

export type DropinAvailability = { available: true } | { available: false; reason: 'not_offered' | 'closed' | 'outside_hours' };

const stockholmClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "HH:MM" in Stockholm at this instant. */
export function stockholmClockTime(at: Date): string {
  return stockholmClock.format(at);
}

/**
 * A patient may join the queue when the unit offers video meetings, its staff have switched
 * the drop-in on, and — if they set hours — the Stockholm clock is within them (the same hours
 * every day; closing before opening means across midnight).
 */
export function dropinAvailability(input: { eserviceActive: boolean; settings: DropinSettings | null; at: Date }): DropinAvailability {
  if (!input.eserviceActive) return { available: false, reason: 'not_offered' };
  const settings = input.settings;
  if (!settings?.open) return { available: false, reason: 'closed' };
  if (settings.opensAt === null || settings.closesAt === null) return { available: true };
  const now = stockholmClockTime(input.at);
  const within = settings.opensAt <= settings.closesAt ? settings.opensAt <= now && now < settings.closesAt : now >= settings.opensAt || now < settings.closesAt;
  return within ? { available: true } : { available: false, reason: 'outside_hours' };
}

export type QueuedDropin = { id: string; queuedAt: Date };

/** First come, first served; the id settles a tie so every reader sees the same order. */
export function dropinOrder<T extends QueuedDropin>(queue: readonly T[]): T[] {
  return [...queue].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 1 for the next one to be taken; null when not in the queue. */
export function dropinPosition(queue: readonly QueuedDropin[], id: string): number | null {
  const index = dropinOrder(queue).findIndex((entry) => entry.id === id);
  return index < 0 ? null : index + 1;
}
