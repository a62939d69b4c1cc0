/**
 * Contact details, pure: shared by the API's validation and the web form. Only Swedish mobile
 * numbers are accepted for SMS (070…, 072…, 073…, 076…, 079… and the like), stored in E.164
 * (+4670…) so that an SMS gateway gets one format.
 */
export const EMAIL_MAX = 254;
export const MOBILE_INPUT_MAX = 30;

/** +467XXXXXXXX for a Swedish mobile number written as 07X…, +467X… or 00467X…, with spaces, hyphens or brackets; null otherwise. */
export function normaliseSwedishMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  let national: string | null = null;
  if (/^07\d{8}$/.test(compact)) national = compact.slice(1);
  else if (/^\+467\d{8}$/.test(compact)) national = compact.slice(3);
  else if (/^00467\d{8}$/.test(compact)) national = compact.slice(4);
  // +46 (0)70…: the bracketed zero is common on business cards; the brackets are gone by now.
  else if (/^\+4607\d{8}$/.test(compact)) national = compact.slice(4);
  return national ? `+46${national}` : null;
}

export function isSwedishMobile(input: string): boolean {
  return normaliseSwedishMobile(input) !== null;
}

/** How a stored number is shown to its owner: 070-123 45 67. */
export function formatSwedishMobile(e164: string): string {
  const match = /^\+46(7\d)(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return match ? `0${match[1]}-${match[2]} ${match[3]} ${match[4]}` : e164;
}

/** E-mail addresses are compared and stored trimmed, with the domain in lower case. */
export function normaliseEmail(input: string): string {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
