import type { Channel, OnlineBookers } from '../../model.ts';

/** Words the administrator's pages share, in Swedish and English. */
export const channelWords: Record<Channel, { sv: string; en: string }> = {
  at_unit: { sv: 'Besök på mottagningen', en: 'Visit at the clinic' },
  video: { sv: 'Videobesök', en: 'Video visit' },
  phone: { sv: 'Telefon', en: 'Phone' },
};

export const bookerWords: Record<OnlineBookers, { sv: string; en: string }> = {
  nobody: { sv: 'Ingen – bara personalen bokar', en: 'Nobody – staff book only' },
  listed: { sv: 'Patienter listade på enheten', en: 'Patients listed at the unit' },
  anyone: { sv: 'Alla patienter', en: 'All patients' },
};

export const weekdayWords = {
  sv: { 1: 'Måndag', 2: 'Tisdag', 3: 'Onsdag', 4: 'Torsdag', 5: 'Fredag', 6: 'Lördag', 7: 'Söndag' },
  en: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' },
} as const;
