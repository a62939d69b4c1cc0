import { describe, expect, it } from 'vitest';
import { minutesOfClockTime, stockholmLocalToUtc } from './stockholm-clock.ts';

// TZ=UTC in the tests: every expected instant is written in UTC. Switches in 2026:
// spring forward 29 March 02:00 → 03:00 (01:00Z), fall back 25 October 03:00 → 02:00 (01:00Z).
const utc = (date: string, time: string) => stockholmLocalToUtc(date, time).toISOString();

// What a clock in Stockholm shows at an instant, read independently of the code under test.
const stockholmClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

describe('minutesOfClockTime', () => {
  it('reads HH:MM from 00:00 to 24:00', () => {
    expect(minutesOfClockTime('00:00')).toBe(0);
    expect(minutesOfClockTime('08:30')).toBe(510);
    expect(minutesOfClockTime('23:59')).toBe(1439);
    expect(minutesOfClockTime('24:00')).toBe(1440);
  });

  it('throws a RangeError on anything else', () => {
    for (const time of ['24:01', '25:00', '12:60', '8:00', '08.00', '0800', '', '08:00:00']) {
      expect(() => minutesOfClockTime(time), time).toThrow(RangeError);
    }
  });
});

describe('stockholmLocalToUtc on ordinary days', () => {
  it('is UTC+1 in winter', () => {
    expect(utc('2026-01-15', '08:00')).toBe('2026-01-15T07:00:00.000Z');
    expect(utc('2026-01-15', '00:30')).toBe('2026-01-14T23:30:00.000Z');
  });

  it('is UTC+2 in summer', () => {
    expect(utc('2026-07-01', '08:00')).toBe('2026-07-01T06:00:00.000Z');
    expect(utc('2026-03-30', '08:00')).toBe('2026-03-30T06:00:00.000Z');
  });

  it('reads 24:00 as the midnight that ends the date, across a new year too', () => {
    expect(utc('2026-01-15', '24:00')).toBe('2026-01-15T23:00:00.000Z');
    expect(utc('2026-07-01', '24:00')).toBe('2026-07-01T22:00:00.000Z');
    expect(utc('2026-12-31', '24:00')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('throws a RangeError on a malformed date or time', () => {
    expect(() => stockholmLocalToUtc('2026-02-30', '08:00')).toThrow(RangeError);
    expect(() => stockholmLocalToUtc('2026-03-30', '8:00')).toThrow(RangeError);
  });
});

describe('stockholmLocalToUtc on the spring-forward night (29 March 2026)', () => {
  it('is still winter time just before the gap', () => {
    expect(utc('2026-03-29', '00:00')).toBe('2026-03-28T23:00:00.000Z');
    expect(utc('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
  });

  it('moves a time in the missing hour forward by the length of the gap', () => {
    expect(utc('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(utc('2026-03-29', '02:59')).toBe('2026-03-29T01:59:00.000Z');
  });

  it('is summer time from 03:00', () => {
    expect(utc('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
  });

  it('makes the day 23 hours long', () => {
    const lengthMs = stockholmLocalToUtc('2026-03-29', '24:00').getTime() - stockholmLocalToUtc('2026-03-29', '00:00').getTime();
    expect(lengthMs).toBe(23 * 3_600_000);
  });
});

describe('stockholmLocalToUtc on the fall-back night (25 October 2026)', () => {
  it('is still summer time before the repeated hour', () => {
    expect(utc('2026-10-25', '00:00')).toBe('2026-10-24T22:00:00.000Z');
    expect(utc('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
  });

  it('takes the first occurrence of a time in the repeated hour', () => {
    expect(utc('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(utc('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25', '02:59')).toBe('2026-10-25T00:59:00.000Z');
  });

  it('is winter time from 03:00', () => {
    expect(utc('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(utc('2026-10-25', '24:00')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('makes the day 25 hours long', () => {
    const lengthMs = stockholmLocalToUtc('2026-10-25', '24:00').getTime() - stockholmLocalToUtc('2026-10-25', '00:00').getTime();
    expect(lengthMs).toBe(25 * 3_600_000);
  });
});

describe('stockholmLocalToUtc against an independent reading of the Stockholm clock', () => {
  const everyQuarterHour = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

  it.each(['2026-01-15', '2026-03-28', '2026-03-29', '2026-03-30', '2026-07-01', '2026-10-24', '2026-10-25', '2026-10-26'])(
    'lands on an instant at which Stockholm shows that time (%s), except inside the spring gap',
    (date) => {
      for (const time of everyQuarterHour) {
        const inSpringGap = date === '2026-03-29' && time.startsWith('02:');
        if (inSpringGap) continue;
        expect(stockholmClock.format(stockholmLocalToUtc(date, time)), `${date} ${time}`).toBe(`${date} ${time}`);
      }
    },
  );
});
