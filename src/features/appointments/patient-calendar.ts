import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { CalendarEvent } from './ics.ts';
import type { PatientAppointment } from './patient-contract.ts';
import { visitTimeText } from './patient-model.ts';

/**
 * What the calendar file of a booking says (D6), in the patient's language: the visit
 * type and unit as its title, the address (or how the visit happens) as its place, and in
 * the description what to prepare, the unit's note, the video link and until when it can
 * be changed online. Pure; ics.ts writes it.
 */
const words = {
  sv: {
    with: 'Hos',
    video: 'Videobesök. Öppna mötet i Nära',
    videoPlace: 'Videobesök i Nära',
    phone: 'Telefonbesök: mottagningen ringer dig.',
    phonePlace: 'Telefonbesök',
    preparation: 'Förberedelse',
    note: 'Meddelande från mottagningen',
    change: (deadline: string) => `Avboka eller omboka senast ${deadline} i Nära`,
    call: (phone: string) => `Därefter ringer du mottagningen: ${phone}.`,
    callNoNumber: 'Därefter ringer du mottagningen.',
    cancelled: 'Besöket är avbokat.',
  },
  en: {
    with: 'With',
    video: 'Video visit. Open the meeting in Nära',
    videoPlace: 'Video visit in Nära',
    phone: 'Phone visit: the clinic will call you.',
    phonePlace: 'Phone visit',
    preparation: 'Preparation',
    note: 'Message from the clinic',
    change: (deadline: string) => `Cancel or rebook in Nära until ${deadline}`,
    call: (phone: string) => `After that, call the clinic: ${phone}.`,
    callNoNumber: 'After that, call the clinic.',
    cancelled: 'The visit has been cancelled.',
  },
};

export function calendarEventOf(view: PatientAppointment, options: { publicUrl: string; language: 'sv' | 'en'; now: Date }): CalendarEvent & { localDate: string } {
  const t = words[options.language];
  const base = options.publicUrl.replace(/\/+$/, '');
  const start = new Date(view.startsAt);
  const unit = view.unit;
  const address = [unit.streetAddress, [unit.postalCode, unit.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const location = view.channel === 'video' ? t.videoPlace : view.channel === 'phone' ? t.phonePlace : [unit.name, address || unit.locality].filter(Boolean).join(', ');
  const withWhom = view.with.kind === 'staff' ? `${view.with.name}, ${view.with.profession[options.language].toLowerCase()}` : view.with.name;
  const meeting = view.meetingUrl ? `${base}${view.meetingUrl}` : undefined;
  const lines = [
    ...(view.status === 'cancelled' ? [t.cancelled] : []),
    `${t.with}: ${withWhom}`,
    ...(view.channel === 'video' && meeting ? [`${t.video}: ${meeting}`] : []),
    ...(view.channel === 'phone' ? [t.phone] : []),
    ...(view.visitType.preparation ? [`${t.preparation}: ${view.visitType.preparation}`] : []),
    ...(view.noteToPatient ? [`${t.note}: ${view.noteToPatient}`] : []),
    `${t.change(visitTimeText(new Date(view.changeDeadline), options.language, options.now))}: ${base}/start/tider/${view.id}`,
    unit.phone ? t.call(unit.phone) : t.callNoNumber,
  ];
  return {
    uid: `${view.id}@nara`,
    stamp: options.now,
    start,
    end: new Date(view.endsAt),
    summary: `${view.visitType.name}, ${unit.name}`,
    location,
    description: lines.join('\n'),
    url: meeting,
    status: view.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    localDate: stockholmDate(start),
  };
}
