import { describe, expect, it } from 'vitest';
import { checkPeriod, nextSlotAfter, slotKey } from './recurring-model.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const slot = (now: string, everyMs: number) => nextSlotAfter(new Date(now), everyMs).toISOString();

describe('nextSlotAfter', () => {
  it('is the next multiple of the period since the epoch', () => {
    expect(slot('2031-03-10T08:07:13.500Z', 15 * MINUTE)).toBe('2031-03-10T08:15:00.000Z');
    expect(slot('2031-03-10T08:59:59.999Z', 15 * MINUTE)).toBe('2031-03-10T09:00:00.000Z');
    expect(slot('2031-03-10T08:07:13.500Z', DAY)).toBe('2031-03-11T00:00:00.000Z');
  });

  it('is strictly after now: on a slot boundary, the slot after it', () => {
    expect(slot('2031-03-10T08:15:00.000Z', 15 * MINUTE)).toBe('2031-03-10T08:30:00.000Z');
    expect(slot('2031-03-11T00:00:00.000Z', DAY)).toBe('2031-03-12T00:00:00.000Z');
  });

  it('is the same for every moment of a slot, so processes started at different times agree', () => {
    const a = slot('2031-03-10T08:00:00.001Z', 15 * MINUTE);
    const b = slot('2031-03-10T08:14:59.999Z', 15 * MINUTE);
    expect(a).toBe(b);
  });

  it('after hours away is only the next slot, not the missed ones', () => {
    expect(slot('2031-03-10T13:02:00Z', 15 * MINUTE)).toBe('2031-03-10T13:15:00.000Z');
  });

  it('lines up a shorter period with a longer one that it divides, so a changed period joins the old rounds', () => {
    const now = new Date('2031-03-10T08:07:00Z');
    const everyFive = nextSlotAfter(nextSlotAfter(now, 5 * MINUTE), 5 * MINUTE);
    expect(everyFive).toEqual(nextSlotAfter(now, 15 * MINUTE));
  });

  it('works for periods that do not divide an hour, and before 1970', () => {
    expect(slot('1970-01-01T00:00:06.999Z', 7_000)).toBe('1970-01-01T00:00:07.000Z');
    expect(slot('1969-12-31T23:59:59.000Z', 7_000)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('slotKey', () => {
  it('is the name and the slot start', () => {
    expect(slotKey('jobs-cleanup', new Date('2031-03-11T00:00:00Z'))).toBe('jobs-cleanup@2031-03-11T00:00:00.000Z');
  });
});

describe('checkPeriod', () => {
  it('accepts a whole, positive number of milliseconds', () => {
    expect(() => checkPeriod('x', 1)).not.toThrow();
    expect(() => checkPeriod('x', DAY)).not.toThrow();
  });

  it.each([0, -MINUTE, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (everyMs) => {
    expect(() => checkPeriod('x', everyMs)).toThrow(/recurring job x/);
  });
});
