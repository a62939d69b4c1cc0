/**
 * The browser's half of an OpenID Connect login in progress: state, nonce and the PKCE
 * verifier in one short-lived HttpOnly cookie (SameSite=Lax, because the IdP sends the
 * browser back with a cross-site redirect). No server memory, so any process can finish it.
 */
export const OIDC_FLOW_COOKIE = 'nara_oidc';
export const OIDC_FLOW_SECONDS = 600;

export type OidcFlow = { state: string; nonce: string; verifier: string; returnTo: string | null; startedAt: number };

export function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

export function decodeFlow(value: string | undefined, now: Date): OidcFlow | null {
  if (!value || value.length > 2000) return null;
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcFlow>;
    if (typeof flow.state !== 'string' || typeof flow.nonce !== 'string' || typeof flow.verifier !== 'string' || typeof flow.startedAt !== 'number') return null;
    if (now.getTime() - flow.startedAt > OIDC_FLOW_SECONDS * 1000 || flow.startedAt > now.getTime() + 60_000) return null;
    return { state: flow.state, nonce: flow.nonce, verifier: flow.verifier, returnTo: safeReturnTo(flow.returnTo), startedAt: flow.startedAt };
  } catch {
    return null;
  }
}

/** Only our own staff and admin pages; never another site ("//evil.example" or "/\\evil"). */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  return /^\/(arbetsyta|admin)(\/[A-Za-z0-9\-._~%/?=&]*)?$/.test(value) && !value.startsWith('//') ? value : null;
}
