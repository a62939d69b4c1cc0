import { AppError } from '../../platform/errors.ts';
import type { TemplateProblem } from './template-rules.ts';

/** The unit administrator's errors (besides the shared ones in errors.ts): stable codes, Swedish and English messages. */
export const adminErrors = {
  templateInvalid: (problems: TemplateProblem[]) =>
    new AppError(
      'schedule_template_invalid',
      400,
      { sv: 'Schemat har fel. Rätta de markerade fälten och spara igen.', en: 'The schedule has errors. Correct the marked fields and save again.' },
      { problems },
    ),
  visitTypesNotAtUnit: (ids: string[]) =>
    new AppError(
      'visit_type_not_at_unit',
      422,
      { sv: 'Någon av besökstyperna finns inte på enheten eller har tagits ur bruk.', en: 'One of the visit types is not at the unit or has been retired.' },
      { ids },
    ),
  visitTypeNameTaken: () =>
    new AppError('visit_type_name_taken', 409, {
      sv: 'Enheten har redan en besökstyp i bruk med det namnet.',
      en: 'The unit already has a visit type in use with that name.',
    }),
  visitTypeRetired: () =>
    new AppError('visit_type_retired', 409, {
      sv: 'Besökstypen är tagen ur bruk. Återaktivera den först.',
      en: 'The visit type has been retired. Reactivate it first.',
    }),
  staffNotAtUnit: () =>
    new AppError('staff_not_at_unit', 422, { sv: 'Personen arbetar inte på enheten.', en: 'That person does not work at the unit.' }),
  scheduleExists: () =>
    new AppError('schedule_exists', 409, {
      sv: 'Personen har redan ett schema på enheten. Ändra det i stället.',
      en: 'That person already has a schedule at the unit. Edit it instead.',
    }),
  roomNameTaken: () =>
    new AppError('room_name_taken', 409, { sv: 'Enheten har redan ett rum med det namnet.', en: 'The unit already has a room with that name.' }),
  roomNameOnStaffSchedule: () =>
    new AppError('room_name_not_allowed', 422, {
      sv: 'Bara ett rum kan byta namn; en persons schema heter som personen.',
      en: 'Only a room can be renamed; a person’s schedule carries their name.',
    }),
};
