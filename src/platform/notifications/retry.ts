/**
 * When the outbox tries again, pure. After the n-th failed attempt the next one waits
 * 2^(n-1) minutes (1, 2, 4, 8 … minutes), never more than six hours; after MAX_ATTEMPTS the
 * notification is marked failed and left for an operator to see.
 */
export const MAX_ATTEMPTS = 10;
const MINUTE = 60_000;
export const MAX_RETRY_DELAY_MS = 6 * 60 * MINUTE;

export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
  return Math.min(MINUTE * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

export type AttemptOutcome = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What becomes of a notification whose attempt number `attempts` (1-based) has just failed. */
export function afterFailure(attempts: number, now: Date): AttemptOutcome {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

const LAST_ERROR_MAX = 200;
const EMAIL_PATTERN = /[^\s<>"'@]+@[^\s<>"'@]+/g;
const PHONE_PATTERN = /\+?\d[\d\s-]{6,}\d/g;

/**
 * A short description of a failed attempt for the outbox row and the log: the error's code and
 * first line, with the address and anything that looks like an e-mail address or a phone
 * number removed (an SMTP server's refusal often quotes the recipient).
 */
export function shortError(error: unknown, address?: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  let text = (message.split('\n')[0] ?? '').trim();
  if (address) text = text.split(address).join('[address]');
  text = text.replace(EMAIL_PATTERN, '[address]').replace(PHONE_PATTERN, '[number]');
  const combined = code && !text.startsWith(code) ? `${code}: ${text}` : text;
  return combined.length > LAST_ERROR_MAX ? `${combined.slice(0, LAST_ERROR_MAX - 1)}…` : combined || 'unknown error';
}
