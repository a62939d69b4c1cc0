import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../testing/client.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logStream, env: { RATE_LIMIT_PER_MINUTE: '40' } });
});
afterAll(async () => t?.close());

describe('the HTTP platform', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ok');
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed request id from the caller', async () => {
    const response = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.headers['x-request-id']).toBe('trace-12345678');
  });

  it('answers unknown API paths in the error format', async () => {
    const response = await t.app.inject({ url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'route_not_found', message: 'Adressen finns inte.' } });
  });

  it('refuses a body that is not JSON with a 415, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/demo/login',
      payload: 'personaId=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'x' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('publishes the OpenAPI document with every route', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/session', '/api/staff/patients/lookup', '/api/me/access-log']));
    expect(document.paths['/api/staff/patients/lookup'].post.requestBody).toBeDefined();
  });

  it('never writes an identity number, a name or a cookie to the log', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const patient = await makePerson(t.db.db, { givenName: 'Loggfri', familyName: 'Patientsson' });
    await makeCareRelation(t.db.db, unit.id, patient.id);
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    logLines.length = 0;
    const response = await client.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber });
    expect(response.statusCode).toBe(200);
    const written = logLines.join('\n');
    expect(written).toContain('/api/staff/patients/lookup');
    expect(written).not.toContain(patient.identityNumber);
    expect(written).not.toContain(patient.identityNumber.slice(2));
    expect(written).not.toContain('Patientsson');
    expect(written).not.toContain(client.cookie.split('=')[1]!);
  });

  it('limits the rate per session and answers 429 in the error format', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await client.get('/api/auth/session')).statusCode);
    expect(statuses.slice(0, 38).every((status) => status === 200)).toBe(true);
    const limited = await client.get('/api/auth/session');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Another session is not affected by the first one's limit.
    const other = await loginAs(t.app, t.db.db, { personId: person.id });
    expect((await other.get('/api/auth/session')).statusCode).toBe(200);
  });
});
