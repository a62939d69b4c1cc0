import { useTexts, type Texts } from '../../../web/i18n/i18n.tsx';
import type { InterpretationKind } from '../invitation-model.ts';
import type { IdentificationKind, MeetingKind, MeetingStatus, ParticipantRole } from '../model.ts';

/** Names of the meetings' kinds, roles and states, in Swedish and English. */

export const kindLabels: Texts<Record<MeetingKind, string>> = {
  sv: { patient_care: 'Patient och vård', care_care: 'Mellan vårdgivare', care_planning: 'Samordnad vårdplanering', authority: 'Med annan myndighet', education: 'Utbildning' },
  en: { patient_care: 'Patient and care', care_care: 'Between care providers', care_planning: 'Coordinated care planning', authority: 'With another authority', education: 'Education' },
};

export const roleLabels: Texts<Record<ParticipantRole, string>> = {
  sv: { host: 'Värd', patient: 'Patient', relative: 'Anhörig', interpreter: 'Tolk', care_provider: 'Vårdpersonal', social_services: 'Socialtjänst', other: 'Övrig' },
  en: { host: 'Host', patient: 'Patient', relative: 'Relative', interpreter: 'Interpreter', care_provider: 'Care staff', social_services: 'Social services', other: 'Other' },
};

export const statusLabels: Texts<Record<MeetingStatus, string>> = {
  sv: { scheduled: 'Inte startat', open: 'Pågår', ended: 'Avslutat' },
  en: { scheduled: 'Not started', open: 'In progress', ended: 'Ended' },
};

export const identificationLabels: Texts<Record<IdentificationKind, string>> = {
  sv: { strong_eid: 'E-legitimation (BankID)', id_on_camera: 'Visa legitimation i kameran' },
  en: { strong_eid: 'Electronic ID (BankID)', id_on_camera: 'Show ID on camera' },
};

/** "14:05": a time of day in Stockholm. */
export function formatTime(iso: string, language: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(new Date(iso));
}

/** "12 min" / "1 h 5 min" for the meeting record. */
export function formatDuration(seconds: number, language: 'sv' | 'en'): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return language === 'sv' ? 'under en minut' : 'under a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const interpretationLabels: Texts<Record<InterpretationKind, string>> = {
  sv: { spoken: 'talat språk', sign_language: 'teckenspråk', deafblind: 'dövblindtolkning' },
  en: { spoken: 'spoken language', sign_language: 'sign language', deafblind: 'deafblind interpreting' },
};

/** "Tolk (arabiska)", "Tolk (teckenspråk)", "Anhörig": a role as the participant list and the record show it. */
export function useRoleText(): (person: { role: ParticipantRole; interpretation: InterpretationKind | null; language: string | null }) => string {
  const roles = useTexts(roleLabels);
  const interpretations = useTexts(interpretationLabels);
  return (person) => {
    if (person.role !== 'interpreter' || !person.interpretation) return roles[person.role];
    return `${roles.interpreter} (${person.interpretation === 'spoken' && person.language ? person.language : interpretations[person.interpretation]})`;
  };
}
