import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadCatalogueIfEmpty } from '../../features/e-services/content.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../testing/builders.ts';
import { loginAs, type TestClient } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { RealtimeEvent } from './model.ts';

/**
 * On PostgreSQL (DATABASE_URL) the staff member and the patient are connected to two
 * different server instances on one database, each with its own pool and LISTEN
 * connection, as two processes would be; on PGlite (one process by nature) to the same one.
 */
const env = { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' };
let first: TestApp;
let second: TestApp;
const twoServers = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  first = await createTestApp({ env });
  second = twoServers ? await createTestApp({ env }) : first;
  await loadCatalogueIfEmpty(first.db.db);
  for (const t of new Set([first, second])) await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const t of new Set([first, second])) await t?.close();
});

type Socket = { events: RealtimeEvent[]; ready: Promise<string[]>; close: () => void; closed: Promise<number> };

function connect(t: TestApp, client: TestClient, after: number | null = null, origin?: string): Socket {
  const port = (t.app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/realtime`, { headers: { cookie: client.cookie, ...(origin ? { origin } : {}) } });
  const events: RealtimeEvent[] = [];
  const ready = new Promise<string[]>((resolve) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'ready') {
        socket.send(JSON.stringify({ type: 'resume', after }));
        resolve(message.topics);
      }
      if (message.type === 'event') events.push(message.event);
    });
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { events, ready, closed, close: () => socket.close() };
}

async function until(check: () => boolean, what: string) {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function clinic() {
  const unit = await makeUnit(first.db.db);
  const admin = await makeStaff(first.db.db, { unitId: unit.id, roles: ['unit_admin', 'receptionist'] });
  const adminClient = await loginAs(first.app, first.db.db, { staffId: admin.id });
  const activate = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };
  expect((await adminClient.put('/api/unit-admin/eservices/skicka_meddelande/activation', activate)).statusCode).toBe(200);
  expect((await adminClient.put('/api/unit-admin/eservices/bestall_tid/activation', activate)).statusCode).toBe(200);
  const nurse = await makeStaff(first.db.db, { unitId: unit.id, roles: ['clinician'] });
  const patient = await makePerson(first.db.db);
  await makeCareRelation(first.db.db, unit.id, patient.id, { kind: 'listed' });
  return {
    unit,
    patient,
    nurseClient: await loginAs(first.app, first.db.db, { staffId: nurse.id }),
    patientClient: await loginAs(second.app, second.db.db, { personId: patient.id }),
  };
}

async function sendCase(client: TestClient, unitId: string, reason: string) {
  const offers = (await client.get(`/api/patient/units/${unitId}/case-types`)).json().caseTypes;
  const offer = offers.find((candidate: { type: string }) => candidate.type === 'bestall_tid');
  const response = await client.post('/api/patient/cases', { unitId, termsVersionId: offer.terms.versionId, acceptedTerms: true, form: { type: 'bestall_tid', reason, withWhom: 'no_preference' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe(`realtime (${twoServers ? 'two servers on one PostgreSQL' : 'one PGlite process'})`, () => {
  it('tells the unit’s inbox and the patient about each change, in order, once', async () => {
    const { unit, patient, nurseClient, patientClient } = await clinic();
    const nurseSocket = connect(first, nurseClient);
    const patientSocket = connect(second, patientClient);
    expect(await nurseSocket.ready).toContain(`unit:${unit.id}`);
    expect(await patientSocket.ready).toEqual([`person:${patient.id}`]);

    const caseId = await sendCase(patientClient, unit.id, 'Kontroll');
    await until(() => nurseSocket.events.length === 1, 'the inbox event');
    expect(nurseSocket.events[0]).toMatchObject({ topic: `unit:${unit.id}`, kind: 'case.changed', data: { caseId } });

    for (const body of ['Fråga ett?', 'Fråga två?']) {
      expect((await nurseClient.post(`/api/staff/cases/${caseId}/messages`, { kind: 'counter_question', body })).statusCode).toBe(200);
    }
    await until(() => patientSocket.events.length === 3, 'the patient events');
    const ids = patientSocket.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    expect(patientSocket.events.every((event) => event.kind === 'case.changed' && event.data.caseId === caseId)).toBe(true);
    // Ids only: nothing of the case itself travels on the socket.
    expect(JSON.stringify(patientSocket.events)).not.toContain('Fråga');
    nurseSocket.close();
    patientSocket.close();
  });

  it('a dropped connection resumes: what was missed arrives once, nothing twice', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const caseId = await sendCase(patientClient, unit.id, 'Återuppta');
    const before = connect(second, patientClient);
    await before.ready;
    expect((await nurseClient.post(`/api/staff/cases/${caseId}/messages`, { kind: 'counter_question', body: 'Ett' })).statusCode).toBe(200);
    await until(() => before.events.length === 1, 'the first event');
    const lastSeen = before.events[0]!.id;
    before.close();
    await before.closed;

    await patientClient.post(`/api/patient/cases/${caseId}/replies`, { body: 'Svar' });
    await nurseClient.post(`/api/staff/cases/${caseId}/messages`, { kind: 'final_answer', body: 'Klart' });

    const after = connect(second, patientClient, lastSeen);
    await after.ready;
    await until(() => after.events.filter((event) => event.id > lastSeen).length === 2, 'the missed events');
    // The overlap window may send the already-seen event again; the client drops it by id. Nothing new is doubled.
    const fresh = after.events.filter((event) => event.id > lastSeen);
    expect(new Set(fresh.map((event) => event.id)).size).toBe(2);
    after.close();
  });

  it('refuses a socket without a session, and one opened from another site', async () => {
    const { patientClient } = await clinic();
    const anonymous = connect(second, { ...patientClient, cookie: '' });
    expect(await anonymous.closed).toBe(4401);
    const crossSite = connect(second, patientClient, null, 'https://evil.example');
    expect(await crossSite.closed).toBe(4401);
  });
});
