/**
 * Logs in as a demo patient (demo mode only) and returns the session cookie to
 * send with authenticated requests.
 */
export type DemoLogin = { personaId: string; cookie: string };

const PREFERRED_PERSONA = 'patient-anna';
const SESSION_COOKIE = 'nara_session';

export async function loginAsDemoPatient(baseUrl: string): Promise<DemoLogin> {
  const listed = (await getJson(`${baseUrl}/api/auth/demo/personas`)) as { personas?: { id: string; area: string }[] };
  const patients = (listed.personas ?? []).filter((persona) => persona.area === 'patient');
  const persona = patients.find((candidate) => candidate.id === PREFERRED_PERSONA) ?? patients[0];
  if (!persona) throw new Error('The demo region has no patient persona to log in as.');

  const response = await fetch(`${baseUrl}/api/auth/demo/login`, {
    method: 'POST',
    // Without a session any CSRF header will do; it shows the request comes from our client.
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'bench' },
    body: JSON.stringify({ personaId: persona.id }),
  });
  if (!response.ok) throw new Error(`Demo login as ${persona.id} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`Demo login as ${persona.id} set no ${SESSION_COOKIE} cookie.`);
  if (!(await isLoggedIn(baseUrl, cookie))) throw new Error(`The session from logging in as ${persona.id} is not authenticated.`);
  return { personaId: persona.id, cookie };
}

/** /api/auth/session answers 200 either way, so the body says whether the cookie still counts. */
export async function isLoggedIn(baseUrl: string, cookie: string): Promise<boolean> {
  const session = (await getJson(`${baseUrl}/api/auth/session`, { cookie })) as { authenticated?: boolean };
  return session.authenticated === true;
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
