import { careUnitKinds, type CareUnitKind } from '../../../platform/organisations/model.ts';
import { careOfferingCodes, type CareOffering } from '../model.ts';

/**
 * The search as it is kept in the page's address, in Swedish (?q=&typ=&vard=&etjanst=&oppet=ja),
 * so a search can be shared and Back works. Unknown values are ignored. The position is never here.
 */

/** The e-services a citizen may look for, by the catalogue's codes (content/e-services/catalogue.json). */
export const eserviceChoices = {
  fornya_recept: { sv: 'Förnya recept digitalt', en: 'Renew a prescription online' },
  bestall_tid: { sv: 'Beställa tid digitalt', en: 'Request an appointment online' },
  webbtidbok: { sv: 'Boka tid direkt', en: 'Book an appointment directly' },
  av_omboka_tid: { sv: 'Av- eller omboka tid', en: 'Cancel or rebook an appointment' },
  kontakta_mig: { sv: 'Bli kontaktad av mottagningen', en: 'Be contacted by the clinic' },
  skicka_meddelande: { sv: 'Skicka ett meddelande', en: 'Send a message' },
  begar_intyg: { sv: 'Begära intyg', en: 'Request a certificate' },
  fraga_om_remiss: { sv: 'Fråga om min remiss', en: 'Ask about my referral' },
  egenremiss: { sv: 'Skicka egenremiss', en: 'Send a self-referral' },
  chatt: { sv: 'Chatta med vården', en: 'Chat with care staff' },
  videomote: { sv: 'Ha videomöte', en: 'Have a video meeting' },
} as const;
export type EserviceChoice = keyof typeof eserviceChoices;

export const PARAM = { q: 'q', kind: 'typ', care: 'vard', eservice: 'etjanst', openNow: 'oppet' } as const;

export function isKind(value: string | null): value is CareUnitKind {
  return value !== null && (careUnitKinds as readonly string[]).includes(value);
}
export function isCare(value: string | null): value is CareOffering {
  return value !== null && (careOfferingCodes as string[]).includes(value);
}
export function isEservice(value: string | null): value is EserviceChoice {
  return value !== null && value in eserviceChoices;
}
