/** Staff professions as shown to people. */
export const professionLabels: Record<string, { sv: string; en: string }> = {
  doctor: { sv: 'Läkare', en: 'Doctor' },
  nurse: { sv: 'Sjuksköterska', en: 'Nurse' },
  district_nurse: { sv: 'Distriktssköterska', en: 'District nurse' },
  home_care_nurse: { sv: 'Sjuksköterska i hemsjukvården', en: 'Home care nurse' },
  school_nurse: { sv: 'Skolsköterska', en: 'School nurse' },
  midwife: { sv: 'Barnmorska', en: 'Midwife' },
  psychologist: { sv: 'Psykolog', en: 'Psychologist' },
  physiotherapist: { sv: 'Fysioterapeut', en: 'Physiotherapist' },
  dentist: { sv: 'Tandläkare', en: 'Dentist' },
  receptionist: { sv: 'Receptionist', en: 'Receptionist' },
  administrator: { sv: 'Administratör', en: 'Administrator' },
};

export function professionLabel(profession: string, language: 'sv' | 'en'): string {
  return professionLabels[profession]?.[language] ?? profession;
}
