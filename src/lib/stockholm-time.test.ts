import { describe, expect, it } from 'vitest';
import { ageOn, stockholmDate } from './stockholm-time.ts';

// The tests run with TZ=UTC; every instant below is written in UTC, and the expected
// value is the calendar date a person in Stockholm sees at that instant.
const at = (iso: string) => new Date(iso);

describe('stockholmDate around midnight', () => {
  it('is already tomorrow in Stockholm at 23:30 UTC in winter (UTC+1)', () => {
    const instant = at('2026-01-15T23:30:00Z');
    expect(stockholmDate(instant)).toBe('2026-01-16');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-01-15');
  });

  it('is already tomorrow in Stockholm at 22:30 UTC in summer (UTC+2)', () => {
    expect(stockholmDate(at('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('changes date exactly at Stockholm midnight in winter (23:00 UTC)', () => {
    expect(stockholmDate(at('2026-01-15T22:59:59.999Z'))).toBe('2026-01-15');
    expect(stockholmDate(at('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
  });

  it('changes date exactly at Stockholm midnight in summer (22:00 UTC)', () => {
    expect(stockholmDate(at('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(stockholmDate(at('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('reaches the new year in Stockholm an hour before UTC does', () => {
    expect(stockholmDate(at('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('agrees with UTC in the middle of the day', () => {
    expect(stockholmDate(at('2026-01-15T12:00:00Z'))).toBe('2026-01-15');
  });
});

describe('stockholmDate across the switch to summer time (29 March 2026, 01:00 UTC)', () => {
  it('is 29 March on both sides of the switch (01:59:59 CET, then 03:00 CEST)', () => {
    expect(stockholmDate(at('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
    expect(stockholmDate(at('2026-03-29T01:00:00Z'))).toBe('2026-03-29');
  });

  it('starts 29 March at 23:00 UTC the evening before, still on winter time', () => {
    expect(stockholmDate(at('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(stockholmDate(at('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
  });

  it('ends 29 March at 22:00 UTC, now on summer time', () => {
    expect(stockholmDate(at('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(stockholmDate(at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });
});

describe('stockholmDate across the switch to winter time (25 October 2026, 01:00 UTC)', () => {
  it('is 25 October on both sides of the switch (02:59:59 CEST, then 02:00 CET)', () => {
    expect(stockholmDate(at('2026-10-25T00:59:59Z'))).toBe('2026-10-25');
    expect(stockholmDate(at('2026-10-25T01:00:00Z'))).toBe('2026-10-25');
  });

  it('starts 25 October at 22:00 UTC the evening before, still on summer time', () => {
    expect(stockholmDate(at('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(stockholmDate(at('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
  });

  it('ends 25 October at 23:00 UTC, now on winter time', () => {
    expect(stockholmDate(at('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(stockholmDate(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('ageOn', () => {
  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-05-10', '2026-05-10')).toBe(0);
  });

  it('does not count the year until the birthday: one day before', () => {
    expect(ageOn('2013-05-10', '2026-05-09')).toBe(12);
  });

  it('counts the year on the birthday itself', () => {
    expect(ageOn('2013-05-10', '2026-05-10')).toBe(13);
  });

  it('counts the year after the birthday', () => {
    expect(ageOn('2013-05-10', '2026-05-11')).toBe(13);
  });

  it('compares the month before the day (a later day in an earlier month is not enough)', () => {
    expect(ageOn('2013-05-10', '2026-04-30')).toBe(12);
    expect(ageOn('2013-05-10', '2026-06-01')).toBe(13);
  });

  it('handles a birthday at the end of the year', () => {
    expect(ageOn('1990-12-31', '2026-12-30')).toBe(35);
    expect(ageOn('1990-12-31', '2026-12-31')).toBe(36);
    expect(ageOn('1990-12-31', '2027-01-01')).toBe(36);
  });

  describe('born on 29 February', () => {
    it('is not a year older on 28 February of a year that is not a leap year', () => {
      expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    });

    it('turns a year older on 1 March of a year that is not a leap year', () => {
      expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    });

    it('turns a year older on 29 February of a leap year', () => {
      expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
      expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    });
  });

  it('with stockholmDate, a birthday begins at midnight in Stockholm, not in UTC', () => {
    // 22:30 UTC on 9 May is 00:30 on 10 May in Stockholm (summer time).
    expect(ageOn('2013-05-10', stockholmDate(at('2026-05-09T22:30:00Z')))).toBe(13);
    expect(ageOn('2013-05-10', stockholmDate(at('2026-05-09T21:30:00Z')))).toBe(12);
  });
});
