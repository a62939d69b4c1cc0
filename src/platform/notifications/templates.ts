/**
 * The fixed texts of the notifications, per template code. They say only that something new
 * waits in Nära: never a name, a case type, a unit or any medical content, because an e-mail
 * or SMS may be read by someone else (a shared inbox, a lock screen). The one thing filled in
 * is the address of Nära itself ({url}). Swedish first, then English, in the same message.
 */
export const templateCodes = ['new_message', 'measurement_reminder'] as const;
export type TemplateCode = (typeof templateCodes)[number];
export type Channel = 'email' | 'sms';

type TemplateTexts = { emailSubject: string; emailBody: string; sms: string };

/** The raw texts; {url} is the only placeholder. */
export const templateTexts: Record<TemplateCode, TemplateTexts> = {
  new_message: {
    emailSubject: 'Nytt meddelande i Nära / New message in Nära',
    emailBody: [
      'Hej!',
      '',
      'Du har ett nytt meddelande i Nära. Logga in på {url} för att läsa det.',
      '',
      'Du kan inte svara på det här e-postmeddelandet. Vill du inte längre få aviseringar kan du ändra det under Aviseringar när du har loggat in.',
      '',
      '----',
      '',
      'Hello,',
      '',
      'You have a new message in Nära. Log in at {url} to read it.',
      '',
      'You cannot reply to this e-mail. If you no longer want notifications, you can change that under Notifications once you have logged in.',
    ].join('\n'),
    sms: 'Du har ett nytt meddelande i Nära. Logga in på {url} för att läsa det. / You have a new message in Nära. Log in at {url} to read it.',
  },
  // Self-monitoring: something is due today. Says only that there is a reminder, not what to measure.
  measurement_reminder: {
    emailSubject: 'Påminnelse från Nära / Reminder from Nära',
    emailBody: [
      'Hej!',
      '',
      'Du har en påminnelse i Nära. Logga in på {url} för att se den.',
      '',
      'Du kan inte svara på det här e-postmeddelandet. Vill du inte längre få aviseringar kan du ändra det under Aviseringar när du har loggat in.',
      '',
      '----',
      '',
      'Hello,',
      '',
      'You have a reminder in Nära. Log in at {url} to see it.',
      '',
      'You cannot reply to this e-mail. If you no longer want notifications, you can change that under Notifications once you have logged in.',
    ].join('\n'),
    sms: 'Du har en påminnelse i Nära. Logga in på {url} för att se den. / You have a reminder in Nära. Log in at {url} to see it.',
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

function fill(text: string, url: string): string {
  return text.replaceAll('{url}', url);
}

/**
 * The text to send. Deliberately takes nothing but the public address: there is no way to
 * put patient data into a notification through this function.
 */
export function renderNotification(template: TemplateCode, channel: Channel, options: { publicUrl: string }): RenderedNotification {
  const texts = templateTexts[template];
  const url = linkOf(options.publicUrl);
  return channel === 'email' ? { subject: fill(texts.emailSubject, url), text: fill(texts.emailBody, url) } : { subject: null, text: fill(texts.sms, url) };
}

export function isTemplateCode(value: string): value is TemplateCode {
  return (templateCodes as readonly string[]).includes(value);
}
