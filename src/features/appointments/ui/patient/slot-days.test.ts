import { describe, expect, it } from 'vitest';
import { groupByDay } from './slot-days.ts';

describe('groupByDay', () => {
  it('groups by the Stockholm date, not the UTC one', () => {
    // 23:30 UTC on 23 November is 00:30 on 24 November in Stockholm.
    const slots = [{ startsAt: '2026-11-23T22:30:00Z' }, { startsAt: '2026-11-23T23:30:00Z' }, { startsAt: '2026-11-24T08:00:00Z' }];
    expect(groupByDay(slots)).toEqual([
      { date: '2026-11-23', slots: [slots[0]] },
      { date: '2026-11-24', slots: [slots[1], slots[2]] },
    ]);
  });

  it('gives nothing for no times', () => {
    expect(groupByDay([])).toEqual([]);
  });
});
