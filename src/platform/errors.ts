/**
 * One error vocabulary for the whole server. A service throws an AppError with a
 * stable code; the error handler turns it into { error: { code, message } } in the
 * language the client asked for. Codes never change meaning once published.
 */
export type LocalisedMessage = { sv: string; en: string };

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: LocalisedMessage;
  readonly details: unknown;

  constructor(code: string, status: number, messages: LocalisedMessage, details?: unknown) {
    super(messages.en);
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.details = details;
  }
}

export const errors = {
  unauthenticated: () =>
    new AppError('unauthenticated', 401, {
      sv: 'Du behöver logga in.',
      en: 'You need to log in.',
    }),
  sessionExpired: () =>
    new AppError('session_expired', 401, {
      sv: 'Du har loggats ut eftersom du varit inaktiv en stund. Logga in igen.',
      en: 'You have been logged out after a period of inactivity. Please log in again.',
    }),
  forbidden: (messages?: LocalisedMessage) =>
    new AppError(
      'forbidden',
      403,
      messages ?? { sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
    ),
  noCareRelation: () =>
    new AppError('no_care_relation', 403, {
      sv: 'Du har ingen vårdrelation med patienten vid den här enheten.',
      en: 'You have no care relation with this patient at this unit.',
    }),
  csrf: () =>
    new AppError('csrf_token_invalid', 403, {
      sv: 'Begäran saknar giltig säkerhetstoken. Ladda om sidan och försök igen.',
      en: 'The request lacks a valid security token. Reload the page and try again.',
    }),
  notFound: (what: LocalisedMessage = { sv: 'Det du söker finns inte.', en: 'What you are looking for does not exist.' }) =>
    new AppError('not_found', 404, what),
  demoDisabled: () =>
    new AppError('demo_mode_disabled', 404, {
      sv: 'Demoinloggning finns bara i demoläge.',
      en: 'Demo login is only available in demo mode.',
    }),
};

export type Language = 'sv' | 'en';

/** Swedish unless the client prefers English. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'sv';
  const preferred = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.split('=')[1]) : 1 };
    })
    // q=0 means "not acceptable" (RFC 9110 §12.4.2); an unreadable weight is ignored too.
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    if (tag.startsWith('sv')) return 'sv';
    if (tag.startsWith('en')) return 'en';
  }
  return 'sv';
}
