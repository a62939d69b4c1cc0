import { AppError, type LocalisedMessage } from '../../platform/errors.ts';
import type { LimitProblem, ReadingProblem } from './model.ts';

/** The self-monitoring feature's errors: stable codes, Swedish and English messages. */
export const monitoringErrors = {
  enrolmentNotFound: () => new AppError('enrolment_not_found', 404, { sv: 'Egenmonitoreringen finns inte.', en: 'The self-monitoring enrolment does not exist.' }),
  alertNotFound: () => new AppError('alert_not_found', 404, { sv: 'Larmet finns inte.', en: 'The alert does not exist.' }),
  programmeNotFound: () => new AppError('programme_not_found', 404, { sv: 'Programmet finns inte.', en: 'The programme does not exist.' }),
  patientNotFound: () => new AppError('patient_not_found', 404, { sv: 'Ingen patient med det numret finns i regionen.', en: 'No patient with that number exists in the region.' }),
  invalidIdentityNumber: () =>
    new AppError('invalid_identity_number', 400, {
      sv: 'Det är inte ett giltigt person- eller samordningsnummer. Skriv 12 siffror, till exempel 19880412-2383.',
      en: 'That is not a valid personal identity or coordination number. Enter 12 digits, for example 19880412-2383.',
    }),
  noActiveUnit: () => new AppError('no_active_unit', 403, { sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' }),
  notClinician: () => new AppError('forbidden', 403, { sv: 'Bara vårdande personal kan hantera egenmonitorering.', en: 'Only clinical staff can manage self-monitoring.' }),
  alreadyEnrolled: () =>
    new AppError('already_enrolled', 409, { sv: 'Patienten är redan ansluten till programmet på enheten.', en: 'The patient is already enrolled in the programme at this unit.' }),
  ended: () => new AppError('enrolment_ended', 409, { sv: 'Egenmonitoreringen är avslutad.', en: 'The self-monitoring has ended.' }),
  alreadyAcknowledged: () => new AppError('alert_already_acknowledged', 409, { sv: 'Larmet är redan kvitterat.', en: 'The alert has already been acknowledged.' }),
  invalidLimits: (problems: LimitProblem[]) => new AppError('invalid_limits', 422, joined(problems.map((p) => p.message)), { problems }),
  implausibleReading: (problems: ReadingProblem[]) => new AppError('implausible_reading', 422, joined(problems.map((p) => p.message)), { problems }),
  readingTime: (messages: LocalisedMessage) => new AppError('invalid_reading_time', 422, messages),
  startDate: () =>
    new AppError('invalid_start_date', 422, { sv: 'Startdatum kan vara högst 30 dagar bakåt eller 30 dagar framåt.', en: 'The start date can be at most 30 days back or 30 days ahead.' }),
};

function joined(messages: LocalisedMessage[]): LocalisedMessage {
  return { sv: messages.map((m) => m.sv).join(' '), en: messages.map((m) => m.en).join(' ') };
}
