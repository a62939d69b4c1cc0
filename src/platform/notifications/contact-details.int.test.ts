import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../db/database.ts';
import { makeGuardianship, makePerson, makeStaff, makeUnit } from '../testing/builders.ts';
import { anonymous, loginAs } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { enqueueNotification } from './outbox.ts';
import { markSent } from './store.ts';
import { SINK_NAME } from './transports/sink.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const URL = '/api/patient/contact-details';

async function citizen() {
  const person = await makePerson(t.db.db, { birthDate: '1988-04-12' });
  return { person, client: await loginAs(t.app, t.db.db, { personId: person.id }) };
}

const auditOf = (personId: string) =>
  executeRows<{ action: string; object_type: string; object_id: string; patient_id: string; actor_person_id: string; acting_for_person_id: string | null; reason: string }>(
    t.db.db,
    sql`select action, object_type, object_id, patient_id, actor_person_id, acting_for_person_id, reason from audit_log where object_type = 'contact_details' and actor_person_id = ${personId} order by seq`,
  );

describe('GET and PUT /api/patient/contact-details', () => {
  it('starts empty, saves normalised addresses and choices, and reads them back', async () => {
    const { person, client } = await citizen();
    expect((await client.get(URL)).json()).toEqual({ email: null, mobile: null, notifyByEmail: false, notifyBySms: false, updatedAt: null });

    const saved = await client.put(URL, { email: ' Anna.L@Example.SE ', mobile: '070-174 06 05', notifyByEmail: true, notifyBySms: true });
    // z.email() refuses surrounding spaces: the web form trims; the API says so.
    expect(saved.statusCode).toBe(400);

    const ok = await client.put(URL, { email: 'Anna.L@Example.SE', mobile: '070-174 06 05', notifyByEmail: true, notifyBySms: true });
    expect(ok.statusCode).toBe(200);
    const expected = { email: 'Anna.L@example.se', mobile: '+46701740605', notifyByEmail: true, notifyBySms: true, updatedAt: '2026-11-23T09:00:00.000Z' };
    expect(ok.json()).toEqual(expected);
    expect((await client.get(URL)).json()).toEqual(expected);

    expect(await auditOf(person.id)).toEqual([
      {
        action: 'create',
        object_type: 'contact_details',
        object_id: person.id,
        patient_id: person.id,
        actor_person_id: person.id,
        acting_for_person_id: null,
        reason: 'changed: email, mobile, notifyByEmail, notifyBySms',
      },
    ]);
  });

  it('keeps an address left out, removes one sent as null, and audits each change by field name only', async () => {
    const { person, client } = await citizen();
    await client.put(URL, { email: 'keep@example.se', mobile: '+46701740606', notifyByEmail: true, notifyBySms: false });
    t.clock.advance(60_000);
    const kept = await client.put(URL, { notifyByEmail: false, notifyBySms: true });
    expect(kept.json()).toMatchObject({ email: 'keep@example.se', mobile: '+46701740606', notifyByEmail: false, notifyBySms: true, updatedAt: '2026-11-23T09:01:00.000Z' });
    const removed = await client.put(URL, { email: null, notifyByEmail: false, notifyBySms: true });
    expect(removed.json()).toMatchObject({ email: null, mobile: '+46701740606' });
    const audit = await auditOf(person.id);
    expect(audit.map((row) => [row.action, row.reason])).toEqual([
      ['create', 'changed: email, mobile, notifyByEmail'],
      ['update', 'changed: notifyByEmail, notifyBySms'],
      ['update', 'changed: email'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/keep@|46701740606/);
  });

  it('refuses to turn on a channel without its address (422), in Swedish or English', async () => {
    const { person, client } = await citizen();
    const noEmail = await client.put(URL, { email: null, mobile: null, notifyByEmail: true, notifyBySms: false });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.json().error).toEqual({ code: 'contact_address_required', message: 'Ange en e-postadress för att få aviseringar via e-post.', details: { channel: 'email' } });
    const noMobile = await client.put(URL, { email: 'a@example.se', notifyByEmail: true, notifyBySms: true }, { 'accept-language': 'en' });
    expect(noMobile.statusCode).toBe(422);
    expect(noMobile.json().error).toEqual({ code: 'contact_address_required', message: 'Enter a mobile number to get notifications by SMS.', details: { channel: 'sms' } });
    // Removing the address of a channel that is on is refused the same way.
    await client.put(URL, { email: 'a@example.se', notifyByEmail: true, notifyBySms: false });
    expect((await client.put(URL, { email: null, notifyByEmail: true, notifyBySms: false })).statusCode).toBe(422);
    expect((await client.get(URL)).json()).toMatchObject({ email: 'a@example.se', notifyByEmail: true });
    // Nothing refused was written or audited.
    expect((await auditOf(person.id)).map((row) => row.action)).toEqual(['create']);
  });

  it.each([
    ['an invalid e-mail address', { email: 'not-an-address', notifyByEmail: false, notifyBySms: false }, 'email'],
    ['an e-mail address that is too long', { email: `${'a'.repeat(250)}@example.se`, notifyByEmail: false, notifyBySms: false }, 'email'],
    ['a landline number', { mobile: '08-123 456 78', notifyByEmail: false, notifyBySms: false }, 'mobile'],
    ['a foreign number', { mobile: '+4791234567', notifyByEmail: false, notifyBySms: false }, 'mobile'],
    ['a number that is far too long', { mobile: '0'.repeat(100), notifyByEmail: false, notifyBySms: false }, 'mobile'],
    ['a number as a number', { mobile: 701740605, notifyByEmail: false, notifyBySms: false }, 'mobile'],
    ['a missing choice', { email: 'a@example.se', notifyByEmail: true }, 'notifyBySms'],
    ['a choice as text', { notifyByEmail: 'yes', notifyBySms: false }, 'notifyByEmail'],
  ])('answers 400 for %s, naming the field', async (_what, body, path) => {
    const { client } = await citizen();
    const response = await client.put(URL, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
  });

  it('answers 400, never 500, for bodies that are not an object', async () => {
    const { client } = await citizen();
    for (const body of [[], 'text', null, 42]) {
      const response = await client.put(URL, body, { 'content-type': 'application/json' });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    const broken = await t.app.inject({ method: 'PUT', url: URL, payload: '{"email":', headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
  });

  it("changes the logged-in person's own details while they act for a child", async () => {
    const guardian = await makePerson(t.db.db, { birthDate: '1985-02-03' });
    const child = await makePerson(t.db.db, { birthDate: '2020-06-03' });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });
    expect((await client.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(200);
    await client.put(URL, { email: 'guardian@example.se', notifyByEmail: true, notifyBySms: false });
    const rows = await executeRows<{ person_id: string }>(t.db.db, sql`select person_id from person_contact_details where person_id in (${guardian.id}, ${child.id})`);
    expect(rows).toEqual([{ person_id: guardian.id }]);
    expect((await auditOf(guardian.id))[0]).toMatchObject({ patient_id: guardian.id, acting_for_person_id: null });
  });

  it('is for citizens only', async () => {
    expect((await anonymous(t.app).get(URL)).statusCode).toBe(401);
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const staffClient = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    expect((await staffClient.get(URL)).statusCode).toBe(403);
    expect((await staffClient.put(URL, { notifyByEmail: false, notifyBySms: false })).statusCode).toBe(403);
  });

  it('refuses a change without the CSRF token', async () => {
    const { client } = await citizen();
    const response = await t.app.inject({ method: 'PUT', url: URL, payload: { notifyByEmail: false, notifyBySms: false }, headers: { cookie: client.cookie } });
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /api/dev/notifications (demo mode)', () => {
  it("lists the sink's deliveries with the texts the patient would have got, latest first", async () => {
    const { person, client } = await citizen();
    await client.put(URL, { email: 'demo@example.se', mobile: '0701740607', notifyByEmail: true, notifyBySms: true });
    // Other test files share a PostgreSQL database, with clocks of their own: twenty years on,
    // these two are the latest the sink took.
    t.clock.advance(20 * 365 * 24 * 3600_000);
    await t.db.db.transaction((tx) => enqueueNotification(tx, t.clock, { recipientPersonIds: [person.id], template: 'new_message', dedupeKey: `dev:${person.id}` }));
    t.clock.advance(1000);
    // What the worker does with the development sink (worker tests cover the claiming); a
    // deliverDue here could take other test files' due notifications too.
    const queued = await executeRows<{ id: string }>(t.db.db, sql`select id from notification_outbox where recipient_person_id = ${person.id}`);
    expect(queued).toHaveLength(2);
    for (const row of queued) await markSent(t.db.db, row.id, t.clock.now(), SINK_NAME, { keepInvitationLink: true });

    const response = await anonymous(t.app).get('/api/dev/notifications');
    expect(response.statusCode).toBe(200);
    const mine = response.json().deliveries.filter((delivery: { address: string }) => ['demo@example.se', '+46701740607'].includes(delivery.address));
    expect(mine).toEqual(
      expect.arrayContaining([
        {
          id: expect.any(String),
          channel: 'email',
          address: 'demo@example.se',
          subject: 'Nytt meddelande i Nära / New message in Nära',
          text: expect.stringContaining('Logga in på http://localhost:3000 för att läsa det.'),
          sentAt: t.clock.now().toISOString(),
        },
        {
          id: expect.any(String),
          channel: 'sms',
          address: '+46701740607',
          subject: null,
          text: expect.stringContaining('You have a new message in Nära'),
          sentAt: t.clock.now().toISOString(),
        },
      ]),
    );
    expect(response.json().deliveries.length).toBeLessThanOrEqual(50);
  });

  it('does not exist outside demo mode', async () => {
    const production = await createTestApp({ demoMode: false });
    try {
      const response = await anonymous(production.app).get('/api/dev/notifications');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('route_not_found');
    } finally {
      await production.close();
    }
  });
});
