/** Pure session timing rules. */
export type SessionTimes = {
  lastSeenAt: Date;
  idleTimeoutSeconds: number;
  absoluteExpiresAt: Date;
  endedAt: Date | null;
};

export type SessionState = 'active' | 'ended' | 'idle_expired' | 'absolute_expired';

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return 'ended';
  if (now.getTime() >= session.absoluteExpiresAt.getTime()) return 'absolute_expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= session.idleTimeoutSeconds * 1000) return 'idle_expired';
  return 'active';
}

/** Writing last_seen_at on every request would make every read a write; a few seconds' slack is harmless. */
export const TOUCH_AFTER_SECONDS = 15;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_AFTER_SECONDS * 1000;
}
