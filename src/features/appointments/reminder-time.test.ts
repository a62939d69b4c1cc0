import { describe, expect, it } from 'vitest';
import { reminderMoment } from './reminder-time.ts';

// Every instant in UTC; the comments say what a clock in Stockholm shows. Sweden's clock changes:
// 28 March 2027 02:00 CET → 03:00 CEST and 25 October 2026 03:00 CEST → 02:00 CET, both at 01:00Z.
const reminder = (startsAt: string, hoursBefore: number) => reminderMoment(new Date(startsAt), hoursBefore).toISOString();

describe('reminderMoment', () => {
  it('is the plain difference on an ordinary day, winter or summer', () => {
    // Tuesday 24 November 2026 09:00 CET.
    expect(reminder('2026-11-24T08:00:00Z', 24)).toBe('2026-11-23T08:00:00.000Z');
    expect(reminder('2026-11-24T08:00:00Z', 2)).toBe('2026-11-24T06:00:00.000Z');
    expect(reminder('2026-11-24T08:00:00Z', 168)).toBe('2026-11-17T08:00:00.000Z');
    // Wednesday 10 June 2026 09:00 CEST.
    expect(reminder('2026-06-10T07:00:00Z', 24)).toBe('2026-06-09T07:00:00.000Z');
  });

  it('keeps the time of day across the spring change (23 hours pass instead of 24)', () => {
    // Sunday 28 March 2027 09:00 CEST → Saturday 09:00 CET, not 08:00.
    expect(reminder('2027-03-28T07:00:00Z', 24)).toBe('2027-03-27T08:00:00.000Z');
    // Monday 29 March 09:00 CEST, 48 h → Saturday 09:00 CET.
    expect(reminder('2027-03-29T07:00:00Z', 48)).toBe('2027-03-27T08:00:00.000Z');
    // Monday 09:00, 24 h → Sunday 09:00 CEST: the change (at 02:00) is not in between.
    expect(reminder('2027-03-29T07:00:00Z', 24)).toBe('2027-03-28T07:00:00.000Z');
  });

  it('keeps the time of day across the autumn change (25 hours pass instead of 24)', () => {
    // Sunday 25 October 2026 09:00 CET → Saturday 09:00 CEST, not 10:00.
    expect(reminder('2026-10-25T08:00:00Z', 24)).toBe('2026-10-24T07:00:00.000Z');
    // Monday 26 October 09:00 CET, 48 h → Saturday 09:00 CEST.
    expect(reminder('2026-10-26T08:00:00Z', 48)).toBe('2026-10-24T07:00:00.000Z');
  });

  it('takes the first moment after the spring gap when the wall-clock time does not exist', () => {
    // Sunday 28 March 2027 04:30 CEST, 2 h → 02:30, which never happens → 03:00 CEST.
    expect(reminder('2027-03-28T02:30:00Z', 2)).toBe('2027-03-28T01:00:00.000Z');
    // 04:00 → 02:00 (the first minute of the gap) and 04:59:30 → 02:59:30 (the last): also 03:00.
    expect(reminder('2027-03-28T02:00:00Z', 2)).toBe('2027-03-28T01:00:00.000Z');
    expect(reminder('2027-03-28T02:59:30Z', 2)).toBe('2027-03-28T01:00:00.000Z');
    // Monday 29 March 02:30 CEST, 24 h → Sunday 02:30 → 03:00 CEST.
    expect(reminder('2027-03-29T00:30:00Z', 24)).toBe('2027-03-28T01:00:00.000Z');
    // 05:00 CEST, 2 h → 03:00 CEST exists: the end of the gap itself.
    expect(reminder('2027-03-28T03:00:00Z', 2)).toBe('2027-03-28T01:00:00.000Z');
  });

  it('takes the earlier of the two when the autumn wall-clock time happens twice', () => {
    // Sunday 25 October 2026 04:30 CET, 2 h → 02:30, first at 00:30Z (CEST), again at 01:30Z (CET).
    expect(reminder('2026-10-25T03:30:00Z', 2)).toBe('2026-10-25T00:30:00.000Z');
    // Saturday 24 October 02:30 CEST, 24 h before the second 02:30 (CET) of Sunday.
    expect(reminder('2026-10-25T01:30:00Z', 24)).toBe('2026-10-24T00:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(() => reminderMoment(new Date('not a date'), 24)).toThrow(RangeError);
    expect(() => reminderMoment(new Date('2026-11-24T08:00:00Z'), Number.NaN)).toThrow(RangeError);
  });
});
