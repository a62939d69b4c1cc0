import { describe, expect, it } from 'vitest';
import { cancellationDeadline, freeSlots, generateSlots, mayCancelOnline, onlineBookingRefusal, workedIntervals, type VisitType, type WorkTemplate } from './model.ts';

const visit: VisitType = { lengthMinutes: 30, channel: 'at_unit', bookableOnlineBy: 'listed', cancellationHours: 24, published: true };
const weekdays = { from: '08:00', to: '12:00' };
const template: WorkTemplate = { weekly: { 1: [weekdays], 2: [weekdays], 3: [weekdays], 4: [weekdays], 5: [weekdays] }, exceptions: {}, absences: [] };
const stockholm = (date: Date) => date.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });

describe('who may book online (D3)', () => {
  it('follows the visit type: nobody, listed patients, anyone; unpublished never', () => {
    expect(onlineBookingRefusal(visit, { listedAtUnit: true })).toBeNull();
    expect(onlineBookingRefusal(visit, { listedAtUnit: false })).toBe('listed_patients_only');
    expect(onlineBookingRefusal({ ...visit, bookableOnlineBy: 'anyone' }, { listedAtUnit: false })).toBeNull();
    expect(onlineBookingRefusal({ ...visit, bookableOnlineBy: 'nobody' }, { listedAtUnit: true })).toBe('not_bookable_online');
    expect(onlineBookingRefusal({ ...visit, published: false }, { listedAtUnit: true })).toBe('not_published');
  });
});

describe('cancelling online (D4)', () => {
  it('is possible until the unit’s deadline before the start, not a moment after', () => {
    const start = new Date('2026-12-01T09:00:00Z');
    expect(cancellationDeadline(start, 72).toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(mayCancelOnline(start, 24, new Date('2026-11-30T08:59:59Z'))).toBe(true);
    expect(mayCancelOnline(start, 24, new Date('2026-11-30T09:00:00Z'))).toBe(false);
  });
});

describe('slots from a working template', () => {
  it('fills the worked intervals with visits of the type’s length, weekdays only', () => {
    // Friday 27 November to Monday 30 November 2026.
    const slots = generateSlots(template, '2026-11-27', 4, 30);
    expect(slots).toHaveLength(16);
    expect(stockholm(slots[0]!.start)).toBe('2026-11-27 08:00:00');
    expect(stockholm(slots[8]!.start)).toBe('2026-11-30 08:00:00');
    expect(generateSlots(template, '2026-11-27', 1, 45).map((slot) => stockholm(slot.start).slice(11, 16))).toEqual(['08:00', '08:45', '09:30', '10:15', '11:00']);
  });

  it('has none on public holidays and the customary eves, unless an exception opens the day', () => {
    // Thursday 24 December (julafton) and Friday 25 December (juldagen) 2026.
    expect(workedIntervals(template, '2026-12-24')).toEqual([]);
    expect(workedIntervals(template, '2026-12-25')).toEqual([]);
    expect(workedIntervals({ ...template, exceptions: { '2026-12-25': [{ from: '10:00', to: '14:00' }] } }, '2026-12-25')).toEqual([{ from: '10:00', to: '14:00' }]);
  });

  it('has none during an absence, and follows a day’s exception', () => {
    const away: WorkTemplate = { ...template, absences: [{ from: '2026-11-30', to: '2026-12-01' }], exceptions: { '2026-12-02': [{ from: '13:00', to: '14:00' }] } };
    const slots = generateSlots(away, '2026-11-30', 3, 30);
    expect(slots.map((slot) => stockholm(slot.start))).toEqual(['2026-12-02 13:00:00', '2026-12-02 13:30:00']);
  });

  it('keeps local times across the clock changes (29 March and 25 October 2026)', () => {
    const sunday: WorkTemplate = { weekly: { 7: [{ from: '08:00', to: '09:00' }], 1: [{ from: '08:00', to: '09:00' }] }, exceptions: {}, absences: [] };
    const spring = generateSlots(sunday, '2026-03-29', 2, 60);
    expect(spring.map((slot) => stockholm(slot.start))).toEqual(['2026-03-29 08:00:00', '2026-03-30 08:00:00']);
    expect(spring.map((slot) => slot.start.toISOString())).toEqual(['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
    const autumn = generateSlots(sunday, '2026-10-25', 1, 60);
    expect(autumn[0]!.start.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('refuses a visit length that makes no sense', () => {
    expect(() => generateSlots(template, '2026-11-27', 1, 0)).toThrow(RangeError);
    expect(() => generateSlots(template, '2026-11-27', 1, 7.5)).toThrow(RangeError);
  });
});

describe('free slots', () => {
  it('leaves out the past and whatever overlaps a booking, also one of another length', () => {
    const slots = generateSlots(template, '2026-11-30', 1, 30);
    // Booked 09:15–10:15 local (an hour's visit), and it is 08:10 now.
    const booked = [{ start: new Date('2026-11-30T08:15:00Z'), end: new Date('2026-11-30T09:15:00Z') }];
    const free = freeSlots(slots, booked, new Date('2026-11-30T07:10:00Z'));
    expect(free.map((slot) => stockholm(slot.start).slice(11, 16))).toEqual(['08:30', '10:30', '11:00', '11:30']);
  });
});

describe('free slots against many bookings', () => {
  it('sees a long booking that starts before a short one, and bookings given out of order', () => {
    const slots = generateSlots(template, '2026-11-30', 1, 30);
    const booked = [
      { start: new Date('2026-11-30T07:30:00Z'), end: new Date('2026-11-30T07:45:00Z') }, // 08:30–08:45 local
      { start: new Date('2026-11-30T07:00:00Z'), end: new Date('2026-11-30T10:00:00Z') }, // 08:00–11:00 local
    ];
    const free = freeSlots(slots, booked, new Date('2026-11-29T12:00:00Z'));
    expect(free.map((slot) => stockholm(slot.start).slice(11, 16))).toEqual(['11:00', '11:30']);
  });

  it('keeps a slot that merely touches a booking', () => {
    const slots = generateSlots(template, '2026-11-30', 1, 30);
    const booked = [{ start: new Date('2026-11-30T07:30:00Z'), end: new Date('2026-11-30T08:00:00Z') }]; // 08:30–09:00 local
    const free = freeSlots(slots, booked, new Date('2026-11-29T12:00:00Z')).map((slot) => stockholm(slot.start).slice(11, 16));
    expect(free).toContain('08:00');
    expect(free).toContain('09:00');
    expect(free).not.toContain('08:30');
  });
});
