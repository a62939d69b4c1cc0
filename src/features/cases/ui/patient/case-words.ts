import type { CaseStatus } from '../../model.ts';
import type { EventKind } from '../../contract.ts';
import type { StandardType } from './form-model.ts';

/**
 * The words of the patient's case pages that more than one page uses: each standard form
 * field's question, hint and options (the form asks them, the case page shows the answers
 * under the same questions), and statuses in words.
 */

type FieldWords = { label: string; hint?: string; options?: Record<string, string> };
type Words = {
  fields: Record<StandardType, Record<string, FieldWords>>;
  status: Record<CaseStatus, string>;
  events: Record<EventKind, string>;
  yes: string;
  no: string;
};

const sv: Words = {
  fields: {
    bestall_tid: {
      reason: { label: 'Vad gäller det?', hint: 'Berätta kort varför du vill ha en tid, så att mottagningen kan ge dig rätt tid hos rätt person.' },
      preferredTimes: { label: 'Vilka dagar och tider passar dig? (frivilligt)', hint: 'Till exempel: tisdagar och torsdagar, eller efter klockan 15.' },
      withWhom: {
        label: 'Vem vill du träffa?',
        options: { no_preference: 'Ingen preferens', doctor: 'Läkare', nurse: 'Sjuksköterska', other: 'Annan' },
      },
      withWhomDetail: { label: 'Någon särskild? (frivilligt)', hint: 'Till exempel namnet på din läkare, eller vilken yrkesgrupp om du valde Annan.' },
    },
    av_omboka_tid: {
      action: { label: 'Vill du avboka eller omboka tiden?', options: { cancel: 'Avboka tiden', rebook: 'Omboka till en annan tid' } },
      appointmentDescription: { label: 'Vilken tid gäller det?', hint: 'Skriv dag, datum och klockslag, och gärna vem du ska träffa. Till exempel: tisdag 3 mars kl 10.00 hos sjuksköterskan.' },
      preferredTimes: { label: 'Vilka nya tider passar dig? (frivilligt)', hint: 'Till exempel: förmiddagar nästa vecka.' },
      message: { label: 'Något mer du vill säga? (frivilligt)' },
    },
    fornya_recept: {
      medicine: { label: 'Vilket läkemedel vill du förnya?', hint: 'Skriv läkemedlets namn och styrka, till exempel Levaxin 50 mikrogram.' },
      message: { label: 'Något mer du vill säga? (frivilligt)' },
    },
    kontakta_mig: {
      reason: { label: 'Vad vill du att mottagningen kontaktar dig om?' },
      channel: { label: 'Hur vill du bli kontaktad?', options: { phone: 'Telefon', video: 'Videomöte', message: 'Meddelande i Nära' } },
      phoneNumber: { label: 'Vilket telefonnummer ska mottagningen ringa?', hint: 'Till exempel 070-123 45 67.' },
      when: { label: 'När passar det bäst?', options: { morning: 'Förmiddag', afternoon: 'Eftermiddag', any: 'När som helst' } },
    },
    begar_intyg: {
      certificate: { label: 'Vilket intyg gäller det?' },
      kind: { label: 'Är det ett nytt intyg eller en förnyelse?', options: { new: 'Nytt intyg', renewal: 'Förnyelse av ett intyg jag har' } },
      message: { label: 'Meddelande (frivilligt)', hint: 'Till exempel vad intyget ska användas till.' },
    },
    skicka_meddelande: {
      message: { label: 'Ditt meddelande', hint: 'Ett kort meddelande, till exempel inför ett besök.' },
    },
    fraga_om_remiss: {
      unitRole: {
        label: 'Har mottagningen skickat remissen eller tagit emot den?',
        options: { sender: 'Mottagningen har skickat remissen', receiver: 'Mottagningen har tagit emot remissen' },
      },
      referral: { label: 'Vilken remiss gäller det?', hint: 'Till exempel: remiss till ortopeden, skickad i januari.' },
      question: { label: 'Din fråga' },
    },
    egenremiss: {
      complaint: { label: 'Vilka besvär söker du för?', hint: 'Beskriv dina besvär så utförligt du kan, så att mottagningen kan bedöma ditt vårdbehov.' },
      duration: { label: 'Hur länge har du haft besvären?', hint: 'Till exempel: sedan i höstas, eller i tre veckor.' },
      previousCare: { label: 'Har du sökt vård för besvären tidigare? Var och när? (frivilligt)' },
      medication: { label: 'Tar du några läkemedel? Vilka? (frivilligt)' },
      expectation: { label: 'Vad hoppas du att mottagningen kan hjälpa dig med? (frivilligt)' },
    },
  },
  status: {
    received: 'Mottaget',
    assigned: 'Handläggs',
    awaiting_patient: 'Väntar på ditt svar',
    partially_answered: 'Delsvar',
    closed: 'Avslutat',
  },
  events: {
    request: 'Ärendet skickades',
    patient_reply: 'Meddelande till mottagningen',
    counter_question: 'Fråga från mottagningen',
    partial_answer: 'Delsvar',
    final_answer: 'Svar',
    acknowledged: 'Mottagningen har tagit emot ditt meddelande',
    contact_recorded: 'Mottagningen har kontaktat dig',
    staff_message: 'Meddelande från mottagningen',
    chat_message: 'Chatt',
    triage: 'Din bedömning i Sök vård',
    assigned: 'Ärendet handläggs',
    forwarded: 'Ärendet skickades vidare',
    closed: 'Ärendet avslutades',
  },
  yes: 'Ja',
  no: 'Nej',
};

const en: Words = {
  fields: {
    bestall_tid: {
      reason: { label: 'What is it about?', hint: 'Say briefly why you want an appointment, so the clinic can give you the right time with the right person.' },
      preferredTimes: { label: 'Which days and times suit you? (optional)', hint: 'For example: Tuesdays and Thursdays, or after 3 pm.' },
      withWhom: { label: 'Whom do you want to see?', options: { no_preference: 'No preference', doctor: 'Doctor', nurse: 'Nurse', other: 'Other' } },
      withWhomDetail: { label: 'Anyone in particular? (optional)', hint: 'For example the name of your doctor, or which profession if you chose Other.' },
    },
    av_omboka_tid: {
      action: { label: 'Do you want to cancel or rebook the appointment?', options: { cancel: 'Cancel the appointment', rebook: 'Rebook to another time' } },
      appointmentDescription: { label: 'Which appointment is it?', hint: 'Write day, date and time, and whom you are to see. For example: Tuesday 3 March at 10.00 with the nurse.' },
      preferredTimes: { label: 'Which new times suit you? (optional)', hint: 'For example: mornings next week.' },
      message: { label: 'Anything else? (optional)' },
    },
    fornya_recept: {
      medicine: { label: 'Which medicine do you want renewed?', hint: 'Write its name and strength, for example Levaxin 50 micrograms.' },
      message: { label: 'Anything else? (optional)' },
    },
    kontakta_mig: {
      reason: { label: 'What do you want the clinic to contact you about?' },
      channel: { label: 'How do you want to be contacted?', options: { phone: 'Phone', video: 'Video meeting', message: 'Message in Nära' } },
      phoneNumber: { label: 'Which phone number should the clinic call?', hint: 'For example 070-123 45 67.' },
      when: { label: 'When suits you best?', options: { morning: 'Morning', afternoon: 'Afternoon', any: 'Any time' } },
    },
    begar_intyg: {
      certificate: { label: 'Which certificate is it?' },
      kind: { label: 'Is it a new certificate or a renewal?', options: { new: 'New certificate', renewal: 'Renewal of a certificate I have' } },
      message: { label: 'Message (optional)', hint: 'For example what the certificate is for.' },
    },
    skicka_meddelande: {
      message: { label: 'Your message', hint: 'A short message, for example before a visit.' },
    },
    fraga_om_remiss: {
      unitRole: {
        label: 'Did the clinic send the referral or receive it?',
        options: { sender: 'The clinic sent the referral', receiver: 'The clinic received the referral' },
      },
      referral: { label: 'Which referral is it?', hint: 'For example: referral to orthopaedics, sent in January.' },
      question: { label: 'Your question' },
    },
    egenremiss: {
      complaint: { label: 'What problems are you seeking care for?', hint: 'Describe your problems as fully as you can, so the clinic can assess your need for care.' },
      duration: { label: 'How long have you had the problems?', hint: 'For example: since the autumn, or for three weeks.' },
      previousCare: { label: 'Have you sought care for them before? Where and when? (optional)' },
      medication: { label: 'Do you take any medicines? Which? (optional)' },
      expectation: { label: 'What do you hope the clinic can help you with? (optional)' },
    },
  },
  status: {
    received: 'Received',
    assigned: 'Being handled',
    awaiting_patient: 'Waiting for your reply',
    partially_answered: 'Partial answer',
    closed: 'Closed',
  },
  events: {
    request: 'The case was sent',
    patient_reply: 'Message to the clinic',
    counter_question: 'Question from the clinic',
    partial_answer: 'Partial answer',
    final_answer: 'Answer',
    acknowledged: 'The clinic has received your message',
    contact_recorded: 'The clinic has contacted you',
    staff_message: 'Message from the clinic',
    chat_message: 'Chat',
    triage: 'Your Sök vård assessment',
    assigned: 'The case is being handled',
    forwarded: 'The case was forwarded',
    closed: 'The case was closed',
  },
  yes: 'Yes',
  no: 'No',
};

export const caseWords = { sv, en };

/** The words of one standard field (the label is the field's name when a new field has no words yet). */
export function fieldWords(words: Words, type: StandardType, name: string): FieldWords {
  return words.fields[type][name] ?? { label: name };
}
