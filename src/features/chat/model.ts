import { openingStatus, type OpeningHours } from '../../lib/opening-hours.ts';

/**
 * The chat's pure rules (C8): when a unit's chat is open, the order of the queue, and the
 * estimated wait. The current time is always passed in.
 */

export const chatStatuses = ['queued', 'active', 'ended', 'left'] as const;
export type ChatStatus = (typeof chatStatuses)[number];
export const isLive = (status: string) => status === 'queued' || status === 'active';

// ---- open now -------------------------------------------------------------------------

export type ChatAvailability =
  | { available: true; closesAt: Date | null }
  /** not_offered: the unit has no active chatt e-service; no_hours: it has not published chat hours; closed: outside them. */
  | { available: false; reason: 'not_offered' | 'no_hours' | 'closed'; opensAt: Date | null };

/** Chat is available when the unit's chatt e-service is active AND it is within the unit's chat hours. */
export function chatAvailability(offered: boolean, hours: OpeningHours | null, at: Date): ChatAvailability {
  if (!offered) return { available: false, reason: 'not_offered', opensAt: null };
  if (!hours) return { available: false, reason: 'no_hours', opensAt: null };
  const status = openingStatus(hours, at);
  if (status.open) return { available: true, closesAt: status.closesAt ?? null };
  return { available: false, reason: 'closed', opensAt: status.opensAt ?? null };
}

/** Open every day around the clock (the e2e journeys set this through the admin API). */
export const alwaysOpen: OpeningHours = {
  weekly: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
  closedOnPublicHolidays: false,
  exceptions: [],
};

// ---- the queue ------------------------------------------------------------------------

export type QueuedChat = { id: string; priority: number | null; queuedAt: Date };

/** Most urgent first when triage gave a priority (higher is more urgent), then who has waited longest. */
export function compareQueued(a: QueuedChat, b: QueuedChat): number {
  const pa = a.priority ?? -1;
  const pb = b.priority ?? -1;
  if (pa !== pb) return pb - pa;
  const byTime = a.queuedAt.getTime() - b.queuedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function queueOrder<T extends QueuedChat>(queued: readonly T[]): T[] {
  return [...queued].sort(compareQueued);
}

/** 1 for the next to be taken; null when the chat is not in the queue. */
export function queuePosition(queued: readonly QueuedChat[], chatId: string): number | null {
  const index = queueOrder(queued).findIndex((chat) => chat.id === chatId);
  return index < 0 ? null : index + 1;
}

// ---- the wait -------------------------------------------------------------------------

/** Without recent chats to learn from, a chat is assumed to take this long. */
export const DEFAULT_HANDLING_MINUTES = 8;
/** Chats shorter than a minute or longer than an hour say little about the next one. */
const MIN_HANDLING_MINUTES = 1;
const MAX_HANDLING_MINUTES = 60;
/** How many recent chats the average is taken over. */
export const RECENT_CHATS = 20;

/** The typical handling time: the median of recent chats' (taken → ended) minutes, clamped; the default without any. */
export function typicalHandlingMinutes(recentHandlingMs: readonly number[]): number {
  const minutes = recentHandlingMs
    .filter((ms) => Number.isFinite(ms) && ms > 0)
    .map((ms) => Math.min(MAX_HANDLING_MINUTES, Math.max(MIN_HANDLING_MINUTES, ms / 60_000)))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return DEFAULT_HANDLING_MINUTES;
  const middle = Math.floor(minutes.length / 2);
  return minutes.length % 2 === 1 ? minutes[middle]! : (minutes[middle - 1]! + minutes[middle]!) / 2;
}

/**
 * Minutes until a queued patient is likely to be taken: the chats ahead of them (and their
 * own turn coming up) shared among the staff chatting now (at least one), at the typical
 * handling time. A rough figure, always at least a minute, rounded up to whole minutes.
 */
export function estimatedWaitMinutes(position: number, typicalMinutes: number, staffChatting: number): number {
  const handlers = Math.max(1, staffChatting);
  const ahead = Math.max(0, position - 1);
  // The next in line waits about half a chat for someone to finish; each ahead adds a share.
  const minutes = (ahead / handlers) * typicalMinutes + typicalMinutes / 2;
  return Math.max(1, Math.ceil(minutes));
}

// ---- notification -----------------------------------------------------------------------

/** A staff message the patient has not read after this long is told about by e-mail/SMS (no content). */
export const NOTIFY_UNREAD_AFTER_MS = 2 * 60_000;
