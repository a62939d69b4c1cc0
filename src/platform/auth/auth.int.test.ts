import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, loginAs } from '../testing/client.ts';
import { addMembership, makeGuardianship, makePerson, makeProxy, makeStaff, makeUnit } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-23T09:00:00Z' });
});
afterAll(async () => t?.close());

describe('sessions', () => {
  it('logs a citizen in, describes the session, and logs out', async () => {
    const person = await makePerson(t.db.db, { givenName: 'Anna', familyName: 'Andersson' });
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    expect(client.cookie).toMatch(/^nara_session=/);

    const session = (await client.get('/api/auth/session')).json();
    expect(session).toMatchObject({ authenticated: true, kind: 'citizen', displayName: 'Anna Andersson', idleTimeoutSeconds: 15 * 60 });
    expect(session.citizen.subject).toMatchObject({ id: person.id, basis: 'self' });

    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json()).toEqual({ authenticated: false, sessionExpired: false });
  });

  it('sets the session cookie HttpOnly, Secure and SameSite=Strict', async () => {
    const person = await makePerson(t.db.db);
    await loginAs(t.app, t.db.db, { personId: person.id });
    const personas = (await anonymous(t.app).get('/api/auth/demo/personas')).json().personas;
    const login = await anonymous(t.app).post('/api/auth/demo/login', { personaId: personas[0].id });
    const cookie = login.cookies.find((c) => c.name === 'nara_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ends the old session and issues a new token when someone logs in again (fixation protection)', async () => {
    const first = await makePerson(t.db.db);
    const old = await loginAs(t.app, t.db.db, { personId: first.id });
    const personas = (await anonymous(t.app).get('/api/auth/demo/personas')).json().personas;
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/demo/login',
      payload: { personaId: personas[0].id },
      headers: { cookie: old.cookie, 'x-csrf-token': old.csrfToken },
    });
    expect(again.statusCode).toBe(200);
    const fresh = again.cookies.find((c) => c.name === 'nara_session')!.value;
    expect(`nara_session=${fresh}`).not.toBe(old.cookie);
    expect((await old.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('refuses an unknown persona with a clear error', async () => {
    const response = await anonymous(t.app).post('/api/auth/demo/login', { personaId: 'nobody' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'not_found', message: 'Det finns ingen sådan demoperson.' });
  });

  it('ends a patient session after 15 idle minutes and says why', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    t.clock.advance(14 * 60_000);
    expect((await client.get('/api/auth/session')).json().authenticated).toBe(true);
    t.clock.advance(14 * 60_000); // still alive: the previous request counted as activity
    expect((await client.get('/api/auth/session')).json().authenticated).toBe(true);
    t.clock.advance(15 * 60_000);
    const expired = await client.post('/api/auth/logout');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('session_expired');
    expect(expired.cookies.find((c) => c.name === 'nara_session')?.value).toBe('');
    // The session is now ended for good; the same cookie never works again.
    expect((await client.get('/api/auth/session')).json()).toEqual({ authenticated: false, sessionExpired: false });
  });

  it('does not keep an unattended page alive: background refreshes do not extend the session', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    const background = { 'x-nara-background': '1' };
    // Refreshes every three minutes for twelve minutes …
    for (let refresh = 0; refresh < 4; refresh++) {
      t.clock.advance(3 * 60_000);
      expect((await client.get('/api/auth/session', background)).json().authenticated).toBe(true);
    }
    // … and at sixteen minutes since the person last did something, the session has ended.
    t.clock.advance(4 * 60_000);
    expect((await client.get('/api/auth/session', background)).json()).toEqual({ authenticated: false, sessionExpired: true });
  });

  it('reports an idle timeout to a page that only reads its session', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    t.clock.advance(16 * 60_000);
    expect((await client.get('/api/auth/session')).json()).toEqual({ authenticated: false, sessionExpired: true });
  });

  it('ends any session at the absolute limit even when active', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    for (let hour = 0; hour < 12 * 6; hour++) {
      t.clock.advance(10 * 60_000);
      const body = (await client.get('/api/auth/session')).json();
      if (!body.authenticated) {
        expect(hour).toBe(12 * 6 - 1);
        return;
      }
    }
    throw new Error('session outlived the absolute limit');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    const response = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': 'wrong' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_token_invalid');
    const bare = await t.app.inject({ method: 'POST', url: '/api/auth/demo/login', payload: { personaId: 'x' } });
    expect(bare.statusCode).toBe(403);
  });

  it('answers in English when asked', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'x', 'accept-language': 'en-GB,en;q=0.9' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthenticated', message: 'You need to log in.' } });
  });
});

describe('staff units', () => {
  it('starts at the first unit and switches only to units the staff member works at', async () => {
    const first = await makeUnit(t.db.db, { name: 'A-enheten' });
    const second = await makeUnit(t.db.db, { name: 'B-enheten' });
    const stranger = await makeUnit(t.db.db);
    const member = await makeStaff(t.db.db, { unitId: first.id, roles: ['clinician'] });
    await addMembership(t.db.db, member.id, second.id, ['receptionist']);
    const client = await loginAs(t.app, t.db.db, { staffId: member.id });

    const session = (await client.get('/api/auth/session')).json();
    expect(session.staff.activeUnitId).toBe(first.id);
    expect(session.staff.units.map((u: { name: string }) => u.name)).toEqual(['A-enheten', 'B-enheten']);

    expect((await client.post('/api/auth/active-unit', { unitId: second.id })).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json().staff.activeUnitId).toBe(second.id);
    const refused = await client.post('/api/auth/active-unit', { unitId: stranger.id });
    expect(refused.statusCode).toBe(403);
  });
});

describe('acting for someone else', () => {
  it('lets a guardian act for a child under 13 but not for a 14-year-old', async () => {
    const guardian = await makePerson(t.db.db, { birthDate: '1985-01-01' });
    const young = await makePerson(t.db.db, { birthDate: '2019-05-05' });
    const teen = await makePerson(t.db.db, { birthDate: '2012-03-08' });
    await makeGuardianship(t.db.db, guardian.id, young.id);
    await makeGuardianship(t.db.db, guardian.id, teen.id);
    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });

    const representable = (await client.get('/api/auth/session')).json().citizen.representable.map((r: { id: string }) => r.id);
    expect(representable).toEqual([guardian.id, young.id]);
    expect((await client.post('/api/auth/acting-for', { personId: young.id })).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json().citizen.subject).toMatchObject({ id: young.id, basis: 'guardian' });
    expect((await client.post('/api/auth/acting-for', { personId: teen.id })).statusCode).toBe(403);
  });

  it('stops a proxy acting the day after the appointment ends', async () => {
    const principal = await makePerson(t.db.db, { birthDate: '1936-01-25' });
    const proxy = await makePerson(t.db.db);
    await makeProxy(t.db.db, principal.id, proxy.id, { validFrom: '2026-01-01', validUntil: '2026-11-23' });
    t.clock.set('2026-11-23T22:55:00Z'); // 23:55 in Stockholm: the last day of the appointment
    const client = await loginAs(t.app, t.db.db, { personId: proxy.id });
    expect((await client.post('/api/auth/acting-for', { personId: principal.id })).statusCode).toBe(200);
    const during = (await client.get('/api/auth/session')).json();
    expect(during.citizen.subject).toMatchObject({ id: principal.id, basis: 'proxy' });
    t.clock.set('2026-11-23T23:05:00Z'); // 00:05 on the 24th in Stockholm: the same session falls back to self
    expect((await client.get('/api/auth/session')).json().citizen.subject.id).toBe(proxy.id);
    expect((await client.post('/api/auth/acting-for', { personId: principal.id })).statusCode).toBe(403);
    t.clock.set('2026-11-23T09:00:00Z');
  });

  it('rejects a malformed request with a validation error, not a 500', async () => {
    const person = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: person.id });
    const response = await client.post('/api/auth/acting-for', { personId: 'not-a-uuid' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/acting-for',
      payload: '{"personId":',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
  });
});
