import type { Language } from '../../../../web/i18n/i18n.tsx';
import type { CaseStatus } from '../../model.ts';
import type { closeOutcomes, contactMethods, deadlineStates, InboxItem, StaffCase } from '../../contract.ts';
import { useRefetchOn } from '../../../../web/realtime/realtime.ts';
import '../staff-cases.css';

/** What the staff side of cases shares: query keys, labels, and how times and numbers are shown. */

export const staffCasesKey = ['staff-cases'] as const;
export const inboxKey = (filters: Record<string, string>) => [...staffCasesKey, 'inbox', filters] as const;
export const countsKey = [...staffCasesKey, 'counts'] as const;
export const caseKey = (id: string) => [...staffCasesKey, 'case', id] as const;
export const colleaguesKey = [...staffCasesKey, 'colleagues'] as const;
export const staffTemplatesKey = [...staffCasesKey, 'templates'] as const;

/**
 * Live updates: the realtime socket says which case changed and the inbox, the counts and
 * that case are fetched again (useLiveCases). A slow poll stays as a fallback for a tab whose
 * socket cannot connect (a proxy that blocks WebSocket).
 */
export const LIVE_REFETCH_MS = 60_000;

/** Refetch the unit's inbox, counts and the changed case when the socket says a case changed. */
export function useLiveCases() {
  useRefetchOn('case.changed', (event) => [[...staffCasesKey, 'inbox'], countsKey, caseKey(String(event.data.caseId))]);
}

/** A fresh key per form instance, kept across retries so a double click never creates two. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Twelve digits as YYYYMMDD-NNNN; anything else as it is. */
export function formatIdentity(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

type Localised = Record<Language, string>;

export const statusLabels: Record<CaseStatus, Localised> = {
  received: { sv: 'Inkommet', en: 'Received' },
  assigned: { sv: 'Tilldelat', en: 'Assigned' },
  awaiting_patient: { sv: 'Väntar på patienten', en: 'Awaiting the patient' },
  partially_answered: { sv: 'Delsvar skickat', en: 'Partly answered' },
  closed: { sv: 'Avslutat', en: 'Closed' },
};

/** The standard case types (seed 002) by catalogue code, for the type filter. */
export const standardTypes: { code: string; name: Localised }[] = [
  { code: 'bestall_tid', name: { sv: 'Beställ tid', en: 'Request an appointment' } },
  { code: 'av_omboka_tid', name: { sv: 'Av/omboka tid', en: 'Cancel or rebook' } },
  { code: 'fornya_recept', name: { sv: 'Förnya recept', en: 'Renew a prescription' } },
  { code: 'kontakta_mig', name: { sv: 'Kontakta mig', en: 'Contact me' } },
  { code: 'begar_intyg', name: { sv: 'Begär intyg', en: 'Request a certificate' } },
  { code: 'skicka_meddelande', name: { sv: 'Skicka meddelande', en: 'Send a message' } },
  { code: 'fraga_om_remiss', name: { sv: 'Fråga om min remiss', en: 'Question about my referral' } },
  { code: 'egenremiss', name: { sv: 'Egenremiss', en: 'Self-referral' } },
  { code: 'staff_message', name: { sv: 'Meddelande från mottagningen', en: 'Message from the clinic' } },
  { code: 'own', name: { sv: 'Enhetens egna ärendetyper', en: "The unit's own case types" } },
];

export const outcomeLabels: Record<(typeof closeOutcomes)[number], Localised> = {
  answered: { sv: 'Besvarat', en: 'Answered' },
  appointment_booked: { sv: 'Tid bokad', en: 'Appointment booked' },
  referred: { sv: 'Remitterat', en: 'Referred' },
  prescription_renewed: { sv: 'Recept förnyat', en: 'Prescription renewed' },
  certificate_issued: { sv: 'Intyg utfärdat', en: 'Certificate issued' },
  no_action_needed: { sv: 'Ingen åtgärd behövs', en: 'No action needed' },
  duplicate: { sv: 'Dubblett', en: 'Duplicate' },
  other: { sv: 'Annat', en: 'Other' },
};

export const contactMethodLabels: Record<(typeof contactMethods)[number], Localised> = {
  phone: { sv: 'Telefon', en: 'Phone' },
  video: { sv: 'Videosamtal', en: 'Video call' },
  visit: { sv: 'Besök', en: 'Visit' },
  letter: { sv: 'Brev', en: 'Letter' },
  no_answer: { sv: 'Sökte patienten men fick inget svar', en: 'Tried, could not reach the patient' },
};

type DeadlineState = (typeof deadlineStates)[number];

/** "1 dag 3 tim", "5 tim", "20 min": a span of time in words, rounded down to what matters. */
export function spanInWords(ms: number, language: Language): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const sv = language === 'sv';
  const parts: string[] = [];
  if (days > 0) parts.push(sv ? `${days} ${days === 1 ? 'dag' : 'dagar'}` : `${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours > 0) parts.push(sv ? `${hours} tim` : `${hours} h`);
  if (days === 0 && hours === 0) parts.push(`${minutes % 60} min`);
  return parts.join(' ');
}

/** How the deadline stands, in words (never by colour alone) and a style modifier. */
export function deadlineInWords(deadlineAt: string, state: DeadlineState, now: number, language: Language): { text: string; modifier: 'late' | 'soon' | 'ok' | 'met' } {
  const left = new Date(deadlineAt).getTime() - now;
  const sv = language === 'sv';
  switch (state) {
    case 'met':
      return { text: sv ? 'Besvarat i tid' : 'Answered in time', modifier: 'met' };
    case 'met_late':
      return { text: sv ? 'Besvarat för sent' : 'Answered late', modifier: 'met' };
    case 'late':
      return { text: sv ? `Försenat ${spanInWords(left, language)}` : `Late by ${spanInWords(left, language)}`, modifier: 'late' };
    case 'due_soon':
      return { text: sv ? `Snart: ${spanInWords(left, language)} kvar` : `Soon: ${spanInWords(left, language)} left`, modifier: 'soon' };
    case 'on_time':
      return { text: sv ? `${spanInWords(left, language)} kvar` : `${spanInWords(left, language)} left`, modifier: 'ok' };
  }
}

/** Short date and time in Stockholm: "12 mars 14:05". */
export function formatShort(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/**
 * A deadline falls at midnight, the end of a working day: "24 nov. 24:00" says that day,
 * where "25 nov. 00:00" would look like the next one.
 */
export function formatDeadline(iso: string, language: Language, style: 'short' | 'long' = 'short'): string {
  const at = new Date(iso);
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (time !== '00:00') return style === 'short' ? formatShort(iso, language) : formatLong(at, locale, time, language);
  const dayBefore = new Date(at.getTime() - 60_000);
  return style === 'short'
    ? `${new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'short' }).format(dayBefore)} 24:00`
    : formatLong(dayBefore, locale, '24:00', language);
}

function formatLong(at: Date, locale: string, time: string, language: Language): string {
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  return language === 'sv' ? `${date} kl. ${time}` : `${date} at ${time}`;
}

/** The patient as staff see them in lists and headers: name, number, and the protected-identity marker. */
export function PatientIdentity({ patient, protectedText }: { patient: InboxItem['patient'] | StaffCase['patient']; protectedText: string }) {
  return (
    <>
      <span className="staff-case__patient-name">{patient.name}</span>{' '}
      <span className="staff-case__pnr">{formatIdentity(patient.identityNumber)}</span>
      {patient.protectedIdentity && (
        <>
          {' '}
          <span className="badge badge--danger">{protectedText}</span>
        </>
      )}
    </>
  );
}

/** The deadline with its state in words. */
export function DeadlineText({ deadlineAt, state, now, language }: { deadlineAt: string; state: DeadlineState; now: number; language: Language }) {
  const { text, modifier } = deadlineInWords(deadlineAt, state, now, language);
  return <span className={`staff-deadline staff-deadline--${modifier}`}>{text}</span>;
}
