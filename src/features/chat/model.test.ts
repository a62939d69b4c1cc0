import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import { alwaysOpen, chatAvailability, DEFAULT_HANDLING_MINUTES, estimatedWaitMinutes, queueOrder, queuePosition, typicalHandlingMinutes } from './model.ts';

const day = [['07:00', '22:00']] as [string, string][];
const demoHours: OpeningHours = { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, closedOnPublicHolidays: false, exceptions: [] };
const weekdays: OpeningHours = { weekly: { mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [], thu: [], fri: [], sat: [], sun: [] }, closedOnPublicHolidays: true, exceptions: [] };

describe('chat open now', () => {
  it('is open within the hours when the e-service is active', () => {
    // Monday 23 Nov 2026 10:00 Stockholm (UTC+1).
    const status = chatAvailability(true, demoHours, new Date('2026-11-23T09:00:00Z'));
    expect(status).toEqual({ available: true, closesAt: new Date('2026-11-23T21:00:00Z') });
  });
  it('is closed outside the hours and says when it opens', () => {
    const status = chatAvailability(true, demoHours, new Date('2026-11-23T21:30:00Z'));
    expect(status).toEqual({ available: false, reason: 'closed', opensAt: new Date('2026-11-24T06:00:00Z') });
  });
  it('follows summer time', () => {
    // Monday 22 June 2026 06:30 Stockholm is 04:30 UTC: before 07:00, opens 05:00 UTC.
    expect(chatAvailability(true, demoHours, new Date('2026-06-22T04:30:00Z'))).toEqual({ available: false, reason: 'closed', opensAt: new Date('2026-06-22T05:00:00Z') });
  });
  it('is not offered without the e-service, whatever the hours', () => {
    expect(chatAvailability(false, alwaysOpen, new Date('2026-11-23T09:00:00Z'))).toEqual({ available: false, reason: 'not_offered', opensAt: null });
  });
  it('is not open without published hours', () => {
    expect(chatAvailability(true, null, new Date('2026-11-23T09:00:00Z'))).toMatchObject({ available: false, reason: 'no_hours' });
  });
  it('finds the next opening days ahead', () => {
    // Tuesday 24 Nov 17:00 → next Monday 30 Nov 08:00 (07:00 UTC).
    expect(chatAvailability(true, weekdays, new Date('2026-11-24T16:00:00Z'))).toEqual({ available: false, reason: 'closed', opensAt: new Date('2026-11-30T07:00:00Z') });
  });
  it('always open has no end within a week', () => {
    expect(chatAvailability(true, alwaysOpen, new Date('2026-11-23T09:00:00Z'))).toEqual({ available: true, closesAt: null });
  });
});

describe('the queue', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
  const queued = [
    { id: 'a', priority: null, queuedAt: at(0) },
    { id: 'b', priority: null, queuedAt: at(5) },
    { id: 'c', priority: 2, queuedAt: at(10) },
    { id: 'd', priority: 0, queuedAt: at(1) },
    { id: 'e', priority: 2, queuedAt: at(8) },
  ];
  it('puts the most urgent first, then who has waited longest; unknown priority last', () => {
    expect(queueOrder(queued).map((chat) => chat.id)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });
  it('without priorities is first come, first served', () => {
    expect(queueOrder(queued.map((chat) => ({ ...chat, priority: null }))).map((chat) => chat.id)).toEqual(['a', 'd', 'b', 'e', 'c']);
  });
  it('gives positions from 1, null when not queued', () => {
    expect(queuePosition(queued, 'e')).toBe(1);
    expect(queuePosition(queued, 'b')).toBe(5);
    expect(queuePosition(queued, 'x')).toBeNull();
  });
  it('does not change the input', () => {
    const copy = [...queued];
    queueOrder(queued);
    expect(queued).toEqual(copy);
  });
});

describe('the estimated wait', () => {
  it('uses the default without recent chats', () => {
    expect(typicalHandlingMinutes([])).toBe(DEFAULT_HANDLING_MINUTES);
  });
  it('takes the median of recent handling times, clamped to 1–60 minutes', () => {
    expect(typicalHandlingMinutes([4, 6, 100].map((m) => m * 60_000))).toBe(6);
    expect(typicalHandlingMinutes([4, 6].map((m) => m * 60_000))).toBe(5);
    expect(typicalHandlingMinutes([10_000, 200 * 60_000])).toBe((1 + 60) / 2);
  });
  it('grows with the position and shrinks with more staff chatting', () => {
    expect(estimatedWaitMinutes(1, 8, 0)).toBe(4);
    expect(estimatedWaitMinutes(3, 8, 1)).toBe(20);
    expect(estimatedWaitMinutes(3, 8, 2)).toBe(12);
    expect(estimatedWaitMinutes(1, 1, 3)).toBe(1);
  });
});
