import { AppError } from '../../platform/errors.ts';

/** The meetings feature's errors: stable codes, Swedish and English messages. */
export const meetingErrors = {
  notFound: () => new AppError('meeting_not_found', 404, { sv: 'Mötet finns inte.', en: 'The meeting does not exist.' }),
  noActiveUnit: () => new AppError('no_active_unit', 403, { sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' }),
  notClinician: () =>
    new AppError('forbidden', 403, { sv: 'Videomöten hålls av vårdpersonal på enheten.', en: 'Video meetings are held by the unit’s clinicians.' }),
  notUnitManager: () =>
    new AppError('forbidden', 403, {
      sv: 'Bara enhetens verksamhetschef kan besluta om skärmdelning.',
      en: 'Only the unit’s manager can decide about screen sharing.',
    }),
  notHost: () => new AppError('not_meeting_host', 403, { sv: 'Bara mötets värd kan göra det.', en: 'Only the meeting’s host can do that.' }),
  notAdmitted: () =>
    new AppError('not_admitted', 403, { sv: 'Du är inte insläppt i mötet.', en: 'You have not been let into the meeting.' }),
  ended: () => new AppError('meeting_ended', 409, { sv: 'Mötet är avslutat.', en: 'The meeting has ended.' }),
  removed: () =>
    new AppError('meeting_removed', 409, {
      sv: 'Värden har tagit bort dig från mötet. Kontakta mottagningen om du tror att det blev fel.',
      en: 'The host has removed you from the meeting. Contact the clinic if you think this was a mistake.',
    }),
  full: (max: number) =>
    new AppError('meeting_full', 409, {
      sv: `Mötet har redan ${max} deltagare, det största antalet för ett videomöte.`,
      en: `The meeting already has ${max} participants, the most a video meeting can have.`,
    }),
  participantNotFound: () => new AppError('participant_not_found', 404, { sv: 'Deltagaren finns inte i mötet.', en: 'The participant is not in the meeting.' }),
  notWaiting: () => new AppError('participant_not_waiting', 409, { sv: 'Personen väntar inte längre.', en: 'The person is no longer waiting.' }),
  cannotRemoveHost: () => new AppError('cannot_remove_host', 409, { sv: 'Värden kan inte tas bort. Avsluta mötet i stället.', en: 'The host cannot be removed. End the meeting instead.' }),
  patientRequired: () =>
    new AppError('meeting_patient_required', 422, { sv: 'Ett möte mellan patient och vård behöver en patient.', en: 'A patient–care meeting needs a patient.' }),
  screenSharingNotAllowed: () =>
    new AppError('screen_sharing_not_allowed', 409, {
      sv: 'Skärmdelning är inte tillåten i det här mötet. Verksamhetschefen beslutar om den.',
      en: 'Screen sharing is not allowed in this meeting. The unit’s manager decides about it.',
    }),
  appointmentNotFound: () => new AppError('appointment_not_found', 404, { sv: 'Bokningen finns inte.', en: 'The booking does not exist.' }),
  notVideoAppointment: () =>
    new AppError('appointment_not_video', 409, { sv: 'Bokningen är inte ett videobesök.', en: 'The booking is not a video visit.' }),
  appointmentNotLive: () =>
    new AppError('appointment_not_live', 409, { sv: 'Bokningen är avbokad eller flyttad.', en: 'The booking has been cancelled or moved.' }),
  appointmentHasNoHost: () =>
    new AppError('meeting_not_opened', 409, {
      sv: 'Mötet öppnas när vårdpersonalen startar det. Försök igen om en stund.',
      en: 'The meeting opens when the care staff start it. Try again in a moment.',
    }),
  proxyScope: () =>
    new AppError('forbidden', 403, {
      sv: 'Ditt ombudskap omfattar inte bokade besök.',
      en: 'Your proxy appointment does not cover booked visits.',
    }),
  recipientNotAdmitted: () =>
    new AppError('recipient_not_admitted', 409, { sv: 'Mottagaren är inte med i mötet.', en: 'The recipient is not in the meeting.' }),
  // ---- invitations (E2, E3) ----
  invitationNotFound: () =>
    new AppError('invitation_not_found', 404, { sv: 'Inbjudan finns inte. Kontrollera att hela länken kom med.', en: 'The invitation does not exist. Check that the whole link was copied.' }),
  invitationUnusable: (state: 'used' | 'revoked' | 'expired' | 'meeting_ended') =>
    new AppError(`invitation_${state}`, 409, {
      sv: {
        used: 'Länken har redan använts. Be mötets värd om en ny inbjudan.',
        revoked: 'Inbjudan har dragits tillbaka.',
        expired: 'Inbjudan har gått ut. Be mötets värd om en ny.',
        meeting_ended: 'Mötet är avslutat.',
      }[state],
      en: {
        used: 'The link has already been used. Ask the meeting’s host for a new invitation.',
        revoked: 'The invitation has been withdrawn.',
        expired: 'The invitation has expired. Ask the meeting’s host for a new one.',
        meeting_ended: 'The meeting has ended.',
      }[state],
    }),
  strongEidRequired: () =>
    new AppError('strong_eid_required', 403, {
      sv: 'Mötet kräver att du legitimerar dig med BankID. Logga in med BankID och öppna länken igen.',
      en: 'The meeting requires you to identify yourself with BankID. Log in with BankID and open the link again.',
    }),
  idNotChecked: () =>
    new AppError('id_not_checked', 409, {
      sv: 'Kontrollera legitimationen i kameran och bekräfta det innan du släpper in personen.',
      en: 'Check the ID on camera and confirm it before letting the person in.',
    }),
  notAGuest: () => new AppError('participant_not_guest', 409, { sv: 'Personen är inloggad och legitimerad.', en: 'The person has logged in with an electronic ID.' }),
  invalidMobile: () =>
    new AppError('invalid_mobile', 400, { sv: 'Skriv ett mobilnummer, till exempel 070-123 45 67.', en: 'Enter a mobile number, for example 070-123 45 67.' }),
  guestSessionMissing: () =>
    new AppError('unauthenticated', 401, { sv: 'Öppna inbjudningslänken igen för att delta.', en: 'Open the invitation link again to take part.' }),
};
