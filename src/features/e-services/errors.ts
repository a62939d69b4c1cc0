import { AppError } from '../../platform/errors.ts';
import type { ActivationProblem } from './model.ts';
import type { TermsLanguage, TermsProblem } from './terms.ts';

const activationMessages: Record<ActivationProblem, { sv: string; en: string }> = {
  not_offered_by_phone_or_desk: {
    sv: 'En e-tjänst får bara aktiveras om mottagningen erbjuder detsamma via telefon eller i receptionen.',
    en: 'An e-service may only be activated if the unit offers the same by phone or at the desk.',
  },
  reason_required: { sv: 'Ange varför e-tjänsten inte är aktuell för enheten.', en: 'State why the e-service does not apply to the unit.' },
  service_not_for_unit_kind: {
    sv: 'Regionen har inte gjort den här e-tjänsten tillgänglig för den här typen av enhet.',
    en: 'The region has not made this e-service available for this kind of unit.',
  },
  age_band_invalid: { sv: 'Åldersgränserna är inte giltiga.', en: 'The age limits are not valid.' },
};

export function activationRefused(problems: ActivationProblem[]) {
  const first = activationMessages[problems[0]!];
  return new AppError('activation_refused', 400, first, { problems });
}

const termsMessages: Record<TermsProblem, { sv: string; en: string }> = {
  empty: { sv: 'Villkorstexten får inte vara tom.', en: 'The terms text must not be empty.' },
  missing_two_working_days: {
    sv: 'Villkorstexten måste säga att patienten får svar inom två arbetsdagar.',
    en: 'The terms text must say that the patient gets an answer within two working days.',
  },
  proxy_point_not_last: {
    sv: 'Den sista punkten i villkorstexten måste vara punkten om ombud.',
    en: 'The last point of the terms text must be the point about proxies.',
  },
};

export function termsRefused(problems: { language: TermsLanguage; problem: TermsProblem }[]) {
  const first = termsMessages[problems[0]!.problem];
  const which = problems[0]!.language === 'sv' ? { sv: ' (svenska texten)', en: ' (Swedish text)' } : { sv: ' (engelska texten)', en: ' (English text)' };
  return new AppError('terms_invalid', 400, { sv: first.sv + which.sv, en: first.en + which.en }, { problems });
}

export const unknownEservice = () =>
  new AppError('eservice_not_found', 404, { sv: 'E-tjänsten finns inte i regionens katalog.', en: 'The e-service is not in the regional catalogue.' });

export const notUnitAdministrator = () =>
  new AppError('forbidden', 403, {
    sv: 'Du behöver vara administratör för enheten du arbetar på.',
    en: 'You need to be an administrator of the unit you are working at.',
  });
