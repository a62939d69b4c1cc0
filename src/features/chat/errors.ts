import { AppError } from '../../platform/errors.ts';

/** The chat feature's errors: stable codes, Swedish and English messages. */
export const chatErrors = {
  unitNotFound: () => new AppError('unit_not_found', 404, { sv: 'Mottagningen finns inte.', en: 'The clinic does not exist.' }),
  chatNotFound: () => new AppError('chat_not_found', 404, { sv: 'Chatten finns inte.', en: 'The chat does not exist.' }),
  notOffered: () =>
    new AppError('chat_not_offered', 422, {
      sv: 'Mottagningen har ingen chatt i Nära. Skicka ett ärende eller ring mottagningen. Vid akuta besvär ring 1177, vid livshotande tillstånd 112.',
      en: 'The clinic has no chat in Nära. Send a case or call the clinic. For urgent problems call 1177; in a life-threatening emergency 112.',
    }),
  closed: (opensAt: Date | null) =>
    new AppError(
      'chat_closed',
      409,
      {
        sv: 'Chatten är stängd just nu. Skicka ett ärende i stället, eller kom tillbaka när chatten öppnar. Vid akuta besvär ring 1177, vid livshotande tillstånd 112.',
        en: 'The chat is closed now. Send a case instead, or come back when the chat opens. For urgent problems call 1177; in a life-threatening emergency 112.',
      },
      { opensAt: opensAt?.toISOString() ?? null },
    ),
  noActiveUnit: () => new AppError('no_active_unit', 403, { sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' }),
  notChatStaff: () =>
    new AppError('forbidden', 403, {
      sv: 'Chatten besvaras av vårdpersonal och receptionister på enheten.',
      en: 'The chat is answered by the unit’s clinicians and receptionists.',
    }),
  notUnitAdministrator: () =>
    new AppError('forbidden', 403, { sv: 'Du behöver vara administratör för enheten du arbetar på.', en: 'You need to be an administrator of the unit you are working at.' }),
  queueEmpty: () => new AppError('chat_queue_empty', 409, { sv: 'Ingen väntar i kön.', en: 'Nobody is waiting in the queue.' }),
  notLive: () => new AppError('chat_ended', 409, { sv: 'Chatten är avslutad.', en: 'The chat has ended.' }),
  notActive: () =>
    new AppError('chat_not_active', 409, { sv: 'Chatten har inte börjat än: ingen i vården har tagit den.', en: 'The chat has not started yet: nobody in care has taken it.' }),
  notQueued: () =>
    new AppError('chat_not_queued', 409, {
      sv: 'Chatten har redan börjat. Vårdpersonalen avslutar den när ni är klara.',
      en: 'The chat has already started. The staff end it when you are done.',
    }),
  notParticipant: () =>
    new AppError('not_in_chat', 403, { sv: 'Du är inte med i chatten.', en: 'You are not in the chat.' }),
  colleagueNotAtUnit: () =>
    new AppError('colleague_not_at_unit', 422, { sv: 'Personen arbetar inte med chatten på enheten.', en: 'That person does not handle the chat at the unit.' }),
  triageExpired: () =>
    new AppError('triage_summary_expired', 422, {
      sv: 'Bedömningen från Sök vård finns inte längre (den sparas i två timmar). Starta chatten utan den, eller gör om bedömningen.',
      en: 'The Sök vård assessment is no longer available (it is kept for two hours). Start the chat without it, or do the assessment again.',
    }),
  alreadyInChat: () => new AppError('already_in_chat', 409, { sv: 'Personen är redan med i chatten.', en: 'That person is already in the chat.' }),
};
