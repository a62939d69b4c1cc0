import { currentLanguage } from '../i18n/i18n.tsx';

/**
 * The one way the web app talks to the server: JSON in and out, the page's
 * language in Accept-Language, the session's CSRF token on every change, and
 * errors turned into ApiError with the server's code and localised message.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken = '';
/** Set from the session description whenever it is read. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const sessionEndListeners = new Set<Listener>();
/** Called when the server says the session has ended, so the shell can send the user to log in. */
export function onSessionEnded(listener: Listener) {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

let lastRequestAt = Date.now();
/** When the page last called the server on the person's behalf; such calls keep the server session alive, so the idle clock starts here. */
export function lastApiActivity(): number {
  return lastRequestAt;
}

/**
 * Pages refresh themselves (the inbox, a case thread). A refresh made while nobody has
 * touched the page for a minute is sent as a background request: the server does not
 * extend the session for it and it does not reset the idle clock here, so an unattended
 * page still times out (A2, WCAG 2.2.1) while an attended one stays live.
 */
const BACKGROUND_HEADER = 'x-nara-background';
const AWAY_AFTER_MS = 60_000;
let lastInputAt = Date.now();
if (typeof window !== 'undefined') {
  const onInput = () => {
    lastInputAt = Date.now();
  };
  for (const name of ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const) window.addEventListener(name, onInput, { passive: true, capture: true });
}
const personAway = () => Date.now() - lastInputAt > AWAY_AFTER_MS;

/** A body sent as it is, with its own content type (a CSV file), instead of as JSON. */
export type RawBody = { raw: Blob | string; contentType: string };
const isRaw = (body: unknown): body is RawBody => typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const background = method === 'GET' && personAway();
  if (background) headers = { ...headers, [BACKGROUND_HEADER]: '1' };
  else lastRequestAt = Date.now();
  const contentType = body === undefined ? undefined : isRaw(body) ? body.contentType : 'application/json';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': currentLanguage(),
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken || 'none' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isRaw(body) ? body.raw : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? (currentLanguage() === 'sv' ? 'Något gick fel. Försök igen.' : 'Something went wrong. Please try again.'),
      error?.details,
    );
    if (apiError.code === 'session_expired' || (apiError.status === 401 && csrfToken)) {
      for (const listener of sessionEndListeners) listener(apiError);
    }
    throw apiError;
  }
  return parsed as T;
}
