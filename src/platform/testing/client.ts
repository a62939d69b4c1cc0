import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { demoPersonas } from '../auth/tables.ts';
import type { Database } from '../db/database.ts';

type Response = Awaited<ReturnType<FastifyInstance['inject']>>;

/** A logged-in browser, as far as the API can tell: it keeps the session cookie and sends the CSRF token. */
export type TestClient = {
  get: (url: string, headers?: Record<string, string>) => Promise<Response>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  put: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  delete: (url: string, headers?: Record<string, string>) => Promise<Response>;
  cookie: string;
  csrfToken: string;
};

export function anonymous(app: FastifyInstance) {
  return {
    get: (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: body as InjectOptions['payload'], headers: { 'x-csrf-token': 'anonymous', ...headers } }),
  };
}

/** Logs in through the real demo-login route, as a persona made for this test. */
export async function loginAs(
  app: FastifyInstance,
  db: Database,
  who: { personId: string } | { staffId: string },
): Promise<TestClient> {
  const id = `test-${randomUUID()}`;
  await db.insert(demoPersonas).values({
    id,
    kind: 'personId' in who ? 'citizen' : 'staff',
    personId: 'personId' in who ? who.personId : null,
    staffId: 'staffId' in who ? who.staffId : null,
    area: 'personId' in who ? 'patient' : 'staff',
    titleSv: 'Test',
    titleEn: 'Test',
    descriptionSv: '',
    descriptionEn: '',
    sortOrder: 1000,
  });
  const login = await anonymous(app).post('/api/auth/demo/login', { personaId: id });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const setCookie = login.cookies.find((c) => c.name === 'nara_session');
  const cookie = `nara_session=${setCookie!.value}`;
  const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  const csrfToken = (session.json() as { csrfToken: string }).csrfToken;
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, body: unknown, headers: Record<string, string>) =>
    app.inject({ method, url, payload: body as InjectOptions['payload'], headers: { cookie, 'x-csrf-token': csrfToken, ...headers } });
  return {
    cookie,
    csrfToken,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    post: (url, body, headers = {}) => send('POST', url, body, headers),
    put: (url, body, headers = {}) => send('PUT', url, body, headers),
    delete: (url, headers = {}) => send('DELETE', url, undefined, headers),
  };
}
