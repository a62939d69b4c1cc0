import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/tables.ts';
import { makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import type { PatientAppointment, UnitVisitTypes } from './patient-contract.ts';
import { appointments } from './tables.ts';
import { makeSchedule, makeVisitType } from './testing.ts';

/**
 * A visit type's web booking limit per patient ("högst en bokad tid per patient"): a patient
 * at the limit is refused a new booking online (409 booking_limit_reached, naming the times
 * held), but may still move one, and staff may book beyond it. Ten tabs booking at once get
 * exactly one time (on PostgreSQL with a pool wide enough that they really run together).
 */

// Monday 23 November 2026, 10:00 in Stockholm. Times below are Stockholm (CET = UTC+1).
const NOW = '2026-11-23T09:00:00Z';
const WED_0900 = '2026-11-25T08:00:00.000Z';
const WED_0930 = '2026-11-25T08:30:00.000Z';
const THU_0900 = '2026-11-26T08:00:00.000Z';
const FRI_0900 = '2026-11-27T08:00:00.000Z';
const active = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, poolSize: 12, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

/** A health centre with web booking on; a nurse's weekday mornings carry a limited and an unlimited type. */
async function clinic(options: { limit?: number | null; lengthMinutes?: number } = {}) {
  const db = t.db.db;
  const unit = await makeUnit(db, { kind: 'vardcentral' });
  const admin = await makeStaff(db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  const reception = await loginAs(t.app, db, { staffId: admin.id });
  expect((await reception.put('/api/unit-admin/eservices/webbtidbok/activation', active)).statusCode).toBe(200);
  const nurse = await makeStaff(db, { unitId: unit.id, roles: ['clinician'], givenName: 'Sara', familyName: 'Nilsson' });
  const limited = await makeVisitType(db, unit.id, { name: 'Besök hos sjuksköterska', lengthMinutes: options.lengthMinutes ?? 30, maxUpcomingPerPatient: options.limit === undefined ? 1 : options.limit });
  const unlimited = await makeVisitType(db, unit.id, { name: 'Sjukgymnastik', lengthMinutes: options.lengthMinutes ?? 30 });
  const resource = await makeSchedule(db, unit.id, { staffId: nurse.id, visitTypeIds: [limited.id, unlimited.id] });
  return { unit, limited, unlimited, resource, reception };
}

async function patient() {
  const person = await makePerson(t.db.db, { givenName: 'Anna', birthDate: '1985-03-12' });
  return { person, client: await loginAs(t.app, t.db.db, { personId: person.id }) };
}

type Clinic = Awaited<ReturnType<typeof clinic>>;

const book = (client: TestClient, visitTypeId: string, resourceId: string, startsAt: string, headers: Record<string, string> = {}) =>
  client.post('/api/patient/appointments', { visitTypeId, resourceId, startsAt }, headers);

async function booked(client: TestClient, visitTypeId: string, resourceId: string, startsAt: string) {
  const response = await book(client, visitTypeId, resourceId, startsAt);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PatientAppointment;
}

type LimitError = { code: string; message: string; details: { limit: number; appointments: { id: string; startsAt: string; mayRebook: boolean }[] } };
const errorOf = (response: { json: () => unknown }) => (response.json() as { error: LimitError }).error;

const bookedRowsOf = async (patientId: string) =>
  (await t.db.db.select().from(appointments).where(and(eq(appointments.patientId, patientId), eq(appointments.status, 'booked')))).map((row) => row.startsAt.toISOString()).sort();

describe('a visit type with a limit of one upcoming time per patient', () => {
  it('refuses a second booking online with 409 booking_limit_reached, naming the time held (sv and en)', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    const first = await booked(client, c.limited.id, c.resource.id, WED_0900);

    const refused = await book(client, c.limited.id, c.resource.id, THU_0900);
    expect(refused.statusCode).toBe(409);
    const error = errorOf(refused);
    expect(error.code).toBe('booking_limit_reached');
    expect(error.details).toEqual({ limit: 1, appointments: [{ id: first.id, startsAt: WED_0900, mayRebook: true }] });
    expect(error.message).toBe(
      'Det finns redan en bokad tid för Besök hos sjuksköterska: onsdag 25 november kl. 09.00. Via webben kan högst en tid av den här typen vara bokad åt gången. ' +
        'Vill du ha en annan tid kan du omboka den i stället (Omboka under Mina tider).',
    );
    const english = errorOf(await book(client, c.limited.id, c.resource.id, THU_0900, { 'accept-language': 'en' }));
    expect(english.message).toContain('There is already a booked time for Besök hos sjuksköterska: Wednesday 25 November at 09:00.');
    expect(english.message).toContain('rebook it instead');
    expect(await bookedRowsOf(person.id)).toEqual([WED_0900]);
  });

  it('books again once the time held is cancelled', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    const first = await booked(client, c.limited.id, c.resource.id, WED_0900);
    expect((await book(client, c.limited.id, c.resource.id, THU_0900)).statusCode).toBe(409);
    expect((await client.post(`/api/patient/appointments/${first.id}/cancel`)).statusCode).toBe(200);
    await booked(client, c.limited.id, c.resource.id, THU_0900);
    expect(await bookedRowsOf(person.id)).toEqual([THU_0900]);
  });

  it('still lets the patient move the time held (Omboka): the count stays the same', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    const first = await booked(client, c.limited.id, c.resource.id, WED_0900);
    const moved = await client.post(`/api/patient/appointments/${first.id}/rebook`, { resourceId: c.resource.id, startsAt: THU_0900 });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await bookedRowsOf(person.id)).toEqual([THU_0900]);
  });

  it('lets staff book beyond it; the patient is then refused with every time held named', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    const first = await booked(client, c.limited.id, c.resource.id, WED_0900);
    const byStaff = await c.reception.post('/api/staff/appointments', { identityNumber: person.identityNumber, visitTypeId: c.limited.id, resourceId: c.resource.id, startsAt: THU_0900 });
    expect(byStaff.statusCode, byStaff.body).toBe(201);
    const second = (byStaff.json() as { appointment: { id: string } }).appointment;

    const refused = await book(client, c.limited.id, c.resource.id, FRI_0900);
    expect(refused.statusCode).toBe(409);
    const error = errorOf(refused);
    expect(error.details.appointments).toEqual([
      { id: first.id, startsAt: WED_0900, mayRebook: true },
      { id: second.id, startsAt: THU_0900, mayRebook: true },
    ]);
    expect(error.message).toContain('Det finns redan 2 bokade tider för Besök hos sjuksköterska: onsdag 25 november kl. 09.00 och torsdag 26 november kl. 09.00.');
    expect(error.message).toContain('omboka någon av dem');
    expect(await bookedRowsOf(person.id)).toEqual([WED_0900, THU_0900]);
  });

  it('counts a visit held until it is over; past its change deadline the patient is told to call instead', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    await booked(client, c.limited.id, c.resource.id, WED_0900);
    // Wednesday 09:20: the visit is under way and still counts (too late to move online); at 09:30 it is over.
    for (const [now, status] of [
      ['2026-11-25T08:20:00Z', 409],
      ['2026-11-25T08:30:00Z', 201],
    ] as const) {
      t.clock.set(now);
      try {
        const later = await loginAs(t.app, t.db.db, { personId: person.id });
        const response = await book(later, c.limited.id, c.resource.id, FRI_0900);
        expect(response.statusCode).toBe(status);
        if (status === 409) {
          expect(errorOf(response).details.appointments).toEqual([expect.objectContaining({ startsAt: WED_0900, mayRebook: false })]);
          expect(errorOf(response).message).toContain('Det är för sent att omboka den via webben: ring mottagningen om du behöver en annan tid.');
        }
      } finally {
        t.clock.set(NOW);
      }
    }
  });

  it('does not touch another type, nor a type without a limit', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    await booked(client, c.limited.id, c.resource.id, WED_0900);
    await booked(client, c.unlimited.id, c.resource.id, WED_0930);
    await booked(client, c.unlimited.id, c.resource.id, THU_0900);
    await booked(client, c.unlimited.id, c.resource.id, FRI_0900);
    expect(await bookedRowsOf(person.id)).toEqual([WED_0900, WED_0930, THU_0900, FRI_0900]);
  });

  it('with a limit of two, refuses the third', async () => {
    const c = await clinic({ limit: 2 });
    const { client } = await patient();
    await booked(client, c.limited.id, c.resource.id, WED_0900);
    await booked(client, c.limited.id, c.resource.id, THU_0900);
    const refused = await book(client, c.limited.id, c.resource.id, FRI_0900);
    expect(errorOf(refused)).toMatchObject({ code: 'booking_limit_reached', details: { limit: 2 } });
    expect(errorOf(refused).message).toContain('högst två tider av den här typen vara bokade åt gången');
  });

  it('ten tabs booking different times at once: exactly one 201, nine 409 booking_limit_reached, one row', async () => {
    const c = await clinic({ lengthMinutes: 15 });
    const { person, client } = await patient();
    // Wednesday 08:00, 08:15, … 10:15: ten different free times.
    const times = Array.from({ length: 10 }, (_, n) => new Date(Date.parse('2026-11-25T07:00:00Z') + n * 15 * 60_000).toISOString());
    const responses = await Promise.all(times.map((startsAt, n) => book(client, c.limited.id, c.resource.id, startsAt, { 'idempotency-key': `tab-${n}-${person.id}` })));
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    const refused = responses.filter((response) => response.statusCode !== 201).map((response) => `${response.statusCode} ${errorOf(response).code}`);
    expect(refused).toEqual(Array(9).fill('409 booking_limit_reached'));
    expect(await bookedRowsOf(person.id)).toHaveLength(1);
  });
});

describe('the list of bookable types', () => {
  async function offer(client: TestClient, c: Clinic) {
    const response = await client.get(`/api/patient/booking-units/${c.unit.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as UnitVisitTypes;
    return Object.fromEntries(body.visitTypes.map((type) => [type.name, type.bookedAtLimit]));
  }

  it('points to the time held instead of offering a new one once the patient is at the limit, and audits showing it', async () => {
    const c = await clinic();
    const { person, client } = await patient();
    expect(await offer(client, c)).toEqual({ 'Besök hos sjuksköterska': [], Sjukgymnastik: [] });
    const auditedBefore = await t.db.db.select().from(auditLog).where(and(eq(auditLog.patientId, person.id), eq(auditLog.objectType, 'appointment_list')));
    expect(auditedBefore).toEqual([]);

    const first = await booked(client, c.limited.id, c.resource.id, WED_0900);
    await booked(client, c.unlimited.id, c.resource.id, THU_0900);
    expect(await offer(client, c)).toEqual({ 'Besök hos sjuksköterska': [{ id: first.id, startsAt: WED_0900, mayRebook: true }], Sjukgymnastik: [] });
    const audited = await t.db.db.select().from(auditLog).where(and(eq(auditLog.patientId, person.id), eq(auditLog.objectType, 'appointment_list')));
    expect(audited.map((row) => row.action)).toEqual(['read']);
  });
});
