import { describe, expect, it } from 'vitest';
import { formatAppointmentTime } from './appointment-time.ts';

describe('formatAppointmentTime', () => {
  it('gives weekday, day, month and Stockholm time in both languages', () => {
    expect(formatAppointmentTime(new Date('2026-12-01T08:30:00Z'))).toEqual({ sv: 'tisdag 1 december kl. 09.30', en: 'Tuesday 1 December at 09:30' });
    expect(formatAppointmentTime(new Date('2026-06-15T05:05:00Z'))).toEqual({ sv: 'måndag 15 juni kl. 07.05', en: 'Monday 15 June at 07:05' });
  });

  it('follows the clock changes: summer time +2, winter time +1', () => {
    expect(formatAppointmentTime(new Date('2026-03-28T23:00:00Z')).sv).toBe('söndag 29 mars kl. 00.00');
    expect(formatAppointmentTime(new Date('2026-03-29T01:00:00Z')).sv).toBe('söndag 29 mars kl. 03.00');
    expect(formatAppointmentTime(new Date('2026-10-24T22:00:00Z')).en).toBe('Sunday 25 October at 00:00');
    expect(formatAppointmentTime(new Date('2026-10-25T02:30:00Z')).en).toBe('Sunday 25 October at 03:30');
  });

  it('writes midnight as 00, never 24', () => {
    expect(formatAppointmentTime(new Date('2026-12-31T23:00:00Z'))).toEqual({ sv: 'fredag 1 januari kl. 00.00', en: 'Friday 1 January at 00:00' });
  });

  it('refuses an invalid time', () => {
    expect(() => formatAppointmentTime(new Date('nonsense'))).toThrow(RangeError);
  });
});
