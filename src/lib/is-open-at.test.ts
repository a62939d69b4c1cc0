import { describe, expect, it } from 'vitest';
import { isOpenAt, openingStatus, type OpeningHours } from './opening-hours.ts';

const weekdays: OpeningHours = {
  weekly: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '12:00'], ['13:00', '17:00']], thu: [['08:00', '19:00']], fri: [['08:00', '17:00']], sat: [], sun: [] },
  closedOnPublicHolidays: true,
  exceptions: [],
};
const night: OpeningHours = {
  weekly: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closedOnPublicHolidays: false,
  exceptions: [],
};

describe('isOpenAt agrees with openingStatus', () => {
  const instants: Date[] = [];
  // Every 20 minutes through a winter week, the spring-forward and fall-back weekends, and Christmas.
  for (const start of ['2026-11-23T00:00:00Z', '2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-12-22T00:00:00Z']) {
    for (let minutes = 0; minutes < 7 * 24 * 60; minutes += 20) instants.push(new Date(Date.parse(start) + minutes * 60_000));
  }
  for (const [name, hours] of [['weekdays with lunch', weekdays], ['across midnight', night]] as const) {
    it(`for ${name}`, () => {
      const disagreements = instants.filter((at) => isOpenAt(hours, at) !== openingStatus(hours, at).open).map((at) => at.toISOString());
      expect(disagreements).toEqual([]);
    });
  }

  it('is closed at lunch and at 17:00 sharp, open at 16:59 Stockholm time', () => {
    expect(isOpenAt(weekdays, new Date('2026-11-25T11:30:00Z'))).toBe(false); // 12:30 Wednesday
    expect(isOpenAt(weekdays, new Date('2026-11-24T15:59:00Z'))).toBe(true); // 16:59 Tuesday (UTC+1)
    expect(isOpenAt(weekdays, new Date('2026-11-24T16:00:00Z'))).toBe(false); // 17:00
  });
});
