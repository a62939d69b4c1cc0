import { describe, expect, it } from 'vitest';
import { needsTouch, sessionState, type SessionTimes } from './session-policy.ts';

const lastSeenAt = new Date('2026-11-23T09:00:00Z');
const idleTimeoutSeconds = 15 * 60;
const session: SessionTimes = {
  lastSeenAt,
  idleTimeoutSeconds,
  absoluteExpiresAt: new Date('2026-11-23T21:00:00Z'),
  endedAt: null,
};
const afterLastSeen = (milliseconds: number) => new Date(lastSeenAt.getTime() + milliseconds);

describe('sessionState', () => {
  it('is active right after the last request', () => {
    expect(sessionState(session, lastSeenAt)).toBe('active');
  });

  it('is active one millisecond before the idle timeout', () => {
    expect(sessionState(session, afterLastSeen(idleTimeoutSeconds * 1000 - 1))).toBe('active');
  });

  it('is idle_expired exactly at the idle timeout', () => {
    expect(sessionState(session, afterLastSeen(idleTimeoutSeconds * 1000))).toBe('idle_expired');
  });

  it('is idle_expired after the idle timeout', () => {
    expect(sessionState(session, afterLastSeen(idleTimeoutSeconds * 1000 + 60_000))).toBe('idle_expired');
  });

  it('measures idleness from the last request, not from the start', () => {
    const recentlySeen = { ...session, lastSeenAt: new Date('2026-11-23T20:50:00Z') };
    expect(sessionState(recentlySeen, new Date('2026-11-23T20:59:00Z'))).toBe('active');
  });

  it('is absolute_expired exactly at the absolute expiry, even when recently used', () => {
    const recentlySeen = { ...session, lastSeenAt: new Date('2026-11-23T20:59:00Z') };
    expect(sessionState(recentlySeen, new Date('2026-11-23T20:59:59.999Z'))).toBe('active');
    expect(sessionState(recentlySeen, new Date('2026-11-23T21:00:00Z'))).toBe('absolute_expired');
  });

  it('reports absolute_expired rather than idle_expired when both have passed', () => {
    expect(sessionState(session, new Date('2026-11-24T09:00:00Z'))).toBe('absolute_expired');
  });

  it('is ended once logged out, even within both limits', () => {
    const ended = { ...session, endedAt: afterLastSeen(1000) };
    expect(sessionState(ended, afterLastSeen(2000))).toBe('ended');
  });

  it('reports ended rather than either expiry', () => {
    const ended = { ...session, endedAt: afterLastSeen(1000) };
    expect(sessionState(ended, afterLastSeen(idleTimeoutSeconds * 1000))).toBe('ended');
    expect(sessionState(ended, new Date('2026-11-24T09:00:00Z'))).toBe('ended');
  });
});

describe('needsTouch', () => {
  it('does not write last_seen_at again within 15 seconds', () => {
    expect(needsTouch(lastSeenAt, lastSeenAt)).toBe(false);
    expect(needsTouch(lastSeenAt, afterLastSeen(14_999))).toBe(false);
  });

  it('writes last_seen_at again from exactly 15 seconds', () => {
    expect(needsTouch(lastSeenAt, afterLastSeen(15_000))).toBe(true);
  });

  it('writes last_seen_at again after a longer pause', () => {
    expect(needsTouch(lastSeenAt, afterLastSeen(10 * 60_000))).toBe(true);
  });
});
