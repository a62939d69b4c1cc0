import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/tables.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeProxy, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import type { WorkTemplate } from './model.ts';
import type { AppointmentList, BookingUnits, PatientAppointment, SlotList, UnitVisitTypes } from './patient-contract.ts';
import { appointmentSettings, appointments } from './tables.ts';
import { makeSchedule, makeVisitType, WEEKDAY_MORNINGS } from './testing.ts';

/**
 * The patient's appointments through HTTP (D1–D5, D6's calendar file): who may book what,
 * the horizon, the cancellation deadline to the minute, the atomic rebooking, retries,
 * guardians and proxies, another person's booking, a clock-change day, and the audit.
 */

// Monday 23 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-23T09:00:00Z';
// Tuesday 24 November 2026, 09:00 and 09:30; Wednesday 25 November, 09:00 (all Stockholm, CET).
const TUE_0900 = '2026-11-24T08:00:00.000Z';
const TUE_0930 = '2026-11-24T08:30:00.000Z';
const WED_0900 = '2026-11-25T08:00:00.000Z';
const active = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

type ClinicOptions = { visit?: Parameters<typeof makeVisitType>[2]; webBooking?: boolean; template?: WorkTemplate };

/** A health centre with web booking and Beställ tid on, a nurse with weekday mornings, and one visit type. */
async function clinic(options: ClinicOptions = {}) {
  const db = t.db.db;
  const unit = await makeUnit(db, { kind: 'vardcentral', locality: 'Ekby' });
  const admin = await makeStaff(db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  const adminClient = await loginAs(t.app, db, { staffId: admin.id });
  for (const code of [...(options.webBooking === false ? [] : ['webbtidbok']), 'bestall_tid']) {
    const response = await adminClient.put(`/api/unit-admin/eservices/${code}/activation`, active);
    expect(response.statusCode, response.body).toBe(200);
  }
  const nurse = await makeStaff(db, { unitId: unit.id, roles: ['clinician'], profession: 'nurse', givenName: 'Sara', familyName: 'Nilsson' });
  const visitType = await makeVisitType(db, unit.id, { name: 'Hälsosamtal', preparation: 'Ta med dina mediciner; kom i god tid.', ...options.visit });
  const resource = await makeSchedule(db, unit.id, { staffId: nurse.id, visitTypeIds: [visitType.id], template: options.template });
  return { unit, nurse, visitType, resource };
}

async function patient(options: { listedAt?: string; birthDate?: string } = {}) {
  const person = await makePerson(t.db.db, { birthDate: options.birthDate ?? '1985-03-12', givenName: 'Anna' });
  if (options.listedAt) await makeCareRelation(t.db.db, options.listedAt, person.id, { kind: 'listed' });
  return { person, client: await loginAs(t.app, t.db.db, { personId: person.id }) };
}

const book = (client: TestClient, body: { visitTypeId: string; resourceId: string; startsAt: string }, headers: Record<string, string> = {}) =>
  client.post('/api/patient/appointments', body, headers);

async function booked(client: TestClient, body: { visitTypeId: string; resourceId: string; startsAt: string }) {
  const response = await book(client, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PatientAppointment;
}

const codeOf = (response: { json: () => unknown }) => (response.json() as { error: { code: string; details?: Record<string, unknown> } }).error;

/** Runs `body` at another time, restoring the clock after; clients must log in inside (sessions time out across a jump). */
async function at<T>(iso: string, body: () => Promise<T>): Promise<T> {
  t.clock.set(iso);
  try {
    return await body();
  } finally {
    t.clock.set(NOW);
  }
}

describe('D1: my appointments', () => {
  it('lists an upcoming booking with place, practitioner, channel, preparation and the change deadline, and audits the reads', async () => {
    const { unit, visitType, resource } = await clinic();
    const { person, client } = await patient();
    const created = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: TUE_0900 });
    expect(created).toMatchObject({
      status: 'booked',
      startsAt: TUE_0900,
      endsAt: '2026-11-24T08:30:00.000Z',
      channel: 'at_unit',
      visitType: { id: visitType.id, name: 'Hälsosamtal', preparation: 'Ta med dina mediciner; kom i god tid.', lengthMinutes: 30, cancellationHours: 24 },
      unit: { id: unit.id, name: unit.name, locality: 'Ekby' },
      with: { kind: 'staff', name: 'Sara Nilsson', profession: { sv: 'Sjuksköterska', en: 'Nurse' } },
      changeDeadline: '2026-11-23T08:00:00.000Z',
      meetingUrl: null,
      bookedByStaff: false,
    });
    // 24 h before Tuesday 09:00 is Monday 09:00, which has passed at 10:00: the visit can no longer be changed online.
    expect(created).toMatchObject({ mayCancel: false, mayRebook: false, changeRefusal: 'deadline_passed' });

    const later = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    expect(later).toMatchObject({ mayCancel: true, mayRebook: true, changeRefusal: null });
    const list = (await client.get('/api/patient/appointments')).json() as AppointmentList;
    expect(list.upcoming.map((item) => item.id)).toEqual([created.id, later.id]);
    expect(list.past).toEqual([]);
    expect((await client.get(`/api/patient/appointments/${created.id}`)).json()).toMatchObject({ id: created.id });

    const audit = await t.db.db
      .select({ action: auditLog.action, objectType: auditLog.objectType, objectId: auditLog.objectId, actorPersonId: auditLog.actorPersonId })
      .from(auditLog)
      .where(eq(auditLog.patientId, person.id))
      .orderBy(auditLog.seq);
    expect(audit).toEqual([
      { action: 'create', objectType: 'appointment', objectId: created.id, actorPersonId: person.id },
      { action: 'create', objectType: 'appointment', objectId: later.id, actorPersonId: person.id },
      { action: 'read', objectType: 'appointment_list', objectId: null, actorPersonId: person.id },
      { action: 'read', objectType: 'appointment', objectId: created.id, actorPersonId: person.id },
    ]);
  });

  it('moves a visit that is over, or cancelled, to the past list, newest first', async () => {
    const { visitType, resource } = await clinic();
    const { person } = await patient();
    const first = await booked(await loginAs(t.app, t.db.db, { personId: person.id }), { visitTypeId: visitType.id, resourceId: resource.id, startsAt: TUE_0900 });
    const second = await booked(await loginAs(t.app, t.db.db, { personId: person.id }), { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    await at('2026-11-24T06:00:00Z', async () => {
      const client = await loginAs(t.app, t.db.db, { personId: person.id });
      expect((await client.post(`/api/patient/appointments/${second.id}/cancel`)).statusCode).toBe(200);
    });
    await at('2026-11-24T10:00:00Z', async () => {
      const client = await loginAs(t.app, t.db.db, { personId: person.id });
      const list = (await client.get('/api/patient/appointments')).json() as AppointmentList;
      expect(list.upcoming).toEqual([]);
      expect(list.past.map((item) => [item.id, item.status])).toEqual([
        [second.id, 'cancelled'],
        [first.id, 'booked'],
      ]);
    });
  });

  it('gives a video visit its meeting link', async () => {
    const { visitType, resource } = await clinic({ visit: { channel: 'video', name: 'Videobesök' } });
    const { client } = await patient();
    const created = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    expect(created).toMatchObject({ channel: 'video', meetingUrl: `/start/moten/bokning/${created.id}` });
  });
});

describe('D3, D5: who may book what', () => {
  it('offers a unit with the patient’s care relation, listed first, saying whether it has web booking', async () => {
    const listedAt = await clinic();
    const other = await clinic({ webBooking: false });
    const { person, client } = await patient({ listedAt: listedAt.unit.id });
    await makeCareRelation(t.db.db, other.unit.id, person.id, { kind: 'ongoing' });
    const { units } = (await client.get('/api/patient/booking-units')).json() as BookingUnits;
    expect(units.map((item) => [item.unit.id, item.relation, item.bookingOffered])).toEqual([
      [listedAt.unit.id, 'listed', true],
      [other.unit.id, 'ongoing', false],
    ]);
  });

  it('anyone, listed patients only, nobody, unpublished: shown with the reason, booked or refused accordingly, Beställ tid beside', async () => {
    const { unit, resource, visitType: anyone } = await clinic();
    const listed = await makeVisitType(t.db.db, unit.id, { name: 'Diabetesbesök', bookableOnlineBy: 'listed' });
    const nobody = await makeVisitType(t.db.db, unit.id, { name: 'Läkarbesök', bookableOnlineBy: 'nobody' });
    const hidden = await makeVisitType(t.db.db, unit.id, { name: 'Provtagning', published: false });
    const retired = await makeVisitType(t.db.db, unit.id, { name: 'Gammal typ', active: false });
    const everyType = [anyone.id, listed.id, nobody.id, hidden.id, retired.id];
    await t.db.db.execute(sql`update schedule_resources set visit_type_ids = ${`{${everyType.join(',')}}`}::uuid[] where id = ${resource.id}`);

    const stranger = await patient();
    const offer = (await stranger.client.get(`/api/patient/booking-units/${unit.id}`)).json() as UnitVisitTypes;
    expect(offer).toMatchObject({ bookingOffered: true, notAllBookable: true, requestCaseType: 'bestall_tid', lastBookableDate: '2027-01-17' });
    expect(offer.visitTypes.map((type) => [type.name, type.refusal])).toEqual([
      ['Diabetesbesök', 'listed_patients_only'],
      ['Hälsosamtal', null],
      ['Läkarbesök', 'not_bookable_online'],
    ]);

    const slot = (visitTypeId: string, startsAt = WED_0900) => ({ visitTypeId, resourceId: resource.id, startsAt });
    const refusedListed = await book(stranger.client, slot(listed.id));
    expect(refusedListed.statusCode).toBe(403);
    expect(codeOf(refusedListed)).toMatchObject({ code: 'not_bookable_online', details: { refusal: 'listed_patients_only' } });
    const refusedNobody = await book(stranger.client, slot(nobody.id));
    expect(codeOf(refusedNobody)).toMatchObject({ code: 'not_bookable_online', details: { refusal: 'not_bookable_online' } });
    expect((await book(stranger.client, slot(hidden.id))).statusCode).toBe(404);
    expect((await book(stranger.client, slot(retired.id))).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/patient/visit-types/${nobody.id}/slots`)).statusCode).toBe(403);
    expect((await book(stranger.client, slot(anyone.id))).statusCode).toBe(201);

    const member = await patient({ listedAt: unit.id });
    const memberOffer = (await member.client.get(`/api/patient/booking-units/${unit.id}`)).json() as UnitVisitTypes;
    expect(memberOffer.visitTypes.find((type) => type.id === listed.id)?.refusal).toBeNull();
    expect((await book(member.client, slot(listed.id, TUE_0930))).statusCode).toBe(201);
  });

  it('says all is bookable when it is, so Beställ tid need not stand beside', async () => {
    const { unit } = await clinic();
    const { client } = await patient();
    expect((await client.get(`/api/patient/booking-units/${unit.id}`)).json()).toMatchObject({ bookingOffered: true, notAllBookable: false });
  });

  it('refuses booking at a unit without the web-booking e-service (booking_not_offered)', async () => {
    const { unit, visitType, resource } = await clinic({ webBooking: false });
    const { client } = await patient();
    expect((await client.get(`/api/patient/booking-units/${unit.id}`)).json()).toMatchObject({ bookingOffered: false, visitTypes: [], notAllBookable: true, requestCaseType: 'bestall_tid' });
    const refused = await book(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused).code).toBe('booking_not_offered');
    expect((await client.get(`/api/patient/visit-types/${visitType.id}/slots`)).statusCode).toBe(403);
  });

  it('refuses a time that is not a slot, a schedule of another unit, and bad input without a 500', async () => {
    const { visitType, resource } = await clinic();
    const other = await clinic();
    const { client } = await patient();
    expect(codeOf(await book(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-25T08:10:00Z' })).code).toBe('slot_not_offered');
    expect((await book(client, { visitTypeId: visitType.id, resourceId: other.resource.id, startsAt: WED_0900 })).statusCode).toBe(404);
    expect((await book(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: 'tisdag' })).statusCode).toBe(400);
    expect((await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2026-02-30`)).statusCode).toBe(400);
  });
});

describe('free times', () => {
  it('gives the soonest first across the horizon, or those of a chosen date', async () => {
    const { visitType, resource } = await clinic();
    const { client } = await patient();
    const soonest = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?first=3`)).json() as SlotList;
    // Monday 10:00 now: the rest of Monday morning first (10:30, 11:00, 11:30).
    expect(soonest.slots.map((slot) => slot.startsAt)).toEqual(['2026-11-23T09:30:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T10:30:00.000Z']);
    expect(soonest.slots[0]).toMatchObject({ resourceId: resource.id, with: { kind: 'staff', name: 'Sara Nilsson' } });
    expect(soonest).toMatchObject({ firstBookableDate: '2026-11-23', lastBookableDate: '2027-01-17' });

    await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: TUE_0900 });
    const tuesday = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2026-11-24`)).json() as SlotList;
    expect(tuesday.slots).toHaveLength(7);
    expect(tuesday.slots.map((slot) => slot.startsAt)).not.toContain(TUE_0900);
    const weekend = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2026-11-28&days=2`)).json() as SlotList;
    expect(weekend.slots).toEqual([]);
  });

  it('keeps to the unit’s booking horizon', async () => {
    const { unit, visitType, resource } = await clinic();
    await t.db.db.insert(appointmentSettings).values({ unitId: unit.id, reminderHoursBefore: 24, bookingHorizonDays: 7, updatedAt: new Date() });
    const { client } = await patient();
    // Today is day 1 of 7: Sunday 29 November is the last; Monday 30 November is beyond.
    const week = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2026-11-27&days=7`)).json() as SlotList;
    expect(week.lastBookableDate).toBe('2026-11-29');
    expect(week.slots.every((slot) => slot.startsAt < '2026-11-29')).toBe(true);
    expect(week.slots.length).toBeGreaterThan(0);
    const beyond = await book(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-30T08:00:00Z' });
    expect(beyond.statusCode).toBe(409);
    expect(codeOf(beyond).code).toBe('outside_booking_horizon');
    expect((await book(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-27T08:00:00Z' })).statusCode).toBe(201);
  });
});

describe('D4, D2: cancelling and rebooking before the deadline', () => {
  // Wednesday 09:00 with 24 h: the deadline is Tuesday 09:00 Stockholm (08:00Z).
  const deadline = Date.parse(WED_0900) - 24 * 3600_000;
  const minuteBefore = new Date(deadline - 60_000).toISOString();
  const minuteAfter = new Date(deadline + 60_000).toISOString();

  it('cancels a minute before the deadline; a minute after it is refused with cancellation_deadline_passed', async () => {
    const { visitType, resource } = await clinic();
    const { person, client } = await patient();
    const early = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const late = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-25T08:30:00.000Z' });
    await at(minuteBefore, async () => {
      const now = await loginAs(t.app, t.db.db, { personId: person.id });
      const cancelled = await now.post(`/api/patient/appointments/${early.id}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', mayCancel: false, changeRefusal: 'not_booked' });
      expect(codeOf(await now.post(`/api/patient/appointments/${early.id}/cancel`)).code).toBe('appointment_not_booked');
    });
    // 09:30's deadline is 09:30 the day before: a minute after it.
    await at(new Date(Date.parse('2026-11-25T08:30:00Z') - 24 * 3600_000 + 60_000).toISOString(), async () => {
      const now = await loginAs(t.app, t.db.db, { personId: person.id });
      const refused = await now.post(`/api/patient/appointments/${late.id}/cancel`);
      expect(refused.statusCode).toBe(409);
      expect(codeOf(refused)).toMatchObject({ code: 'cancellation_deadline_passed', details: { deadline: '2026-11-24T08:30:00.000Z' } });
      expect(((await now.get(`/api/patient/appointments/${late.id}`)).json() as PatientAppointment).status).toBe('booked');
    });
  });

  it('rebooks a minute before the deadline; a minute after it is refused', async () => {
    const { visitType, resource } = await clinic();
    const { person, client } = await patient();
    const first = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const target = '2026-11-26T08:00:00.000Z';
    await at(minuteAfter, async () => {
      const now = await loginAs(t.app, t.db.db, { personId: person.id });
      const refused = await now.post(`/api/patient/appointments/${first.id}/rebook`, { resourceId: resource.id, startsAt: target });
      expect(refused.statusCode).toBe(409);
      expect(codeOf(refused).code).toBe('cancellation_deadline_passed');
      expect((await now.get(`/api/patient/appointments/${first.id}/slots`)).statusCode).toBe(409);
    });
    await at(minuteBefore, async () => {
      const now = await loginAs(t.app, t.db.db, { personId: person.id });
      const slots = (await now.get(`/api/patient/appointments/${first.id}/slots?from=2026-11-26`)).json() as SlotList;
      expect(slots.slots.map((slot) => slot.startsAt)).toContain(target);
      const moved = await now.post(`/api/patient/appointments/${first.id}/rebook`, { resourceId: resource.id, startsAt: target });
      expect(moved.statusCode, moved.body).toBe(201);
      expect(moved.json()).toMatchObject({ status: 'booked', startsAt: target, rebookedFromId: first.id, visitType: { id: visitType.id } });
      // The old booking is gone from the patient's view; the new one stands for it.
      expect((await now.get(`/api/patient/appointments/${first.id}`)).statusCode).toBe(404);
      const list = (await now.get('/api/patient/appointments')).json() as AppointmentList;
      expect(list.upcoming.map((item) => item.startsAt)).toEqual([target]);
    });
  });

  it('is atomic: if the new time is taken the rebooking fails with slot_taken and the old booking stays', async () => {
    const { visitType, resource } = await clinic();
    const mine = await patient();
    const theirs = await patient();
    const kept = await booked(mine.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const taken = await booked(theirs.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-26T08:00:00.000Z' });
    const refused = await mine.client.post(`/api/patient/appointments/${kept.id}/rebook`, { resourceId: resource.id, startsAt: taken.startsAt });
    expect(refused.statusCode).toBe(409);
    expect(codeOf(refused).code).toBe('slot_taken');
    expect((await mine.client.get(`/api/patient/appointments/${kept.id}`)).json()).toMatchObject({ status: 'booked', startsAt: WED_0900 });
    const rows = await t.db.db.select({ id: appointments.id, status: appointments.status }).from(appointments).where(eq(appointments.patientId, mine.person.id));
    expect(rows).toEqual([{ id: kept.id, status: 'booked' }]);
  });
});

describe('retries, representatives and other people’s bookings', () => {
  it('makes one booking of a retried request with the same Idempotency-Key', async () => {
    const { visitType, resource } = await clinic();
    const { person, client } = await patient();
    const headers = { 'idempotency-key': `book-${person.id}` };
    const body = { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 };
    const first = await book(client, body, headers);
    const retry = await book(client, body, headers);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await t.db.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.patientId, person.id))).toHaveLength(1);
    // Without the key the second attempt is a second booking of a taken time.
    expect(codeOf(await book(client, body)).code).toBe('slot_taken');
  });

  it('does not replay one booking’s cancellation for another booking sent with the same key', async () => {
    const { visitType, resource } = await clinic();
    const { client } = await patient();
    const first = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const second = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2026-11-26T08:00:00.000Z' });
    const headers = { 'idempotency-key': `cancel-${first.id}` };
    expect((await client.post(`/api/patient/appointments/${first.id}/cancel`, undefined, headers)).statusCode).toBe(200);
    const other = await client.post(`/api/patient/appointments/${second.id}/cancel`, undefined, headers);
    expect(other.statusCode).toBe(422);
    expect(codeOf(other).code).toBe('idempotency_key_reused');
    expect((await client.get(`/api/patient/appointments/${second.id}`)).json()).toMatchObject({ status: 'booked' });
  });

  it('lets a guardian book for a child: the booking is the child’s, booked by the guardian', async () => {
    const { unit, visitType, resource } = await clinic();
    const guardian = await patient();
    const child = await makePerson(t.db.db, { birthDate: '2020-05-01', givenName: 'Liam' });
    await makeGuardianship(t.db.db, guardian.person.id, child.id);
    expect((await guardian.client.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(200);
    const created = await booked(guardian.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const [row] = await t.db.db.select().from(appointments).where(eq(appointments.id, created.id));
    expect(row).toMatchObject({ patientId: child.id, bookedByPersonId: guardian.person.id, unitId: unit.id });
    const [audit] = await t.db.db.select().from(auditLog).where(and(eq(auditLog.objectId, created.id), eq(auditLog.action, 'create')));
    expect(audit).toMatchObject({ patientId: child.id, actorPersonId: guardian.person.id, actorRole: 'citizen_representative' });
    expect(((await guardian.client.get('/api/patient/appointments')).json() as AppointmentList).upcoming.map((item) => item.id)).toEqual([created.id]);
    expect((await guardian.client.post('/api/auth/acting-for', { personId: guardian.person.id })).statusCode).toBe(200);
    expect(((await guardian.client.get('/api/patient/appointments')).json() as AppointmentList).upcoming).toEqual([]);
  });

  it('refuses a proxy whose power of attorney does not cover appointments', async () => {
    const { visitType, resource } = await clinic();
    const principal = await makePerson(t.db.db);
    const narrow = await patient();
    await makeProxy(t.db.db, principal.id, narrow.person.id, { scopes: ['cases'] });
    expect((await narrow.client.post('/api/auth/acting-for', { personId: principal.id })).statusCode).toBe(200);
    for (const response of [
      await narrow.client.get('/api/patient/appointments'),
      await narrow.client.get('/api/patient/booking-units'),
      await book(narrow.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(codeOf(response).code).toBe('forbidden');
    }
    const wide = await patient();
    await makeProxy(t.db.db, principal.id, wide.person.id, { scopes: ['appointments'] });
    expect((await wide.client.post('/api/auth/acting-for', { personId: principal.id })).statusCode).toBe(200);
    expect((await booked(wide.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 })).id).toBeTruthy();
  });

  it('does not show or change another person’s booking (404)', async () => {
    const { visitType, resource } = await clinic();
    const owner = await patient();
    const other = await patient();
    const created = await booked(owner.client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    for (const response of [
      await other.client.get(`/api/patient/appointments/${created.id}`),
      await other.client.get(`/api/patient/appointments/${created.id}/calendar.ics`),
      await other.client.get(`/api/patient/appointments/${created.id}/slots`),
      await other.client.post(`/api/patient/appointments/${created.id}/cancel`),
      await other.client.post(`/api/patient/appointments/${created.id}/rebook`, { resourceId: resource.id, startsAt: '2026-11-26T08:00:00.000Z' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(codeOf(response).code).toBe('appointment_not_found');
    }
    expect((await owner.client.get(`/api/patient/appointments/${created.id}`)).json()).toMatchObject({ status: 'booked' });
  });
});

describe('D6: the calendar file', () => {
  it('is an attachment named by date only, with the visit in UTC, and audited', async () => {
    const { unit, visitType, resource } = await clinic();
    const { person, client } = await patient();
    const created = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: WED_0900 });
    const response = await client.get(`/api/patient/appointments/${created.id}/calendar.ics?lang=sv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="besok-2026-11-25.ics"');
    const body = response.body.replace(/\r\n /g, '');
    expect(body).toContain('DTSTART:20261125T080000Z\r\n');
    expect(body).toContain('DTEND:20261125T083000Z\r\n');
    expect(body).toContain(`UID:${created.id}@nara\r\n`);
    expect(body).toContain(`SUMMARY:Hälsosamtal\\, ${unit.name}\r\n`);
    expect(body).toContain('Förberedelse: Ta med dina mediciner\\; kom i god tid.');
    expect(body).toContain('Avboka eller omboka senast tisdag 24 november kl. 09.00');
    expect(response.body).not.toContain(person.identityNumber);
    const audit = await t.db.db.select().from(auditLog).where(and(eq(auditLog.patientId, person.id), eq(auditLog.objectType, 'appointment_calendar')));
    expect(audit).toHaveLength(1);
  });
});

describe('a clock-change day', () => {
  it('books 08:00 on Sunday 28 March 2027 (summer time from 02:00) at 06:00 UTC, and 08:00 the day before at 07:00 UTC', async () => {
    const open = [{ from: '08:00', to: '10:00' }];
    // Easter Sunday as well: only an exception opens it.
    const template: WorkTemplate = { ...WEEKDAY_MORNINGS, exceptions: { '2027-03-27': open, '2027-03-28': open } };
    const { visitType, resource } = await clinic({ template });
    const person = await makePerson(t.db.db);
    await at('2027-03-20T09:00:00Z', async () => {
      const client = await loginAs(t.app, t.db.db, { personId: person.id });
      const sunday = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2027-03-28`)).json() as SlotList;
      expect(sunday.slots.map((slot) => slot.startsAt)).toEqual(['2027-03-28T06:00:00.000Z', '2027-03-28T06:30:00.000Z', '2027-03-28T07:00:00.000Z', '2027-03-28T07:30:00.000Z']);
      const saturday = (await client.get(`/api/patient/visit-types/${visitType.id}/slots?from=2027-03-27`)).json() as SlotList;
      expect(saturday.slots[0]!.startsAt).toBe('2027-03-27T07:00:00.000Z');
      const created = await booked(client, { visitTypeId: visitType.id, resourceId: resource.id, startsAt: '2027-03-28T06:00:00.000Z' });
      expect(created).toMatchObject({ startsAt: '2027-03-28T06:00:00.000Z', endsAt: '2027-03-28T06:30:00.000Z' });
      // 24 h before 08:00 summer time is 07:00 winter time the day before, still 06:00 UTC.
      expect(created.changeDeadline).toBe('2027-03-27T06:00:00.000Z');
      const rows = await t.db.db.select({ startsAt: appointments.startsAt }).from(appointments).where(inArray(appointments.id, [created.id]));
      expect(rows[0]!.startsAt.toISOString()).toBe('2027-03-28T06:00:00.000Z');
    });
  });
});
