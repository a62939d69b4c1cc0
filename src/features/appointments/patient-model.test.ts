import { describe, expect, it } from 'vitest';
import { changeRefusal, clockText, dayText, isUpcoming, lastBookableDate, splitVisits, visitsAtBookingLimit, visitTimeText, withinHorizon } from './patient-model.ts';

const visit = (status: string, start: string, minutes = 30) => ({ status, startsAt: new Date(start), endsAt: new Date(Date.parse(start) + minutes * 60_000) });

describe('the booking horizon', () => {
  it('counts today as its first day, in Stockholm', () => {
    // 00:30 on 24 November in Stockholm is still 23 November in UTC.
    const now = new Date('2026-11-23T23:30:00Z');
    expect(lastBookableDate(now, 7)).toBe('2026-11-30');
    expect(withinHorizon(new Date('2026-11-30T22:59:00Z'), now, 7)).toBe(true);
    expect(withinHorizon(new Date('2026-11-30T23:00:00Z'), now, 7)).toBe(false);
  });
});

describe('upcoming and past', () => {
  const now = new Date('2026-11-24T08:15:00Z');
  it('counts a booked visit under way as upcoming, and anything not booked as past', () => {
    expect(isUpcoming(visit('booked', '2026-11-24T08:00:00Z'), now)).toBe(true);
    expect(isUpcoming(visit('booked', '2026-11-24T07:30:00Z'), now)).toBe(false);
    expect(isUpcoming(visit('cancelled', '2026-12-01T08:00:00Z'), now)).toBe(false);
    expect(isUpcoming(visit('arrived', '2026-11-24T08:00:00Z'), now)).toBe(false);
  });

  it('orders upcoming soonest first and past newest first', () => {
    const visits = [visit('booked', '2026-12-02T08:00:00Z'), visit('arrived', '2026-11-01T08:00:00Z'), visit('booked', '2026-11-30T08:00:00Z'), visit('cancelled', '2026-11-20T08:00:00Z')];
    const { upcoming, past } = splitVisits(visits, now);
    expect(upcoming.map((item) => item.startsAt.toISOString())).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-02T08:00:00.000Z']);
    expect(past.map((item) => item.startsAt.toISOString())).toEqual(['2026-11-20T08:00:00.000Z', '2026-11-01T08:00:00.000Z']);
  });
});

describe('changing a booking online', () => {
  const start = '2026-11-25T08:00:00Z';
  it('is possible until the deadline, not at or after it, and never for a visit that is not booked', () => {
    expect(changeRefusal(visit('booked', start), 24, new Date('2026-11-24T07:59:00Z'))).toBeNull();
    expect(changeRefusal(visit('booked', start), 24, new Date('2026-11-24T08:00:00Z'))).toBe('deadline_passed');
    expect(changeRefusal(visit('booked', start), 72, new Date('2026-11-22T09:00:00Z'))).toBe('deadline_passed');
    expect(changeRefusal(visit('cancelled', start), 24, new Date('2026-11-20T00:00:00Z'))).toBe('not_booked');
  });
});

describe('the limit on web booking per visit type', () => {
  const now = new Date('2026-11-24T08:15:00Z');
  const held = visit('booked', '2026-12-02T08:00:00Z');
  const sooner = visit('booked', '2026-11-30T08:00:00Z');
  const starts = (visits: { startsAt: Date }[] | null) => visits?.map((item) => item.startsAt.toISOString()) ?? null;

  it('has no say when the type has no limit', () => {
    expect(visitsAtBookingLimit([held, sooner], null, now)).toBeNull();
  });

  it('refuses at the limit, naming the upcoming visits soonest first, and not under it', () => {
    expect(visitsAtBookingLimit([], 1, now)).toBeNull();
    expect(starts(visitsAtBookingLimit([held], 1, now))).toEqual(['2026-12-02T08:00:00.000Z']);
    expect(visitsAtBookingLimit([held], 2, now)).toBeNull();
    expect(starts(visitsAtBookingLimit([held, sooner], 2, now))).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-02T08:00:00.000Z']);
  });

  it('counts only booked visits not yet over: a visit under way still counts, a past, cancelled or attended one does not', () => {
    expect(starts(visitsAtBookingLimit([visit('booked', '2026-11-24T08:00:00Z')], 1, now))).toEqual(['2026-11-24T08:00:00.000Z']);
    const notHeld = [visit('booked', '2026-11-24T07:30:00Z'), visit('cancelled', '2026-12-01T08:00:00Z'), visit('arrived', '2026-11-24T08:00:00Z'), visit('no_show', '2026-11-20T08:00:00Z'), visit('rebooked', '2026-12-03T08:00:00Z')];
    expect(visitsAtBookingLimit(notHeld, 1, now)).toBeNull();
    expect(starts(visitsAtBookingLimit([...notHeld, held], 1, now))).toEqual(['2026-12-02T08:00:00.000Z']);
  });
});

describe('times in words', () => {
  it('says the day and the time in Stockholm, Swedish style', () => {
    const at = new Date('2026-12-01T08:30:00Z');
    expect(visitTimeText(at, 'sv')).toBe('tisdag 1 december kl. 09.30');
    expect(visitTimeText(at, 'en')).toBe('Tuesday 1 December at 09:30');
    expect(clockText(new Date('2027-03-28T06:00:00Z'), 'sv')).toBe('08.00');
  });

  it('adds the year only when it is not this year', () => {
    expect(dayText(new Date('2027-01-05T08:00:00Z'), 'sv', new Date('2026-12-20T08:00:00Z'))).toBe('tisdag 5 januari 2027');
    expect(dayText(new Date('2027-01-05T08:00:00Z'), 'sv', new Date('2027-01-01T08:00:00Z'))).toBe('tisdag 5 januari');
  });
});
