/**
 * The user messages BankID recommends (RP guidelines, "Recommended user messages",
 * RFA1–RFA23), and which one to show for each collect state and error code.
 * Texts are Swedish then English, as the rest of Nära's texts.
 */
export type Texts = { sv: string; en: string };

export const rfaMessages = {
  RFA1: { sv: 'Starta BankID-appen.', en: 'Start your BankID app.' },
  RFA2: { sv: 'Du har inte BankID-appen installerad. Kontakta din bank.', en: 'The BankID app is not installed. Please contact your bank.' },
  RFA3: { sv: 'Åtgärden avbruten. Försök igen.', en: 'Action cancelled. Please try again.' },
  RFA4: {
    sv: 'En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.',
    en: 'An identification or signing for this personal number is already started. Please try again.',
  },
  RFA5: { sv: 'Internt tekniskt fel. Försök igen.', en: 'Internal error. Please try again.' },
  RFA6: { sv: 'Åtgärden avbruten.', en: 'Action cancelled.' },
  RFA8: {
    sv: 'BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Om du inte har något giltigt BankID kan du skaffa ett hos din bank. Försök sedan igen.',
    en: "The BankID app is not responding. Please check that it's started and that you have internet access. If you don't have a valid BankID you can get one from your bank. Try again.",
  },
  RFA9: {
    sv: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
    en: 'Enter your security code in the BankID app and select Identify or Sign.',
  },
  RFA13: { sv: 'Försöker starta BankID-appen.', en: 'Trying to start your BankID app.' },
  'RFA14-A': {
    sv: 'Söker efter BankID, det kan ta en liten stund … Om det har gått några sekunder och inget BankID har hittats har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften i den här datorn. Om du har ett BankID-kort, sätt in det i kortläsaren. Om du inte har något BankID kan du skaffa ett hos din bank. Om du har ett BankID på en annan enhet kan du starta din BankID-app där.',
    en: "Searching for BankID, it may take a little while … If a few seconds have passed and still no BankID has been found, you probably don't have a BankID which can be used for this identification/signing on this computer. If you have a BankID card, please insert it into your card reader. If you don't have a BankID you can get one from your bank. If you have a BankID on another device you can start the BankID app on that device.",
  },
  'RFA14-B': {
    sv: 'Söker efter BankID, det kan ta en liten stund … Om det har gått några sekunder och inget BankID har hittats har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften i den här enheten. Om du inte har något BankID kan du skaffa ett hos din bank. Om du har ett BankID på en annan enhet kan du starta din BankID-app där.',
    en: "Searching for BankID, it may take a little while … If a few seconds have passed and still no BankID has been found, you probably don't have a BankID which can be used for this identification/signing on this device. If you don't have a BankID you can get one from your bank. If you have a BankID on another device you can start the BankID app on that device.",
  },
  RFA16: {
    sv: 'Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.',
    en: 'The BankID you are trying to use is blocked or too old. Please use another BankID or get a new one from your bank.',
  },
  'RFA17-A': {
    sv: 'BankID-appen verkar inte finnas i din dator eller telefon. Installera den och skaffa ett BankID hos din bank. Installera appen från din appbutik eller https://install.bankid.com.',
    en: "The BankID app couldn't be found on your computer or mobile device. Please install it and get a BankID from your bank. Install the app from your app store or https://install.bankid.com.",
  },
  'RFA17-B': {
    sv: 'Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden. Kontrollera att BankID-appen är uppdaterad. Om du inte har BankID-appen måste du installera den och skaffa ett BankID hos din bank. Installera appen från din appbutik eller https://install.bankid.com.',
    en: "Failed to scan the QR code. Start the BankID app and scan the QR code. Check that the BankID app is up to date. If you don't have the BankID app, you need to install it and get a BankID from your bank. Install the app from your app store or https://install.bankid.com.",
  },
  RFA18: { sv: 'Starta BankID-appen.', en: 'Start the BankID app.' },
  RFA19: {
    sv: 'Vill du identifiera dig eller skriva under med BankID på den här datorn eller med ett Mobilt BankID?',
    en: 'Would you like to identify yourself or sign with a BankID on this computer, or with a Mobile BankID?',
  },
  RFA20: {
    sv: 'Vill du identifiera dig eller skriva under med ett BankID på den här enheten eller med ett BankID på en annan enhet?',
    en: 'Would you like to identify yourself or sign with a BankID on this device or with a BankID on another device?',
  },
  RFA21: { sv: 'Identifiering eller underskrift pågår.', en: 'Identification or signing in progress.' },
  RFA22: { sv: 'Okänt fel. Försök igen.', en: 'Unknown error. Please try again.' },
  RFA23: {
    sv: 'Fotografera och granska dina ID-handlingar med BankID-appen.',
    en: 'Process your machine-readable travel document using the BankID app.',
  },
} as const satisfies Record<string, Texts>;

export type RfaCode = keyof typeof rfaMessages;

/** How the order was started: QR code on another device, or autostart on this device. */
export type StartMethod = 'qr' | 'autostart';

export type CollectOutcome =
  | { status: 'pending'; hintCode?: string }
  | { status: 'failed'; hintCode?: string }
  | { status: 'complete' };

/** The message to show while collecting, per the table of BankID's guidelines. */
export function rfaForCollect(outcome: CollectOutcome, method: StartMethod): RfaCode {
  if (outcome.status === 'complete') return 'RFA21';
  const hint = outcome.hintCode;
  if (outcome.status === 'pending') {
    switch (hint) {
      case 'outstandingTransaction':
      case 'noClient':
        return method === 'autostart' ? 'RFA13' : 'RFA1';
      case 'started':
        return method === 'autostart' ? 'RFA14-B' : 'RFA14-A';
      case 'userMrtd':
        return 'RFA23';
      case 'userSign':
        return 'RFA9';
      default:
        return 'RFA21';
    }
  }
  switch (hint) {
    case 'expiredTransaction':
      return 'RFA8';
    case 'certificateErr':
      return 'RFA16';
    case 'userCancel':
      return 'RFA6';
    case 'cancelled':
      return 'RFA3';
    case 'startFailed':
      return method === 'qr' ? 'RFA17-B' : 'RFA17-A';
    case 'notSupportedByUserApp':
      return 'RFA3';
    default:
      return 'RFA22';
  }
}

/** The message for an error response of the RP API (HTTP 4xx/5xx with an errorCode). */
export function rfaForError(errorCode: string | undefined): RfaCode {
  switch (errorCode) {
    case 'alreadyInProgress':
      return 'RFA4';
    case 'requestTimeout':
    case 'maintenance':
    case 'internalError':
      return 'RFA5';
    default:
      return 'RFA22';
  }
}

export const bankIdHintCodes = {
  pending: ['outstandingTransaction', 'noClient', 'started', 'userMrtd', 'userCallConfirm', 'userSign'],
  failed: ['expiredTransaction', 'certificateErr', 'userCancel', 'cancelled', 'startFailed', 'userDeclinedCall', 'notSupportedByUserApp'],
} as const;
