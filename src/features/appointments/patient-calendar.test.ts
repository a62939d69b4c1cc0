import { describe, expect, it } from 'vitest';
import { calendarEventOf } from './patient-calendar.ts';
import type { PatientAppointment } from './patient-contract.ts';

const view: PatientAppointment = {
  id: '3f1c2a9e-0000-4000-8000-000000000001',
  status: 'booked',
  startsAt: '2026-12-01T08:30:00.000Z',
  endsAt: '2026-12-01T09:00:00.000Z',
  channel: 'at_unit',
  visitType: { id: '3f1c2a9e-0000-4000-8000-000000000002', name: 'Hälsosamtal', preparation: 'Ta med dina mediciner.', lengthMinutes: 30, channel: 'at_unit', cancellationHours: 24 },
  unit: { id: '3f1c2a9e-0000-4000-8000-000000000003', name: 'Vårdcentralen Ekby', locality: 'Ekby', streetAddress: 'Storgatan 1', postalCode: '123 45', city: 'Ekby', phone: '010-123 45 67' },
  with: { kind: 'staff', name: 'Sara Nilsson', profession: { sv: 'Sjuksköterska', en: 'Nurse' } },
  noteToPatient: 'Kom tio minuter före.',
  changeDeadline: '2026-11-30T08:30:00.000Z',
  mayCancel: true,
  mayRebook: true,
  changeRefusal: null,
  meetingUrl: null,
  bookedByStaff: false,
  rebookedFromId: null,
};
const options = { publicUrl: 'https://nara.example/', language: 'sv' as const, now: new Date('2026-11-23T09:00:00Z') };

describe('the calendar event of a booking', () => {
  it('names the visit type and unit, places it at the address, and says what to prepare and until when to change it', () => {
    const event = calendarEventOf(view, options);
    expect(event).toMatchObject({
      uid: `${view.id}@nara`,
      summary: 'Hälsosamtal, Vårdcentralen Ekby',
      location: 'Vårdcentralen Ekby, Storgatan 1, 123 45 Ekby',
      status: 'CONFIRMED',
      localDate: '2026-12-01',
      url: undefined,
    });
    expect(event.description!.split('\n')).toEqual([
      'Hos: Sara Nilsson, sjuksköterska',
      'Förberedelse: Ta med dina mediciner.',
      'Meddelande från mottagningen: Kom tio minuter före.',
      `Avboka eller omboka senast måndag 30 november kl. 09.30 i Nära: https://nara.example/start/tider/${view.id}`,
      'Därefter ringer du mottagningen: 010-123 45 67.',
    ]);
  });

  it('gives a video visit its meeting link, in English when asked', () => {
    const video = { ...view, channel: 'video' as const, meetingUrl: `/start/moten/bokning/${view.id}`, unit: { ...view.unit, phone: null } };
    const event = calendarEventOf(video, { ...options, language: 'en' });
    expect(event.location).toBe('Video visit in Nära');
    expect(event.url).toBe(`https://nara.example/start/moten/bokning/${view.id}`);
    expect(event.description).toContain(`Video visit. Open the meeting in Nära: https://nara.example/start/moten/bokning/${view.id}`);
    expect(event.description).toContain('After that, call the clinic.');
  });

  it('marks a cancelled visit', () => {
    const event = calendarEventOf({ ...view, status: 'cancelled' }, options);
    expect(event.status).toBe('CANCELLED');
    expect(event.description!.startsWith('Besöket är avbokat.')).toBe(true);
  });
});
