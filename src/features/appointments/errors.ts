import { AppError } from '../../platform/errors.ts';
import type { BookingRefusal } from './model.ts';
import { visitTimeText } from './patient-model.ts';

/** "a", "a och b", "a, b och c" / "a, b and c". */
const lists = { sv: new Intl.ListFormat('sv-SE', { type: 'conjunction' }), en: new Intl.ListFormat('en-GB', { type: 'conjunction' }) };

const countWords = { sv: ['en', 'två', 'tre'], en: ['one', 'two', 'three'] };
const countText = (n: number, language: 'sv' | 'en') => countWords[language][n - 1] ?? String(n);

/**
 * A visit type's web booking limit reached: the message names the times the patient already
 * holds (Stockholm time) and points to Omboka, or to the phone when none of them may be moved
 * online any more; `details` carries them for links in the web app. Neutral wording ("det
 * finns"), since a guardian or proxy may be booking for someone else.
 */
function bookingLimitReached(visitTypeName: string, limit: number, held: { id: string; startsAt: Date; mayRebook: boolean }[], now: Date) {
  const times = (language: 'sv' | 'en') => lists[language].format(held.map((visit) => visitTimeText(visit.startsAt, language, now)));
  const one = held.length === 1;
  const movable = held.some((visit) => visit.mayRebook);
  return new AppError(
    'booking_limit_reached',
    409,
    {
      sv:
        `${one ? `Det finns redan en bokad tid för ${visitTypeName}` : `Det finns redan ${held.length} bokade tider för ${visitTypeName}`}: ${times('sv')}. ` +
        `Via webben kan högst ${countText(limit, 'sv')} ${limit === 1 ? 'tid' : 'tider'} av den här typen vara bokad${limit === 1 ? '' : 'e'} åt gången. ` +
        (movable
          ? `Vill du ha en annan tid kan du omboka ${one ? 'den' : 'någon av dem'} i stället (Omboka under Mina tider).`
          : `Det är för sent att omboka ${one ? 'den' : 'dem'} via webben: ring mottagningen om du behöver en annan tid.`),
      en:
        `${one ? `There is already a booked time for ${visitTypeName}` : `There are already ${held.length} booked times for ${visitTypeName}`}: ${times('en')}. ` +
        `At most ${countText(limit, 'en')} ${limit === 1 ? 'time' : 'times'} of this type can be booked online at once. ` +
        (movable
          ? `If you want another time, you can rebook ${one ? 'it' : 'one of them'} instead (Rebook under My appointments).`
          : `It is too late to rebook ${one ? 'it' : 'them'} online: please call the clinic if you need another time.`),
    },
    { limit, appointments: held.map((visit) => ({ id: visit.id, startsAt: visit.startsAt.toISOString(), mayRebook: visit.mayRebook })) },
  );
}

/** The appointments feature's errors: stable codes, Swedish and English messages. */
export const appointmentErrors = {
  slotTaken: () =>
    new AppError('slot_taken', 409, {
      sv: 'Tiden hann bokas av någon annan. Välj en annan tid.',
      en: 'Someone else booked that time just before you. Please choose another time.',
    }),
  slotNotOffered: () =>
    new AppError('slot_not_offered', 409, {
      sv: 'Tiden går inte att boka (den finns inte längre i schemat eller har redan passerat). Välj en annan tid.',
      en: 'That time cannot be booked (it is no longer in the schedule or has passed). Please choose another time.',
    }),
  visitTypeNotFound: () => new AppError('visit_type_not_found', 404, { sv: 'Besökstypen finns inte.', en: 'The visit type does not exist.' }),
  resourceNotFound: () => new AppError('schedule_not_found', 404, { sv: 'Schemat finns inte.', en: 'The schedule does not exist.' }),
  appointmentNotFound: () => new AppError('appointment_not_found', 404, { sv: 'Bokningen finns inte.', en: 'The appointment does not exist.' }),
  notBookableOnline: (refusal: BookingRefusal) =>
    new AppError(
      'not_bookable_online',
      403,
      refusal === 'listed_patients_only'
        ? {
            sv: 'Den här tiden kan bara bokas av patienter som är listade på mottagningen. Använd Beställ tid eller ring mottagningen.',
            en: 'Only patients listed at the clinic can book this time online. Use Request an appointment or call the clinic.',
          }
        : { sv: 'Besökstypen kan inte bokas via webben. Använd Beställ tid eller ring mottagningen.', en: 'This visit type cannot be booked online. Use Request an appointment or call the clinic.' },
      { refusal },
    ),
  outsideHorizon: () =>
    new AppError('outside_booking_horizon', 409, {
      sv: 'Det går inte att boka så långt fram i tiden via webben.',
      en: 'You cannot book that far ahead online.',
    }),
  tooLateToChange: (deadline: Date) =>
    new AppError(
      'cancellation_deadline_passed',
      409,
      {
        sv: 'Det är för sent att avboka eller omboka via webben. Ring mottagningen.',
        en: 'It is too late to cancel or rebook online. Please call the clinic.',
      },
      { deadline: deadline.toISOString() },
    ),
  notChangeable: () =>
    new AppError('appointment_not_booked', 409, {
      sv: 'Bokningen är redan avbokad, flyttad eller genomförd.',
      en: 'The appointment has already been cancelled, moved or attended.',
    }),
  wrongVisitTypeForResource: () =>
    new AppError('visit_type_not_on_schedule', 409, {
      sv: 'Besökstypen bokas inte på det här schemat.',
      en: 'This visit type is not booked on that schedule.',
    }),
  proxyScope: () =>
    new AppError('forbidden', 403, {
      sv: 'Din fullmakt gäller inte tidbokning för den här personen.',
      en: 'Your power of attorney does not cover appointments for this person.',
    }),
  noActiveUnit: () => new AppError('no_active_unit', 403, { sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' }),
  notScheduler: () =>
    new AppError('forbidden', 403, {
      sv: 'Tidbokningen sköts av enhetens vårdpersonal och receptionister.',
      en: 'Appointments are handled by the unit’s clinicians and receptionists.',
    }),
  notUnitAdministrator: () =>
    new AppError('forbidden', 403, { sv: 'Du behöver vara administratör för enheten du arbetar på.', en: 'You need to be an administrator of the unit you are working at.' }),
  notYetAttendable: () =>
    new AppError('appointment_not_started', 409, {
      sv: 'Besöket kan markeras först samma dag som det är bokat.',
      en: 'The visit can only be marked on the day it is booked.',
    }),
  // ---- the patient's side (patient-service.ts) ----
  bookingNotOffered: () =>
    new AppError('booking_not_offered', 403, {
      sv: 'Mottagningen har inte webbtidbok för dig. Använd Beställ tid eller ring mottagningen.',
      en: 'The clinic does not offer online booking to you. Use Request an appointment or call the clinic.',
    }),
  bookingLimitReached,
  unitNotFound: () => new AppError('unit_not_found', 404, { sv: 'Mottagningen finns inte.', en: 'The clinic does not exist.' }),
  // ---- staff booking on a patient's behalf (staff-service.ts) ----
  invalidIdentityNumber: () =>
    new AppError('invalid_identity_number', 400, {
      sv: 'Det är inte ett giltigt person- eller samordningsnummer. Skriv 12 siffror, till exempel 19880412-2383.',
      en: 'That is not a valid personal identity or coordination number. Enter 12 digits, for example 19880412-2383.',
    }),
  patientNotFound: () => new AppError('patient_not_found', 404, { sv: 'Ingen patient med det numret finns i regionen.', en: 'No patient with that number exists in the region.' }),
};
