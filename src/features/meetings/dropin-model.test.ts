import { describe, expect, it } from 'vitest';
import { dropinAvailability, dropinOrder, dropinPosition } from './dropin-model.ts';

// 2030-06-03 is summer time: Stockholm = UTC+2.
const at = (stockholmTime: string) => new Date(`2030-06-03T${stockholmTime}:00+02:00`);

describe('drop-in availability', () => {
  it('needs the e-service active and the switch on', () => {
    expect(dropinAvailability({ eserviceActive: false, settings: { open: true, opensAt: null, closesAt: null }, at: at('10:00') })).toEqual({ available: false, reason: 'not_offered' });
    expect(dropinAvailability({ eserviceActive: true, settings: null, at: at('10:00') })).toEqual({ available: false, reason: 'closed' });
    expect(dropinAvailability({ eserviceActive: true, settings: { open: false, opensAt: null, closesAt: null }, at: at('10:00') })).toEqual({ available: false, reason: 'closed' });
    expect(dropinAvailability({ eserviceActive: true, settings: { open: true, opensAt: null, closesAt: null }, at: at('03:00') })).toEqual({ available: true });
  });

  it('keeps to the optional hours on the Stockholm clock, also across midnight', () => {
    const day = { open: true, opensAt: '08:00', closesAt: '12:00' };
    expect(dropinAvailability({ eserviceActive: true, settings: day, at: at('07:59') }).available).toBe(false);
    expect(dropinAvailability({ eserviceActive: true, settings: day, at: at('08:00') }).available).toBe(true);
    expect(dropinAvailability({ eserviceActive: true, settings: day, at: at('12:00') })).toEqual({ available: false, reason: 'outside_hours' });
    const night = { open: true, opensAt: '22:00', closesAt: '06:00' };
    expect(dropinAvailability({ eserviceActive: true, settings: night, at: at('23:30') }).available).toBe(true);
    expect(dropinAvailability({ eserviceActive: true, settings: night, at: at('05:59') }).available).toBe(true);
    expect(dropinAvailability({ eserviceActive: true, settings: night, at: at('12:00') }).available).toBe(false);
  });
});

describe('the drop-in queue', () => {
  it('is first come, first served, with a stable order for ties', () => {
    const queue = [
      { id: 'c', queuedAt: new Date('2030-06-03T08:02:00Z') },
      { id: 'b', queuedAt: new Date('2030-06-03T08:01:00Z') },
      { id: 'a', queuedAt: new Date('2030-06-03T08:02:00Z') },
    ];
    expect(dropinOrder(queue).map((entry) => entry.id)).toEqual(['b', 'a', 'c']);
    expect(dropinPosition(queue, 'b')).toBe(1);
    expect(dropinPosition(queue, 'c')).toBe(3);
    expect(dropinPosition(queue, 'x')).toBeNull();
  });
});
