/**
 * Presence, the pure rules (presence.ts does the I/O): how long a closed connection may stay
 * away before its participant counts as gone, and when their time in the meeting stops.
 */

/**
 * Long enough for the realtime client to reconnect after a network blip or a server restart
 * (it retries within seconds), short enough that the host's list is soon right again.
 */
export const PRESENCE_GRACE_MS = 30_000;

/** A connection that closed at `disconnectedAt` and has not come back is gone once the grace period has passed. */
export function isGoneAfterGrace(disconnectedAt: Date | null, now: Date): boolean {
  return disconnectedAt !== null && now.getTime() - disconnectedAt.getTime() >= PRESENCE_GRACE_MS;
}

/**
 * When someone who went away without leaving left: when their connection closed — or, if the
 * host let them in after that (from the waiting room, not seeing they had gone), then.
 */
export function presenceLeftAt(row: { disconnectedAt: Date; admittedAt: Date | null }): Date {
  return row.admittedAt && row.admittedAt > row.disconnectedAt ? row.admittedAt : row.disconnectedAt;
}
