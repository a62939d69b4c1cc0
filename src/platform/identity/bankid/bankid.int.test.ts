import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { anonymous, loginAs } from '../../testing/client.ts';
import { makePerson } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { and, eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => t?.close());

const collect = (loginId: string, cookie?: string) =>
  t.app.inject({ method: 'POST', url: `/api/auth/bankid/${loginId}/collect`, headers: { 'x-csrf-token': 'x', ...(cookie ? { cookie } : {}) } });
const approve = (orderRef: string, personalNumber: string) => anonymous(t.app).post(`/api/dev/bankid/orders/${orderRef}/events`, { kind: 'approve', personalNumber });
const newestOrder = async () => (await anonymous(t.app).get('/api/dev/bankid/orders')).json().orders[0].orderRef as string;

describe('BankID login through our API against the simulator', () => {
  it('offers BankID (the simulator) and no SITHS when no IdP is configured', async () => {
    expect((await anonymous(t.app).get('/api/auth/methods')).json()).toEqual({ bankId: true, bankIdSimulator: true, siths: false, demo: true });
  });

  it('QR flow: start → pending → scanned → approved → complete, with a session cookie', async () => {
    const person = await makePerson(t.db.db, { givenName: 'Qr', familyName: 'Qvist' });
    const start = await anonymous(t.app).post('/api/auth/bankid/start', { method: 'qr' });
    expect(start.statusCode).toBe(200);
    const started = start.json();
    expect(started).toMatchObject({ method: 'qr', autoStartUrl: null, collectIntervalSeconds: 2, message: { code: 'RFA1', sv: 'Starta BankID-appen.' } });
    expect(started.qr).toMatch(/^bankid\.[0-9a-f-]{36}\.0\.[0-9a-f]{64}$/);
    expect(JSON.stringify(started)).not.toMatch(/secret/i);

    const pending = await collect(started.loginId);
    expect(pending.json()).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction', message: { code: 'RFA1' }, area: null });
    expect(pending.cookies.find((c) => c.name === 'nara_session')).toBeUndefined();

    // Three seconds later the browser asks for the current QR code, and the "phone" scans it.
    t.clock.advance(3000);
    const qr = (await anonymous(t.app).get(`/api/auth/bankid/${started.loginId}/qr`)).json().qr as string;
    expect(qr).toMatch(/^bankid\.[0-9a-f-]{36}\.3\.[0-9a-f]{64}$/);
    expect(qr.split('.')[3]).not.toBe(started.qr.split('.')[3]);
    const scanned = await anonymous(t.app).post('/api/dev/bankid/scan', { qr });
    expect(scanned.statusCode).toBe(200);
    expect((await collect(started.loginId)).json()).toMatchObject({ status: 'pending', hintCode: 'started', message: { code: 'RFA14-A' } });

    t.clock.advance(2000);
    await anonymous(t.app).post(`/api/dev/bankid/orders/${scanned.json().orderRef}/events`, { kind: 'sign' });
    expect((await collect(started.loginId)).json()).toMatchObject({ hintCode: 'userSign', message: { code: 'RFA9' } });

    t.clock.advance(2000);
    expect((await approve(scanned.json().orderRef, person.identityNumber)).statusCode).toBe(200);
    const complete = await collect(started.loginId);
    expect(complete.json()).toMatchObject({ status: 'complete', area: 'patient' });
    const cookie = complete.cookies.find((c) => c.name === 'nara_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `nara_session=${cookie.value}` } });
    expect(session.json()).toMatchObject({ authenticated: true, kind: 'citizen', displayName: 'Qr Qvist' });

    // The login is used up.
    expect((await collect(started.loginId)).statusCode).toBe(404);
    const [login] = await t.db.db.select().from(auditLog).where(and(eq(auditLog.actorPersonId, person.id), eq(auditLog.action, 'login')));
    expect(login).toBeDefined();
  });

  it('autostart flow: the link opens the simulator page, which finds the order by its token', async () => {
    const person = await makePerson(t.db.db);
    const started = (await anonymous(t.app).post('/api/auth/bankid/start', { method: 'autostart' })).json();
    expect(started).toMatchObject({ qr: null, message: { code: 'RFA13' } });
    expect(started.autoStartUrl).toMatch(/^\/dev\/bankid\?autostarttoken=[0-9a-f-]{36}$/);
    const token = new URL(started.autoStartUrl, 'http://x').searchParams.get('autostarttoken')!;
    const found = await anonymous(t.app).get(`/api/dev/bankid/autostart?autostarttoken=${token}`);
    expect(found.statusCode).toBe(200);
    await approve(found.json().orderRef, person.identityNumber);
    const complete = await collect(started.loginId);
    expect(complete.json().status).toBe('complete');
  });

  it('cancel: the user cancels in the app, and the page cancels a login', async () => {
    const started = (await anonymous(t.app).post('/api/auth/bankid/start', { method: 'qr' })).json();
    await anonymous(t.app).post(`/api/dev/bankid/orders/${await newestOrder()}/events`, { kind: 'userCancel' });
    t.clock.advance(2000);
    expect((await collect(started.loginId)).json()).toMatchObject({ status: 'failed', hintCode: 'userCancel', message: { code: 'RFA6', sv: 'Åtgärden avbruten.' } });

    const other = (await anonymous(t.app).post('/api/auth/bankid/start', { method: 'qr' })).json();
    expect((await anonymous(t.app).post(`/api/auth/bankid/${other.loginId}/cancel`)).statusCode).toBe(200);
    const gone = await collect(other.loginId);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('bankid_login_not_found');
  });

  it('expired order: RFA8 after three minutes', async () => {
    const started = (await anonymous(t.app).post('/api/auth/bankid/start', { method: 'qr' })).json();
    t.clock.advance(181_000);
    expect((await collect(started.loginId)).json()).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction', message: { code: 'RFA8' } });
  });

  it('unknown person: a clear message and no session', async () => {
    const started = (await anonymous(t.app).post('/api/auth/bankid/start', { method: 'qr' })).json();
    await approve(await newestOrder(), '19121212-1212');
    const response = await collect(started.loginId);
    expect(response.json()).toMatchObject({ status: 'failed', message: { code: 'unknown_person' } });
    expect(response.json().message.sv).toMatch(/hittar dig inte/);
    expect(response.cookies.find((c) => c.name === 'nara_session')).toBeUndefined();
  });

  it('session fixation: a login ends the session the browser had and issues a new token', async () => {
    const first = await makePerson(t.db.db);
    const second = await makePerson(t.db.db);
    const old = await loginAs(t.app, t.db.db, { personId: first.id });
    const started = (await t.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { method: 'qr' }, headers: { cookie: old.cookie, 'x-csrf-token': old.csrfToken } })).json();
    await approve(await newestOrder(), second.identityNumber);
    const complete = await t.app.inject({ method: 'POST', url: `/api/auth/bankid/${started.loginId}/collect`, headers: { cookie: old.cookie, 'x-csrf-token': old.csrfToken } });
    const fresh = complete.cookies.find((c) => c.name === 'nara_session')!.value;
    expect(`nara_session=${fresh}`).not.toBe(old.cookie);
    expect((await old.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('validates input and never answers 500 for it', async () => {
    expect((await anonymous(t.app).post('/api/auth/bankid/start', { method: 'sms' })).statusCode).toBe(400);
    expect((await collect('short')).statusCode).toBe(400);
    expect((await anonymous(t.app).post('/api/dev/bankid/orders/x/events', { kind: 'approve', personalNumber: '1234567890' })).statusCode).toBe(400);
    expect((await anonymous(t.app).post('/api/dev/bankid/scan', { qr: 'bankid.forged' })).statusCode).toBe(409);
  });
});

describe('log out everywhere', () => {
  it('ends all of a person’s sessions', async () => {
    const person = await makePerson(t.db.db);
    const phone = await loginAs(t.app, t.db.db, { personId: person.id });
    const laptop = await loginAs(t.app, t.db.db, { personId: person.id });
    const response = await laptop.post('/api/auth/logout-everywhere');
    expect(response.json()).toEqual({ ok: true, ended: 2 });
    expect((await phone.get('/api/auth/session')).json().authenticated).toBe(false);
    expect((await laptop.get('/api/auth/session')).json().authenticated).toBe(false);
  });
});

describe('rate limit', () => {
  it('limits BankID login attempts per address', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await anonymous(limited.app).post('/api/auth/bankid/start', { method: 'qr' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('production', () => {
  it('has no simulator and no demo pages without demo mode', async () => {
    const plain = await createTestApp({ demoMode: false });
    try {
      expect((await anonymous(plain.app).get('/api/dev/bankid/orders')).statusCode).toBe(404);
      expect((await anonymous(plain.app).post('/api/auth/demo/login', { personaId: 'x' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
