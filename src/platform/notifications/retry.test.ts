import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, MAX_RETRY_DELAY_MS, retryDelayMs, shortError } from './retry.ts';

const MINUTE = 60_000;

describe('retry schedule', () => {
  it('doubles from one minute: 1, 2, 4 … 256 minutes over the ten attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
  });

  it('never waits more than six hours', () => {
    expect(retryDelayMs(10)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(50)).toBe(6 * 60 * MINUTE);
    expect(retryDelayMs(0)).toBe(MINUTE);
  });

  it('gives up after the tenth attempt', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(MAX_ATTEMPTS).toBe(10);
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-11-23T09:01:00Z') });
    expect(afterFailure(9, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 256 * MINUTE) });
    expect(afterFailure(10, now)).toEqual({ status: 'failed' });
    expect(afterFailure(11, now)).toEqual({ status: 'failed' });
  });
});

describe('shortError', () => {
  it('keeps the code and the first line, without the address', () => {
    const error = Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 <anna@example.se>: Recipient address rejected\nmore'), {
      code: 'EENVELOPE',
    });
    const text = shortError(error, 'anna@example.se');
    expect(text).toBe("EENVELOPE: Can't send mail - all recipients were rejected: 550 <[address]>: Recipient address rejected");
    expect(text).not.toContain('anna');
  });

  it('removes other e-mail addresses and phone numbers too', () => {
    const text = shortError(new Error('rejected other@example.se and +46 70 174 06 05'));
    expect(text).not.toMatch(/example\.se|174/);
  });

  it('is short, and copes with anything thrown', () => {
    expect(shortError(new Error('x'.repeat(500))).length).toBeLessThanOrEqual(200);
    expect(shortError('plain')).toBe('plain');
    expect(shortError(undefined)).toBe('unknown error');
    expect(shortError(new Error(''))).toBe('unknown error');
  });
});
