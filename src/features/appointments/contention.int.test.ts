import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import type { PatientAppointment } from './patient-contract.ts';
import { appointments } from './tables.ts';
import { makeSchedule, makeVisitType } from './testing.ts';

/**
 * Issue 5, "no double booking, ever", through the whole HTTP stack: many patients send a
 * booking (or a rebooking) of the same time at once; exactly one wins, every other gets 409
 * slot_taken, and nobody loses the time they had. On PostgreSQL with a pool wide enough that
 * the requests really run at the same time; on PGlite they queue for its one connection.
 */

// Monday 23 November 2026, 10:00 in Stockholm; the contested time is Tuesday 09:00.
const NOW = '2026-11-23T09:00:00Z';
const CONTESTED = '2026-11-24T08:00:00.000Z';
const active = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, poolSize: 40, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

async function clinic(lengthMinutes: number) {
  const unit = await makeUnit(t.db.db, { kind: 'vardcentral' });
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  const adminClient = await loginAs(t.app, t.db.db, { staffId: admin.id });
  expect((await adminClient.put('/api/unit-admin/eservices/webbtidbok/activation', active)).statusCode).toBe(200);
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
  const visitType = await makeVisitType(t.db.db, unit.id, { lengthMinutes, bookableOnlineBy: 'anyone' });
  const resource = await makeSchedule(t.db.db, unit.id, { staffId: nurse.id, visitTypeIds: [visitType.id] });
  return { visitType, resource };
}

async function patients(count: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let n = 0; n < count; n++) clients.push(await loginAs(t.app, t.db.db, { personId: (await makePerson(t.db.db)).id }));
  return clients;
}

/** 200 logins and 200 bookings on PGlite's one connection take a while on a busy machine. */
const SLOW = 180_000;

const errorCode = (body: string) => (JSON.parse(body) as { error?: { code?: string } }).error?.code;

describe('no double booking through the API', () => {
  it('200 patients book one time at once: one 201, 199 × 409 slot_taken, one row', async () => {
    const { visitType, resource } = await clinic(30);
    const clients = await patients(200);
    const responses = await Promise.all(
      clients.map((client, n) => client.post('/api/patient/appointments', { visitTypeId: visitType.id, resourceId: resource.id, startsAt: CONTESTED }, { 'idempotency-key': `contest-${n}-${resource.id}` })),
    );
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    const refused = responses.filter((response) => response.statusCode !== 201);
    expect(refused.map((response) => `${response.statusCode} ${errorCode(response.body)}`)).toEqual(Array(199).fill('409 slot_taken'));
    expect(await t.db.db.select().from(appointments).where(eq(appointments.resourceId, resource.id))).toHaveLength(1);
  }, SLOW);

  it('40 patients rebook to one time at once: one moves, 39 × 409 slot_taken keep their own time', async () => {
    const { visitType, resource } = await clinic(5);
    const clients = await patients(40);
    // Each holds a five-minute time on Wednesday morning from 08:00.
    const own: PatientAppointment[] = [];
    for (const [n, client] of clients.entries()) {
      const response = await client.post('/api/patient/appointments', { visitTypeId: visitType.id, resourceId: resource.id, startsAt: new Date(Date.parse('2026-11-25T07:00:00Z') + n * 5 * 60_000).toISOString() });
      expect(response.statusCode, response.body).toBe(201);
      own.push(response.json() as PatientAppointment);
    }
    const responses = await Promise.all(
      clients.map((client, n) => client.post(`/api/patient/appointments/${own[n]!.id}/rebook`, { resourceId: resource.id, startsAt: CONTESTED }, { 'idempotency-key': `rebook-${n}-${own[n]!.id}` })),
    );
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.statusCode !== 201).map((response) => `${response.statusCode} ${errorCode(response.body)}`)).toEqual(Array(39).fill('409 slot_taken'));
    const rows = await t.db.db.select().from(appointments).where(inArray(appointments.id, own.map((row) => row.id)));
    expect(rows.filter((row) => row.status === 'booked')).toHaveLength(39);
    expect(rows.filter((row) => row.status === 'rebooked')).toHaveLength(1);
    const live = await t.db.db.select().from(appointments).where(eq(appointments.resourceId, resource.id));
    expect(live.filter((row) => row.startsAt.toISOString() === CONTESTED && row.status === 'booked')).toHaveLength(1);
  }, SLOW);
});
