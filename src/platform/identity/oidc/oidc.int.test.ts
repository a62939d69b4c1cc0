import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, makeUnit } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { startTestIdp, type TestIdp } from './test-provider.ts';

const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const accounts: Record<string, string> = {};
let idp: TestIdp;
let t: TestApp;

beforeAll(async () => {
  idp = await startTestIdp({ redirectUris: [REDIRECT_URI], accounts });
  t = await createTestApp({
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  // The IdP checks token times against the real clock; so does our client.
  t.clock.set(new Date());
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** A browser's cookie jar for the IdP (paths ignored: the test talks to one IdP only). */
class Jar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Follows the IdP's redirects as a browser would, logging in as `account` on its login page, until it sends us back. */
async function signInAtIdp(authorizationUrl: string, account: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.store(response);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
      expect(await response.text()).toMatch(/Sign-in/);
      body = new URLSearchParams({ prompt: 'login', login: account, password: 'x' });
      continue;
    }
    if (!location) throw new Error(`IdP answered ${response.status} at ${url.pathname}: ${await response.text()}`);
    url = new URL(location, url);
    if (url.href.startsWith(REDIRECT_URI)) return url;
  }
  throw new Error('too many redirects');
}

async function startLogin(query = '') {
  const start = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start${query}` });
  expect(start.statusCode).toBe(302);
  const flowCookie = start.cookies.find((c) => c.name === 'nara_oidc')!;
  expect(flowCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  return { location: start.headers.location as string, cookie: `nara_oidc=${flowCookie.value}` };
}

const callback = (returned: URL, cookie: string) => t.app.inject({ method: 'GET', url: `/api/auth/oidc/callback${returned.search}`, headers: { cookie } });

describe('staff log in with OpenID Connect (authorization code + PKCE) against oidc-provider', () => {
  it('offers SITHS on the login page', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toMatchObject({ siths: true });
  });

  it('asks for the code with PKCE S256, state and nonce', async () => {
    const { location } = await startLogin();
    const url = new URL(location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('maps the HSA-id claim to the staff member and their units, and starts a staff session', async () => {
    const unit = await makeUnit(t.db.db, { name: 'Oidc-enheten' });
    const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], givenName: 'Siri', familyName: 'Sjuksköterska' });
    accounts['siri'] = nurse.hsaId;
    const { location, cookie } = await startLogin('?till=/arbetsyta/arenden');
    const returned = await signInAtIdp(location, 'siri');
    expect(returned.searchParams.get('code')).toBeTruthy();

    const done = await callback(returned, cookie);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/arbetsyta/arenden');
    const session = done.cookies.find((c) => c.name === 'nara_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(done.cookies.find((c) => c.name === 'nara_oidc')?.value).toBe('');
    const described = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `nara_session=${session.value}` } })).json();
    expect(described).toMatchObject({ authenticated: true, kind: 'staff', displayName: 'Siri Sjuksköterska', staff: { activeUnitId: unit.id } });
    expect(described.staff.units).toEqual([expect.objectContaining({ name: 'Oidc-enheten', roles: ['clinician'] })]);

    // The code is single use, and the flow cookie is needed.
    expect((await callback(returned, cookie)).headers.location).toBe('/logga-in?fel=siths_failed');
    expect((await callback(returned, '')).headers.location).toBe('/logga-in?fel=siths_expired');
  });

  it('refuses someone whose HSA-id is not staff here', async () => {
    accounts['stranger'] = 'SE2321000999-UNKNOWN1';
    const { location, cookie } = await startLogin();
    const done = await callback(await signInAtIdp(location, 'stranger'), cookie);
    expect(done.headers.location).toBe('/logga-in?fel=siths_unknown_staff');
    expect(done.cookies.find((c) => c.name === 'nara_session')).toBeUndefined();
  });

  it('refuses a callback whose state does not match the browser’s flow', async () => {
    const unit = await makeUnit(t.db.db);
    const member = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
    accounts['victim'] = member.hsaId;
    const attacker = await startLogin();
    const victim = await startLogin();
    const returned = await signInAtIdp(attacker.location, 'victim');
    // Login CSRF: the attacker's code arrives in the victim's browser, whose flow cookie has another state.
    expect((await callback(returned, victim.cookie)).headers.location).toBe('/logga-in?fel=siths_failed');
  });

  it('sends the user back to the login page when they cancel at the IdP', async () => {
    const { cookie } = await startLogin();
    const done = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?error=access_denied&state=x', headers: { cookie } });
    expect(done.headers.location).toBe('/logga-in?fel=siths_cancelled');
  });
});
