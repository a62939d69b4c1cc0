import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import { bookSlot } from './booking.ts';
import { findAppointment, findResource, findVisitType } from './store.ts';

/** The unit administrator's visit types, schedules and settings through HTTP (issue 5). */

// Monday 23 November 2026, 10:00 in Stockholm.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-23T09:00:00Z' });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

const BASE = '/api/unit-admin/appointments';
const nurseVisit = {
  name: 'Besök hos sjuksköterska 30 min',
  preparation: 'Ta med dina mediciner.',
  lengthMinutes: 30,
  channel: 'at_unit',
  bookableOnlineBy: 'listed',
  cancellationHours: 24,
  published: true,
};
const day = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '16:00' },
];
const weekdays = { weekly: { '1': day, '2': day, '3': day, '4': day, '5': day }, exceptions: {}, absences: [] };

async function adminAtNewUnit() {
  const unit = await makeUnit(t.db.db);
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'], profession: 'receptionist' });
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], givenName: 'Sara' });
  return { unit, admin, nurse, client: await loginAs(t.app, t.db.db, { staffId: admin.id }) };
}

async function auditOf(objectId: string) {
  return executeRows<{ action: string; object_type: string; actor_staff_id: string; unit_id: string; reason: string | null }>(
    t.db.db,
    sql`select action, object_type, actor_staff_id, unit_id, reason from audit_log where object_id = ${objectId} order by seq`,
  );
}

describe('visit types', () => {
  it('creates (idempotently), lists, edits, retires and reactivates, each change audited', async () => {
    const { unit, admin, client } = await adminAtNewUnit();
    const key = { 'idempotency-key': `vt-${unit.id}` };
    const created = await client.post(`${BASE}/visit-types`, nurseVisit, key);
    expect(created.statusCode).toBe(201);
    const visitType = created.json();
    expect(visitType).toMatchObject({ ...nurseVisit, active: true, scheduleCount: 0 });
    const retry = await client.post(`${BASE}/visit-types`, nurseVisit, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(visitType.id);

    const list = (await client.get(`${BASE}/visit-types`)).json();
    expect(list).toMatchObject({ unitId: unit.id, webBookingActive: false, videoActive: false });
    expect(list.visitTypes.map((row: { id: string }) => row.id)).toEqual([visitType.id]);

    const edited = await client.put(`${BASE}/visit-types/${visitType.id}`, { ...nurseVisit, name: 'Sjuksköterskebesök 45 min', lengthMinutes: 45, channel: 'video', bookableOnlineBy: 'anyone', cancellationHours: 72, published: false });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Sjuksköterskebesök 45 min', lengthMinutes: 45, channel: 'video', bookableOnlineBy: 'anyone', cancellationHours: 72, published: false });

    const retired = await client.post(`${BASE}/visit-types/${visitType.id}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ visitType: { active: false }, bookingsAhead: 0 });
    expect((await client.put(`${BASE}/visit-types/${visitType.id}`, nurseVisit)).json().error.code).toBe('visit_type_retired');
    // Never deleted: the row stays for the bookings that refer to it.
    expect(await findVisitType(t.db.db, visitType.id)).toMatchObject({ active: false });
    const back = await client.post(`${BASE}/visit-types/${visitType.id}/reactivate`);
    expect(back.json().visitType.active).toBe(true);

    expect(await auditOf(visitType.id)).toEqual([
      { action: 'create', object_type: 'appointment_visit_type', actor_staff_id: admin.id, unit_id: unit.id, reason: null },
      { action: 'update', object_type: 'appointment_visit_type', actor_staff_id: admin.id, unit_id: unit.id, reason: null },
      { action: 'update', object_type: 'appointment_visit_type', actor_staff_id: admin.id, unit_id: unit.id, reason: 'retired' },
      { action: 'update', object_type: 'appointment_visit_type', actor_staff_id: admin.id, unit_id: unit.id, reason: 'reactivated' },
    ]);
  });

  it('says whether web booking and video are on at the unit', async () => {
    const { unit, client } = await adminAtNewUnit();
    await t.db.db.execute(sql`insert into unit_eservices (unit_id, eservice_code, status, offered_by_phone_or_desk, patient_group, updated_at)
      values (${unit.id}, 'webbtidbok', 'active', true, '{"listedOnly":false,"minAge":null,"maxAge":null}'::jsonb, now())`);
    expect((await client.get(`${BASE}/visit-types`)).json()).toMatchObject({ webBookingActive: true, videoActive: false });
  });

  it('answers invalid input with 400 and a code, and a second type in use with the same name with 409', async () => {
    const { client } = await adminAtNewUnit();
    const invalid: unknown[] = [
      { ...nurseVisit, name: '' },
      { ...nurseVisit, name: 'x'.repeat(121) },
      { ...nurseVisit, lengthMinutes: 4 },
      { ...nurseVisit, lengthMinutes: 481 },
      { ...nurseVisit, lengthMinutes: 30.5 },
      { ...nurseVisit, channel: 'sms' },
      { ...nurseVisit, bookableOnlineBy: 'everyone' },
      { ...nurseVisit, cancellationHours: -1 },
      { ...nurseVisit, cancellationHours: 721 },
      { ...nurseVisit, published: 'yes' },
      { ...nurseVisit, preparation: 'x'.repeat(2001) },
      { name: 'Utan resten' },
    ];
    for (const payload of invalid) {
      const response = await client.post(`${BASE}/visit-types`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await client.post(`${BASE}/visit-types`, nurseVisit)).statusCode).toBe(201);
    const twin = await client.post(`${BASE}/visit-types`, { ...nurseVisit, name: ' besök hos SJUKSKÖTERSKA 30 min ' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error).toMatchObject({ code: 'visit_type_name_taken', message: expect.stringContaining('besökstyp') });
    const english = await client.post(`${BASE}/visit-types`, nurseVisit, { 'accept-language': 'en' });
    expect(english.json().error.message).toMatch(/visit type in use/);
  });

  it('keeps a web booking limit per patient of 1–20 or none: set, kept when left out of an edit, removed with null', async () => {
    const { client } = await adminAtNewUnit();
    for (const maxUpcomingPerPatient of [0, 21, -1, 1.5, '1', true]) {
      const response = await client.post(`${BASE}/visit-types`, { ...nurseVisit, maxUpcomingPerPatient });
      expect(response.statusCode, String(maxUpcomingPerPatient)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: expect.stringContaining('maxUpcomingPerPatient') })] });
    }
    const withoutLimit = await client.post(`${BASE}/visit-types`, { ...nurseVisit, name: 'Sjukgymnastik 45 min' });
    expect(withoutLimit.json()).toMatchObject({ maxUpcomingPerPatient: null });

    const created = await client.post(`${BASE}/visit-types`, { ...nurseVisit, maxUpcomingPerPatient: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ maxUpcomingPerPatient: 1 });
    expect(await findVisitType(t.db.db, id)).toMatchObject({ maxUpcomingPerPatient: 1 });

    expect((await client.put(`${BASE}/visit-types/${id}`, { ...nurseVisit, maxUpcomingPerPatient: 20 })).json()).toMatchObject({ maxUpcomingPerPatient: 20 });
    expect((await client.put(`${BASE}/visit-types/${id}`, { ...nurseVisit, cancellationHours: 48 })).json()).toMatchObject({ cancellationHours: 48, maxUpcomingPerPatient: 20 });
    expect((await client.put(`${BASE}/visit-types/${id}`, { ...nurseVisit, maxUpcomingPerPatient: 21 })).statusCode).toBe(400);
    expect((await client.put(`${BASE}/visit-types/${id}`, { ...nurseVisit, maxUpcomingPerPatient: null })).json()).toMatchObject({ maxUpcomingPerPatient: null });
    expect(await findVisitType(t.db.db, id)).toMatchObject({ maxUpcomingPerPatient: null });
    const listed = (await client.get(`${BASE}/visit-types`)).json().visitTypes as { id: string; maxUpcomingPerPatient: number | null }[];
    expect(listed.find((row) => row.id === id)).toMatchObject({ maxUpcomingPerPatient: null });
  });

  it('has the database refuse a limit outside 1–20 too', async () => {
    const { unit } = await adminAtNewUnit();
    const insert = (limit: number) =>
      t.db.db.execute(sql`insert into visit_types (unit_id, name, length_minutes, channel, bookable_online_by, cancellation_hours, published, max_upcoming_per_patient, created_at, updated_at)
        values (${unit.id}, ${`Typ ${limit}`}, 30, 'at_unit', 'anyone', 24, true, ${limit}, now(), now())`);
    await expect(insert(0)).rejects.toThrow();
    await expect(insert(21)).rejects.toThrow();
    await insert(20);
  });
});

describe('who may administer', () => {
  it('refuses a clinician without unit_admin everything, with 403', async () => {
    const { unit } = await adminAtNewUnit();
    const clinician = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
    const client = await loginAs(t.app, t.db.db, { staffId: clinician.id });
    const calls = [
      client.get(`${BASE}/visit-types`),
      client.post(`${BASE}/visit-types`, nurseVisit),
      client.get(`${BASE}/schedules`),
      client.post(`${BASE}/schedules`, { kind: 'room', roomName: 'Provtagningsrum', template: weekdays, visitTypeIds: [], active: true }),
      client.get(`${BASE}/settings`),
      client.put(`${BASE}/settings`, { reminderHoursBefore: 48, bookingHorizonDays: 56 }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const [count] = await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from visit_types where unit_id = ${unit.id}`);
    expect(count!.n).toBe(0);
  });

  it('does not reach another unit’s visit types, schedules or staff', async () => {
    const mine = await adminAtNewUnit();
    const other = await adminAtNewUnit();
    const foreignType = (await other.client.post(`${BASE}/visit-types`, nurseVisit)).json();
    const foreignSchedule = (await other.client.post(`${BASE}/schedules`, { kind: 'staff', staffId: other.nurse.id, template: weekdays, visitTypeIds: [foreignType.id], active: true })).json();

    expect((await mine.client.put(`${BASE}/visit-types/${foreignType.id}`, nurseVisit)).statusCode).toBe(404);
    expect((await mine.client.post(`${BASE}/visit-types/${foreignType.id}/retire`)).statusCode).toBe(404);
    expect((await mine.client.put(`${BASE}/schedules/${foreignSchedule.id}`, { template: weekdays, visitTypeIds: [], active: false })).statusCode).toBe(404);
    expect((await mine.client.post(`${BASE}/schedules/${foreignSchedule.id}/preview`, { template: weekdays, visitTypeIds: [], active: true })).statusCode).toBe(404);
    const withForeignType = await mine.client.post(`${BASE}/schedules`, { kind: 'staff', staffId: mine.nurse.id, template: weekdays, visitTypeIds: [foreignType.id], active: true });
    expect(withForeignType.statusCode).toBe(422);
    expect(withForeignType.json().error).toMatchObject({ code: 'visit_type_not_at_unit', details: { ids: [foreignType.id] } });
    const foreignNurse = await mine.client.post(`${BASE}/schedules`, { kind: 'staff', staffId: other.nurse.id, template: weekdays, visitTypeIds: [], active: true });
    expect(foreignNurse.json().error.code).toBe('staff_not_at_unit');
    expect((await mine.client.get(`${BASE}/visit-types`)).json().visitTypes).toEqual([]);
    expect((await findResource(t.db.db, foreignSchedule.id))!.active).toBe(true);
  });
});

describe('schedules', () => {
  it('adds a practitioner’s and a room’s schedule, once each, and lists the staff still without one', async () => {
    const { unit, admin, nurse, client } = await adminAtNewUnit();
    const visitType = (await client.post(`${BASE}/visit-types`, nurseVisit)).json();
    const before = (await client.get(`${BASE}/schedules`)).json();
    expect(before.staffWithoutSchedule.map((row: { staffId: string }) => row.staffId).sort()).toEqual([admin.id, nurse.id].sort());

    const created = await client.post(`${BASE}/schedules`, { kind: 'staff', staffId: nurse.id, template: weekdays, visitTypeIds: [visitType.id], active: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'staff', staffId: nurse.id, roomName: null, name: expect.stringMatching(/^Sara /), profession: 'nurse', visitTypeIds: [visitType.id], active: true });
    expect(created.json().template.weekly['1']).toEqual(day);
    const again = await client.post(`${BASE}/schedules`, { kind: 'staff', staffId: nurse.id, template: weekdays, visitTypeIds: [], active: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('schedule_exists');

    const room = await client.post(`${BASE}/schedules`, { kind: 'room', roomName: 'Provtagningsrum', template: weekdays, visitTypeIds: [], active: true });
    expect(room.statusCode).toBe(201);
    expect((await client.post(`${BASE}/schedules`, { kind: 'room', roomName: 'provtagningsrum', template: weekdays, visitTypeIds: [], active: true })).json().error.code).toBe('room_name_taken');
    const renamed = await client.put(`${BASE}/schedules/${room.json().id}`, { roomName: 'Provtagning 1', template: weekdays, visitTypeIds: [], active: true });
    expect(renamed.json().schedule.name).toBe('Provtagning 1');
    expect((await client.put(`${BASE}/schedules/${created.json().id}`, { roomName: 'Rum', template: weekdays, visitTypeIds: [], active: true })).json().error.code).toBe('room_name_not_allowed');

    const after = (await client.get(`${BASE}/schedules`)).json();
    expect(after.schedules.map((row: { name: string }) => row.name)).toEqual(['Provtagning 1', created.json().name]);
    expect(after.staffWithoutSchedule.map((row: { staffId: string }) => row.staffId)).toEqual([admin.id]);
    expect((await client.get(`${BASE}/visit-types`)).json().visitTypes[0].scheduleCount).toBe(1);
    expect(await auditOf(created.json().id)).toEqual([{ action: 'create', object_type: 'appointment_schedule', actor_staff_id: admin.id, unit_id: unit.id, reason: null }]);
  });

  it('refuses an invalid template with 400 and one problem per field, in both languages', async () => {
    const { nurse, client } = await adminAtNewUnit();
    const template = {
      weekly: { '1': [{ from: '08:00', to: '12:00' }, { from: '11:30', to: '13:00' }], '2': [{ from: '8:00', to: '12:00' }], '3': [{ from: '12:00', to: '12:00' }] },
      exceptions: { '2026-02-30': [] },
      absences: [{ from: '2026-12-20', to: '2026-12-10' }],
    };
    const response = await client.post(`${BASE}/schedules`, { kind: 'staff', staffId: nurse.id, template, visitTypeIds: [], active: true });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('schedule_template_invalid');
    expect(error.details.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`)).toEqual([
      'weekly.1.1.from overlap',
      'weekly.2.0.from time_format',
      'weekly.3.0.to from_not_before_to',
      'exceptions.2026-02-30 date_format',
      'absences.0.to absence_order',
    ]);
    expect(error.details.problems[0].message).toEqual({ sv: expect.stringContaining('överlappar'), en: expect.stringContaining('overlaps') });
    // Shape errors (not strings, unknown weekday, duplicates) are the general validation error.
    for (const bad of [
      { ...weekdays, weekly: { '8': day } },
      { ...weekdays, weekly: { '1': [{ from: 800, to: 1200 }] } },
      { weekly: {}, exceptions: {} },
    ]) {
      expect((await client.post(`${BASE}/schedules`, { kind: 'staff', staffId: nurse.id, template: bad, visitTypeIds: [], active: true })).json().error.code).toBe('validation_failed');
    }
    const duplicate = '00000000-0000-4000-8000-000000000001';
    expect((await client.post(`${BASE}/schedules`, { kind: 'room', roomName: 'Rum', template: weekdays, visitTypeIds: [duplicate, duplicate], active: true })).statusCode).toBe(400);
  });

  it('never moves a booking when the template changes, and counts the bookings ahead it no longer covers', async () => {
    const { unit, admin, nurse, client } = await adminAtNewUnit();
    const visitType = (await client.post(`${BASE}/visit-types`, nurseVisit)).json();
    const schedule = (await client.post(`${BASE}/schedules`, { kind: 'staff', staffId: nurse.id, template: weekdays, visitTypeIds: [visitType.id], active: true })).json();
    const patient = await makePerson(t.db.db);
    const [vt, resource] = [(await findVisitType(t.db.db, visitType.id))!, (await findResource(t.db.db, schedule.id))!];
    const book = (iso: string) => t.db.db.transaction((tx) => bookSlot(tx, t.clock, { visitType: vt, resource, startsAt: new Date(iso), patientId: patient.id, by: { staffId: admin.id } }));
    const tuesday = await book('2026-11-24T08:00:00Z'); // Tuesday 09:00
    const wednesday = await book('2026-11-25T14:00:00Z'); // Wednesday 15:00
    const thursday = await book('2026-11-26T12:00:00Z'); // Thursday 13:00

    // Wednesdays mornings only from now on, Thursday 26 November closed (a course).
    const changed = { ...weekdays, weekly: { ...weekdays.weekly, '3': [{ from: '08:00', to: '12:00' }] }, exceptions: { '2026-11-26': [] } };
    const fields = { template: changed, visitTypeIds: [visitType.id], active: true };
    const preview = await client.post(`${BASE}/schedules/${schedule.id}/preview`, fields);
    expect(preview.json()).toEqual({ count: 2, startsAt: [wednesday.startsAt.toISOString(), thursday.startsAt.toISOString()] });
    expect((await findResource(t.db.db, schedule.id))!.template).toEqual(weekdays);

    const saved = await client.put(`${BASE}/schedules/${schedule.id}`, fields);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().bookingsOutside.count).toBe(2);
    expect(saved.json().schedule.template.exceptions).toEqual({ '2026-11-26': [] });
    for (const booking of [tuesday, wednesday, thursday]) expect((await findAppointment(t.db.db, booking.id))!.status).toBe('booked');

    // Taking the visit type off, or the schedule out of use, leaves every booking ahead uncovered.
    expect((await client.post(`${BASE}/schedules/${schedule.id}/preview`, { ...fields, visitTypeIds: [] })).json().count).toBe(3);
    const off = await client.put(`${BASE}/schedules/${schedule.id}`, { ...fields, active: false });
    expect(off.json()).toMatchObject({ schedule: { active: false }, bookingsOutside: { count: 3 } });
    expect(await auditOf(schedule.id)).toEqual([
      { action: 'create', object_type: 'appointment_schedule', actor_staff_id: admin.id, unit_id: unit.id, reason: null },
      { action: 'update', object_type: 'appointment_schedule', actor_staff_id: admin.id, unit_id: unit.id, reason: 'bookings_outside:2' },
      { action: 'update', object_type: 'appointment_schedule', actor_staff_id: admin.id, unit_id: unit.id, reason: 'bookings_outside:3' },
    ]);

    // Retiring the visit type takes it off the schedule and says how many bookings of it remain ahead.
    const retired = (await client.post(`${BASE}/visit-types/${visitType.id}/retire`)).json();
    expect(retired).toMatchObject({ visitType: { active: false, scheduleCount: 0 }, bookingsAhead: 3 });
    expect((await findResource(t.db.db, schedule.id))!.visitTypeIds).toEqual([]);
  });
});

describe('settings', () => {
  it('starts from the defaults, saves within 1–168 h and 7–365 days, audited', async () => {
    const { unit, admin, client } = await adminAtNewUnit();
    expect((await client.get(`${BASE}/settings`)).json()).toEqual({ unitId: unit.id, reminderHoursBefore: 24, bookingHorizonDays: 56, updatedAt: null });
    for (const bad of [
      { reminderHoursBefore: 0, bookingHorizonDays: 56 },
      { reminderHoursBefore: 169, bookingHorizonDays: 56 },
      { reminderHoursBefore: 24, bookingHorizonDays: 6 },
      { reminderHoursBefore: 24, bookingHorizonDays: 366 },
      { reminderHoursBefore: 24 },
    ]) {
      expect((await client.put(`${BASE}/settings`, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    const saved = await client.put(`${BASE}/settings`, { reminderHoursBefore: 48, bookingHorizonDays: 90 });
    expect(saved.json()).toEqual({ unitId: unit.id, reminderHoursBefore: 48, bookingHorizonDays: 90, updatedAt: '2026-11-23T09:00:00.000Z' });
    expect((await client.get(`${BASE}/settings`)).json().bookingHorizonDays).toBe(90);
    expect(await auditOf(unit.id)).toContainEqual({ action: 'update', object_type: 'appointment_settings', actor_staff_id: admin.id, unit_id: unit.id, reason: null });
  });
});
