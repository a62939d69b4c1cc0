import { AppError } from '../../platform/errors.ts';
import type { AnswerProblem } from './forms.ts';
import type { Refusal } from './model.ts';

/** The cases feature's errors: stable codes, Swedish and English messages. */
export const caseErrors = {
  caseNotFound: () => new AppError('case_not_found', 404, { sv: 'Ärendet finns inte.', en: 'The case does not exist.' }),
  patientNotFound: () => new AppError('patient_not_found', 404, { sv: 'Patienten finns inte.', en: 'The patient does not exist.' }),
  unitNotFound: () => new AppError('unit_not_found', 404, { sv: 'Mottagningen finns inte.', en: 'The clinic does not exist.' }),
  proxyScope: () =>
    new AppError('proxy_scope_excludes_cases', 403, {
      sv: 'Din fullmakt omfattar inte ärenden för den här personen.',
      en: 'Your power of attorney does not cover cases for this person.',
    }),
  noActiveUnit: () =>
    new AppError('no_active_unit', 403, { sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' }),
  notUnitAdministrator: () =>
    new AppError('forbidden', 403, {
      sv: 'Du behöver vara administratör för enheten du arbetar på.',
      en: 'You need to be an administrator of the unit you are working at.',
    }),
  caseTypeNotOffered: () =>
    new AppError('case_type_not_offered', 422, {
      sv: 'Mottagningen tar inte emot den här typen av ärende från dig i Nära. Ring mottagningen eller välj en annan ärendetyp.',
      en: 'The clinic does not take this kind of case from you in Nära. Call the clinic or choose another case type.',
    }),
  termsChanged: (current: { versionId: string; version: number }) =>
    new AppError(
      'terms_changed',
      409,
      {
        sv: 'Villkoren för tjänsten har ändrats sedan du läste dem. Läs de nya villkoren och godkänn dem igen.',
        en: 'The terms of the service have changed since you read them. Read the new terms and accept them again.',
      },
      current,
    ),
  answersInvalid: (problems: AnswerProblem[]) =>
    new AppError(
      'answers_invalid',
      422,
      { sv: 'Några svar saknas eller är inte giltiga. Kontrollera frågorna och försök igen.', en: 'Some answers are missing or not valid. Check the questions and try again.' },
      { problems },
    ),
  certificateUnknown: () =>
    new AppError('certificate_unknown', 422, {
      sv: 'Mottagningen utfärdar inte det intyget via Nära. Välj ett intyg i listan.',
      en: 'The clinic does not issue that certificate through Nära. Choose one from the list.',
    }),
  phoneRequired: () =>
    new AppError('phone_number_required', 422, {
      sv: 'Ange ett telefonnummer när du vill bli uppringd.',
      en: 'Give a phone number when you want to be called.',
    }),
  appointmentRequired: () =>
    new AppError('appointment_required', 422, {
      sv: 'Ange vilken tid du vill av- eller omboka.',
      en: 'Say which appointment you want to cancel or rebook.',
    }),
  triageExpired: () =>
    new AppError('triage_summary_expired', 422, {
      sv: 'Bedömningen från Sök vård finns inte längre (den sparas i två timmar). Skicka ärendet utan den, eller gör om bedömningen.',
      en: 'The Sök vård assessment is no longer available (it is kept for two hours). Send the case without it, or do the assessment again.',
    }),
  attachmentUnknown: () =>
    new AppError('attachment_unknown', 422, {
      sv: 'En bilaga hittades inte eller är redan skickad. Lägg till filen igen.',
      en: 'An attachment was not found or has already been sent. Add the file again.',
    }),
  fileTooLarge: (max: number) =>
    new AppError('file_too_large', 413, { sv: 'Filen är större än 10 MB. Välj en mindre fil.', en: 'The file is larger than 10 MB. Choose a smaller file.' }, { maxBytes: max }),
  fileTypeNotAllowed: () =>
    new AppError('file_type_not_allowed', 415, {
      sv: 'Filen kan inte bifogas. Du kan bifoga foton (JPEG, PNG, HEIC) och PDF-filer.',
      en: 'The file cannot be attached. You can attach photos (JPEG, PNG, HEIC) and PDF files.',
    }),
  emptyFile: () => new AppError('file_empty', 400, { sv: 'Filen är tom.', en: 'The file is empty.' }),
  colleagueNotAtUnit: () =>
    new AppError('colleague_not_at_unit', 422, { sv: 'Personen arbetar inte på enheten.', en: 'That person does not work at the unit.' }),
  forwardToSameUnit: () =>
    new AppError('forward_to_same_unit', 422, { sv: 'Ärendet finns redan på den enheten.', en: 'The case is already at that unit.' }),
  templateNotFound: () => new AppError('template_not_found', 404, { sv: 'Svarsmallen finns inte.', en: 'The answer template does not exist.' }),
  refused: (refusal: Refusal | 'not_contact_case') => new AppError(refusal === 'case_closed' ? 'case_closed' : `action_not_allowed`, 409, refusalMessages[refusal], { reason: refusal }),
  replyNotOpen: () =>
    new AppError('reply_not_open', 409, {
      sv: 'Du kan inte svara i ärendet just nu. Vill du ta upp något nytt, skicka ett nytt ärende.',
      en: 'You cannot reply in this case now. To raise something new, send a new case.',
    }),
};

const refusalMessages: Record<Refusal | 'not_contact_case', { sv: string; en: string }> = {
  case_closed: { sv: 'Ärendet är avslutat.', en: 'The case is closed.' },
  acknowledge_only: {
    sv: 'Ett meddelande (Skicka meddelande) besvaras inte, det kvitteras bara.',
    en: 'A message (Send a message) is not answered, only acknowledged.',
  },
  not_acknowledge_only: { sv: 'Bara meddelanden kvitteras; besvara ärendet i stället.', en: 'Only messages are acknowledged; answer the case instead.' },
  no_open_question: { sv: 'Det finns ingen fråga till patienten att svara på.', en: 'There is no question to the patient to answer.' },
  reply_used: { sv: 'Patienten har redan svarat en gång.', en: 'The patient has already replied once.' },
  not_for_staff_started: {
    sv: 'I ett ärende som vårdpersonal startat kan patienten svara en gång; motfrågor används inte.',
    en: 'In a case started by staff the patient may reply once; counter-questions are not used.',
  },
  not_contact_case: { sv: 'Kontakt registreras bara på Kontakta mig-ärenden.', en: 'Contact is recorded only on Contact me cases.' },
};
