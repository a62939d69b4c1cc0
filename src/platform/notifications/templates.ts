import { formatAppointmentTime } from './appointment-time.ts';
import { notificationParamsSchema, type NotificationParams } from './params.ts';

/**
 * The fixed texts of the notifications, per template code. They say only that something new
 * waits in Nära: never a name, a case type, a unit or any medical content, because an e-mail
 * or SMS may be read by someone else (a shared inbox, a lock screen). What is filled in is the
 * address of Nära itself ({url}) and, in the appointment texts, the appointment's date and
 * Stockholm time ({time_sv}, {time_en}) — not where, with whom or what for. Swedish first,
 * then English, in the same message.
 */
export const templateCodes = [
  'new_message',
  'measurement_reminder',
  'appointment_booked',
  'appointment_changed',
  'appointment_cancelled',
  'appointment_reminder',
  'meeting_invitation',
] as const;
export type TemplateCode = (typeof templateCodes)[number];
export type Channel = 'email' | 'sms';

type TemplateTexts = { emailSubject: string; emailBody: string; sms: string };

/** The placeholders a template may hold; {time_sv} and {time_en} need params.startsAt. */
export const placeholders = ['{url}', '{time_sv}', '{time_en}'] as const;

/** An e-mail of one sentence in each language, with the shared greeting and footer. */
function emailOf(sv: string, en: string): string {
  return [
    'Hej!',
    '',
    sv,
    '',
    'Du kan inte svara på det här e-postmeddelandet. Vill du inte längre få aviseringar kan du ändra det under Aviseringar när du har loggat in.',
    '',
    '----',
    '',
    'Hello,',
    '',
    en,
    '',
    'You cannot reply to this e-mail. If you no longer want notifications, you can change that under Notifications once you have logged in.',
  ].join('\n');
}

/** Both languages of an appointment notification; "a time", never "your", since a guardian may get it for a child. */
function appointmentTexts(emailSubject: string, sv: string, en: string): TemplateTexts {
  return { emailSubject, emailBody: emailOf(sv, en), sms: `${sv} / ${en}` };
}

/** The raw texts. */
export const templateTexts: Record<TemplateCode, TemplateTexts> = {
  new_message: {
    emailSubject: 'Nytt meddelande i Nära / New message in Nära',
    emailBody: emailOf('Du har ett nytt meddelande i Nära. Logga in på {url} för att läsa det.', 'You have a new message in Nära. Log in at {url} to read it.'),
    sms: 'Du har ett nytt meddelande i Nära. Logga in på {url} för att läsa det. / You have a new message in Nära. Log in at {url} to read it.',
  },
  // Self-monitoring: something is due today. Says only that there is a reminder, not what to measure.
  measurement_reminder: {
    emailSubject: 'Påminnelse från Nära / Reminder from Nära',
    emailBody: emailOf('Du har en påminnelse i Nära. Logga in på {url} för att se den.', 'You have a reminder in Nära. Log in at {url} to see it.'),
    sms: 'Du har en påminnelse i Nära. Logga in på {url} för att se den. / You have a reminder in Nära. Log in at {url} to see it.',
  },
  // Appointments (D6): the time only, so the recipient knows which booking; the rest is behind the login.
  appointment_booked: appointmentTexts(
    'Bokad tid i Nära / Appointment booked in Nära',
    'En tid har bokats i Nära: {time_sv}. Logga in på {url} för att se den, avboka eller boka om.',
    'An appointment has been booked in Nära: {time_en}. Log in at {url} to see it, cancel or rebook.',
  ),
  appointment_changed: appointmentTexts(
    'Ändrad tid i Nära / Appointment changed in Nära',
    'En bokad tid i Nära har ändrats. Den nya tiden är {time_sv}. Logga in på {url} för att se den.',
    'An appointment in Nära has been changed. The new time is {time_en}. Log in at {url} to see it.',
  ),
  appointment_cancelled: appointmentTexts(
    'Avbokad tid i Nära / Appointment cancelled in Nära',
    'Tiden {time_sv} i Nära är avbokad. Logga in på {url} om du vill boka en ny tid.',
    'The appointment on {time_en} in Nära has been cancelled. Log in at {url} if you want to book a new one.',
  ),
  appointment_reminder: appointmentTexts(
    'Påminnelse om bokad tid i Nära / Appointment reminder from Nära',
    'Påminnelse från Nära: en tid är bokad {time_sv}. Logga in på {url} för att se den eller avboka.',
    'Reminder from Nära: an appointment is booked for {time_en}. Log in at {url} to see it or cancel.',
  ),
  // Issue 8 (E2): someone invited to a video meeting by the host, at an address the host typed
  // (an interpreter, a social worker). {url} is the invitation's own link; nothing about the
  // meeting, the unit or the patient.
  meeting_invitation: {
    emailSubject: 'Inbjudan till videomöte i Nära / Invitation to a video meeting in Nära',
    emailBody: [
      'Hej!',
      '',
      'Du är inbjuden till ett videomöte i Nära {url}',
      '',
      'Länken kan användas en gång. Du kan inte svara på det här e-postmeddelandet.',
      '',
      '----',
      '',
      'Hello,',
      '',
      'You are invited to a video meeting in Nära {url}',
      '',
      'The link can be used once. You cannot reply to this e-mail.',
    ].join('\n'),
    sms: 'Du är inbjuden till ett videomöte i Nära {url} / You are invited to a video meeting in Nära',
  },
};

export type RenderedNotification = {
  /** E-mail only; an SMS has no subject. */
  subject: string | null;
  text: string;
};

/** The address of Nära as it appears in the texts: no trailing slash. */
export function linkOf(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/** A template's texts need a parameter that was not given (a programming error: the row cannot be sent). */
export class MissingNotificationParam extends Error {}

function filler(template: TemplateCode, base: string, params: NotificationParams | null | undefined): (text: string) => string {
  // Checked again here, whatever the caller did: nothing but the schema's fields reaches a text.
  const { startsAt, invitationPath } = notificationParamsSchema.parse(params ?? {});
  const time = startsAt ? formatAppointmentTime(new Date(startsAt)) : null;
  // An invitation's {url} is its own link; without it the text would invite to nothing.
  if (template === 'meeting_invitation' && !invitationPath) throw new MissingNotificationParam('template meeting_invitation needs params.invitationPath');
  if (template !== 'meeting_invitation' && invitationPath) throw new MissingNotificationParam(`template ${template} takes no invitationPath`);
  const url = base + (invitationPath ?? '');
  return (text) => {
    if (!time && text.includes('{time_')) throw new MissingNotificationParam(`template ${template} needs params.startsAt`);
    return text.replaceAll('{url}', url).replaceAll('{time_sv}', time?.sv ?? '').replaceAll('{time_en}', time?.en ?? '');
  };
}

/**
 * The text to send. Takes nothing but the public address and the params, which the schema
 * restricts to an appointment's start time: there is no way to put a name, a unit or medical
 * content into a notification through this function. Throws when the template needs a param
 * that is missing or a param is not allowed.
 */
export function renderNotification(
  template: TemplateCode,
  channel: Channel,
  options: { publicUrl: string; params?: NotificationParams | null },
): RenderedNotification {
  const texts = templateTexts[template];
  const fill = filler(template, linkOf(options.publicUrl), options.params);
  return channel === 'email' ? { subject: fill(texts.emailSubject), text: fill(texts.emailBody) } : { subject: null, text: fill(texts.sms) };
}

export function isTemplateCode(value: string): value is TemplateCode {
  return (templateCodes as readonly string[]).includes(value);
}
