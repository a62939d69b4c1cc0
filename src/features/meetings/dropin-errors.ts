import { AppError } from '../../platform/errors.ts';

/** Drop-in via video (E6): stable codes, Swedish and English messages. */
export const dropinErrors = {
  unitNotFound: () => new AppError('unit_not_found', 404, { sv: 'Mottagningen finns inte.', en: 'The clinic does not exist.' }),
  notOffered: () =>
    new AppError('dropin_not_offered', 409, { sv: 'Mottagningen har inte drop-in via video.', en: 'The clinic does not offer drop-in by video.' }),
  closed: () => new AppError('dropin_closed', 409, { sv: 'Drop-in via video är stängd just nu.', en: 'Drop-in by video is closed right now.' }),
  notForYou: () =>
    new AppError('dropin_not_for_patient', 409, {
      sv: 'Mottagningens drop-in via video gäller inte dig. Kontakta mottagningen på annat sätt.',
      en: 'The clinic’s drop-in by video is not open to you. Contact the clinic another way.',
    }),
  notFound: () => new AppError('dropin_not_found', 404, { sv: 'Platsen i kön finns inte.', en: 'The place in the queue does not exist.' }),
  queueEmpty: () => new AppError('dropin_queue_empty', 409, { sv: 'Ingen väntar i kön.', en: 'Nobody is waiting in the queue.' }),
};
