import { describe, expect, it } from 'vitest';
import { isGoneAfterGrace, PRESENCE_GRACE_MS, presenceLeftAt } from './presence-model.ts';

const at = (iso: string) => new Date(iso);

describe('presence rules', () => {
  it('counts a closed connection as gone only once the grace period has passed', () => {
    const went = at('2030-01-01T10:00:00Z');
    expect(isGoneAfterGrace(null, at('2030-01-01T11:00:00Z'))).toBe(false);
    expect(isGoneAfterGrace(went, new Date(went.getTime() + PRESENCE_GRACE_MS - 1))).toBe(false);
    expect(isGoneAfterGrace(went, new Date(went.getTime() + PRESENCE_GRACE_MS))).toBe(true);
  });

  it('stops the time when the connection went, or when they were let in if that was later', () => {
    const went = at('2030-01-01T10:00:00Z');
    expect(presenceLeftAt({ disconnectedAt: went, admittedAt: at('2030-01-01T09:30:00Z') })).toEqual(went);
    expect(presenceLeftAt({ disconnectedAt: went, admittedAt: null })).toEqual(went);
    expect(presenceLeftAt({ disconnectedAt: went, admittedAt: at('2030-01-01T10:00:10Z') })).toEqual(at('2030-01-01T10:00:10Z'));
  });
});
