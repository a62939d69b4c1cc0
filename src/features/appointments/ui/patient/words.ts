import type { Language } from '../../../../web/i18n/i18n.tsx';
import type { BookedWith, PatientAppointment, UnitCard } from '../../patient-contract.ts';
import { clockText } from '../../patient-model.ts';

/** Words the appointment pages share: channels, statuses, who and where. */
export const appointmentWords = {
  sv: {
    channel: { at_unit: 'Besök på mottagningen', video: 'Videobesök', phone: 'Telefonsamtal – mottagningen ringer dig' },
    status: { booked: 'Bokad', arrived: 'Genomförd', no_show: 'Uteblev', cancelled: 'Avbokad', rebooked: 'Ombokad', over: 'Har varit' },
    minutes: (n: number) => `${n} minuter`,
    room: (name: string) => name,
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    channel: { at_unit: 'Visit at the clinic', video: 'Video visit', phone: 'Phone call – the clinic calls you' },
    status: { booked: 'Booked', arrived: 'Attended', no_show: 'Missed', cancelled: 'Cancelled', rebooked: 'Rebooked', over: 'Has taken place' },
    minutes: (n: number) => `${n} minutes`,
    room: (name: string) => name,
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

/** "Sara Nilsson, sjuksköterska" or the room's name. */
export function withText(booked: BookedWith, language: Language): string {
  return booked.kind === 'staff' ? `${booked.name}, ${booked.profession[language].toLowerCase()}` : booked.name;
}

/** The unit and its street address; the place alone when the unit has no profile. */
export function placeText(unit: UnitCard): string {
  const address = [unit.streetAddress, [unit.postalCode, unit.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return `${unit.name}, ${address || unit.locality}`;
}

/** "09.30–10.00". */
export function timeSpan(startsAt: string, endsAt: string, language: Language): string {
  return `${clockText(new Date(startsAt), language)}–${clockText(new Date(endsAt), language)}`;
}

/** A tel: link target from a number as written ("010-123 45 67" → "tel:0101234567"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function statusKey(appointment: Pick<PatientAppointment, 'status'>): keyof (typeof appointmentWords)['sv']['status'] {
  return appointment.status === 'booked' ? 'over' : appointment.status;
}
