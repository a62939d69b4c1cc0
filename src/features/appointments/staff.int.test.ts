import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makePerson, makeStaff, makeUnit, randomIdentityNumber } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { AppointmentDetail, Calendar, PatientAppointments, UnitResources } from './staff-contract.ts';
import { appointments, scheduleResources } from './tables.ts';
import { makeSchedule, makeVisitType } from './testing.ts';

/**
 * Tidbok through HTTP: the calendar, booking on a patient's behalf, moving, cancelling,
 * arrived / no-show, the patient's appointments at the unit, and who may do any of it.
 */

// Monday 23 November 2026, 10:00 in Stockholm (UTC+1).
const NOW = '2026-11-23T09:00:00Z';
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
/** Tuesday 24 November at hh:mm in Stockholm, as the API writes it. */
const tuesday = (time: string) => new Date(`${TUESDAY}T${time}:00+01:00`).toISOString();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => t?.close());

/**
 * A health centre: nurse Sara works weekday mornings 08–12 with a 30-minute nurse visit and
 * a 15-minute phone call, a sampling room with an unpublished 15-minute sampling; a
 * receptionist, an administrator who does not book, a clinician of another unit, a patient
 * without any care relation here.
 */
async function clinic() {
  const unit = await makeUnit(t.db.db);
  const receptionist = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist'], givenName: 'Lena' });
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], givenName: 'Sara', familyName: 'Nilsson' });
  const adminOnly = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_admin'] });
  const other = await makeUnit(t.db.db);
  const outsider = await makeStaff(t.db.db, { unitId: other.id, roles: ['clinician', 'receptionist'] });
  const nurseVisit = await makeVisitType(t.db.db, unit.id, { name: 'Besök hos sjuksköterska 30 min', lengthMinutes: 30 });
  const phone = await makeVisitType(t.db.db, unit.id, { name: 'Telefontid 15 min', lengthMinutes: 15, channel: 'phone' });
  const sampling = await makeVisitType(t.db.db, unit.id, { name: 'Provtagning 15 min', lengthMinutes: 15, published: false, bookableOnlineBy: 'nobody' });
  const saraSchedule = await makeSchedule(t.db.db, unit.id, { staffId: nurse.id, visitTypeIds: [nurseVisit.id, phone.id] });
  const room = await makeSchedule(t.db.db, unit.id, { roomName: 'Provtagningsrum 1', visitTypeIds: [sampling.id] });
  const patient = await makePerson(t.db.db, { givenName: 'Anna', familyName: 'Andersson', birthDate: '1985-03-12' });
  return {
    unit,
    other,
    nurseVisit,
    phone,
    sampling,
    saraSchedule,
    room,
    patient,
    reception: await loginAs(t.app, t.db.db, { staffId: receptionist.id }),
    nurseClient: await loginAs(t.app, t.db.db, { staffId: nurse.id }),
    adminClient: await loginAs(t.app, t.db.db, { staffId: adminOnly.id }),
    outsiderClient: await loginAs(t.app, t.db.db, { staffId: outsider.id }),
  };
}
type Clinic = Awaited<ReturnType<typeof clinic>>;

async function calendarOf(client: TestClient, query: string): Promise<Calendar> {
  const response = await client.get(`/api/staff/appointments/calendar?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Calendar;
}

async function book(c: Clinic, values: { visitTypeId?: string; resourceId?: string; startsAt?: string; noteToPatient?: string } = {}, headers: Record<string, string> = {}) {
  return c.reception.post(
    '/api/staff/appointments',
    { identityNumber: c.patient.identityNumber, visitTypeId: c.nurseVisit.id, resourceId: c.saraSchedule.id, startsAt: tuesday('09:00'), ...values },
    headers,
  );
}

async function booked(c: Clinic, values: Parameters<typeof book>[1] = {}): Promise<AppointmentDetail> {
  const response = await book(c, values);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AppointmentDetail;
}

const auditRows = (where: ReturnType<typeof sql>) =>
  executeRows<{ action: string; object_type: string; object_id: string | null; patient_id: string | null; reason: string | null }>(
    t.db.db,
    sql`select action, object_type, object_id, patient_id, reason from audit_log where ${where} order by seq`,
  );

describe('the calendar', () => {
  it("lists the unit's practitioners and rooms and every active visit type, published or not", async () => {
    const c = await clinic();
    const response = await c.reception.get('/api/staff/appointments/resources');
    expect(response.statusCode).toBe(200);
    const body = response.json() as UnitResources;
    expect(body.unit).toEqual({ id: c.unit.id, name: c.unit.name });
    expect(body.resources.map((resource) => [resource.kind, resource.name])).toEqual([
      ['staff', 'Sara Nilsson'],
      ['room', 'Provtagningsrum 1'],
    ]);
    expect(body.visitTypes.map((type) => [type.name, type.published])).toEqual([
      ['Besök hos sjuksköterska 30 min', true],
      ['Provtagning 15 min', false],
      ['Telefontid 15 min', true],
    ]);
  });

  it('shows a day: worked hours, free slots on the finest grid with the types that fit, and a chosen type on its own grid', async () => {
    const c = await clinic();
    const day = await calendarOf(c.reception, `date=${TUESDAY}`);
    expect(day.days).toEqual([TUESDAY]);
    expect(day.worked.find((entry) => entry.resourceId === c.saraSchedule.id)?.intervals).toEqual([{ start: tuesday('08:00'), end: tuesday('12:00') }]);
    const sara = day.freeSlots.filter((slot) => slot.resourceId === c.saraSchedule.id);
    expect(sara).toHaveLength(16);
    expect(sara[0]).toEqual({ resourceId: c.saraSchedule.id, start: tuesday('08:00'), end: tuesday('08:15'), visitTypeIds: expect.arrayContaining([c.nurseVisit.id, c.phone.id]) });
    expect(sara[1]!.visitTypeIds).toEqual([c.phone.id]);
    expect(day.freeSlots.filter((slot) => slot.resourceId === c.room.id)[0]!.visitTypeIds).toEqual([c.sampling.id]);

    const nurseOnly = await calendarOf(c.reception, `date=${TUESDAY}&resourceId=${c.saraSchedule.id}&visitTypeId=${c.nurseVisit.id}`);
    expect(nurseOnly.resources.map((resource) => resource.id)).toEqual([c.saraSchedule.id]);
    expect(nurseOnly.freeSlots.map((slot) => slot.start)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map(tuesday));

    // Today only what is still ahead of 10:00 is free.
    const today = await calendarOf(c.reception, `date=${MONDAY}&resourceId=${c.saraSchedule.id}&visitTypeId=${c.nurseVisit.id}`);
    expect(today.freeSlots.map((slot) => slot.start)).toEqual(['10:30', '11:00', '11:30'].map((time) => new Date(`${MONDAY}T${time}:00+01:00`).toISOString()));
  });

  it('shows an ISO week from Monday, and the bookings with patient, type, channel and status', async () => {
    const c = await clinic();
    const appointment = (await booked(c)).appointment;
    const week = await calendarOf(c.nurseClient, `date=2026-11-26&view=week`);
    expect(week.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(week.worked.filter((entry) => entry.resourceId === c.saraSchedule.id && entry.intervals.length > 0).map((entry) => entry.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(week.bookings).toEqual([
      {
        id: appointment.id,
        resourceId: c.saraSchedule.id,
        startsAt: tuesday('09:00'),
        endsAt: tuesday('09:30'),
        status: 'booked',
        channel: 'at_unit',
        visitType: { id: c.nurseVisit.id, name: 'Besök hos sjuksköterska 30 min' },
        patient: { id: c.patient.id, name: 'Anna Andersson', identityNumber: c.patient.identityNumber, protectedIdentity: false },
        bookedBy: 'staff',
      },
    ]);
    // The booked half hour is no longer free, on either grid.
    const free = week.freeSlots.filter((slot) => slot.resourceId === c.saraSchedule.id).map((slot) => slot.start);
    expect(free).not.toContain(tuesday('09:00'));
    expect(free).not.toContain(tuesday('09:15'));
    expect(free).toContain(tuesday('09:30'));
  });

  it('still shows a retired schedule that holds bookings in the view, without free times', async () => {
    const c = await clinic();
    const { appointment } = await booked(c);
    await t.db.db.update(scheduleResources).set({ active: false }).where(eq(scheduleResources.id, c.saraSchedule.id));
    const day = await calendarOf(c.reception, `date=${TUESDAY}`);
    expect(day.resources.map((resource) => resource.id)).toEqual([c.saraSchedule.id, c.room.id]);
    expect(day.bookings.map((booking) => booking.id)).toEqual([appointment.id]);
    expect(day.worked.find((entry) => entry.resourceId === c.saraSchedule.id)?.intervals).toEqual([]);
    expect(day.freeSlots.filter((slot) => slot.resourceId === c.saraSchedule.id)).toEqual([]);
    // Without bookings in the view it is left out.
    expect((await calendarOf(c.reception, `date=2026-11-25`)).resources.map((resource) => resource.id)).toEqual([c.room.id]);
  });

  it('is audited as one read of the unit per request, not one row per patient', async () => {
    const c = await clinic();
    await booked(c);
    const before = await auditRows(sql`object_type = 'appointment_calendar' and object_id = ${c.unit.id}`);
    await calendarOf(c.reception, `date=${TUESDAY}`);
    const after = await auditRows(sql`object_type = 'appointment_calendar' and object_id = ${c.unit.id}`);
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({ action: 'read', patient_id: null });
  });

  it('refuses bad input with 400 and a resource of another unit with 404', async () => {
    const c = await clinic();
    expect((await c.reception.get('/api/staff/appointments/calendar?date=2026-02-30')).statusCode).toBe(400);
    expect((await c.reception.get(`/api/staff/appointments/calendar?date=${TUESDAY}&view=month`)).statusCode).toBe(400);
    const foreign = await makeSchedule(t.db.db, c.other.id, { roomName: 'Annat rum', visitTypeIds: [] });
    const response = await c.reception.get(`/api/staff/appointments/calendar?date=${TUESDAY}&resourceId=${foreign.id}`);
    expect(response.statusCode).toBe(404);
  });
});

describe('booking for a patient', () => {
  it('books by identity number, starts a care relation, audits, tells the unit live, and a retry with the same key books once', async () => {
    const c = await clinic();
    const key = { 'idempotency-key': `book-${c.patient.id}` };
    const first = await book(c, { noteToPatient: 'Ta med dina mediciner.' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const detail = first.json() as AppointmentDetail;
    expect(detail.appointment).toMatchObject({
      status: 'booked',
      startsAt: tuesday('09:00'),
      resourceName: 'Sara Nilsson',
      noteToPatient: 'Ta med dina mediciner.',
      bookedBy: { kind: 'staff', name: expect.stringContaining('Lena') },
      patient: { name: 'Anna Andersson' },
      allowedActions: ['move', 'cancel'],
      meetingPath: null,
    });
    const again = await book(c, { noteToPatient: 'Ta med dina mediciner.' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.json() as AppointmentDetail).appointment.id).toBe(detail.appointment.id);
    const rows = await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from ${appointments} where patient_id = ${c.patient.id}`);
    expect(rows[0]!.n).toBe(1);

    const relations = await executeRows<{ kind: string }>(t.db.db, sql`select kind from care_relations where unit_id = ${c.unit.id} and patient_id = ${c.patient.id}`);
    expect(relations).toEqual([{ kind: 'ongoing' }]);
    expect(await auditRows(sql`object_id = ${detail.appointment.id}`)).toEqual([
      { action: 'create', object_type: 'appointment', object_id: detail.appointment.id, patient_id: c.patient.id, reason: null },
    ]);
    const events = await executeRows<{ data: { appointmentId: string } }>(t.db.db, sql`select data from realtime_events where topic = ${`unit:${c.unit.id}`} and kind = 'appointments.changed'`);
    expect(events.map((event) => event.data.appointmentId)).toEqual([detail.appointment.id]);
  });

  it('books an unpublished visit type, and a video visit carries the staff meeting link', async () => {
    const c = await clinic();
    const sampling = await booked(c, { visitTypeId: c.sampling.id, resourceId: c.room.id, startsAt: tuesday('08:15') });
    expect(sampling.appointment).toMatchObject({ visitType: { published: false }, resourceName: 'Provtagningsrum 1', endsAt: tuesday('08:30') });
    const video = await makeVisitType(t.db.db, c.unit.id, { name: 'Videobesök', lengthMinutes: 20, channel: 'video' });
    const screen = await makeSchedule(t.db.db, c.unit.id, { roomName: 'Videorum', visitTypeIds: [video.id] });
    const meeting = await booked(c, { visitTypeId: video.id, resourceId: screen.id, startsAt: tuesday('08:20') });
    expect(meeting.appointment.meetingPath).toBe(`/arbetsyta/moten/bokning/${meeting.appointment.id}`);
  });

  it('refuses a taken time, a time outside the schedule, a type not on the schedule, and unknown patients', async () => {
    const c = await clinic();
    await booked(c);
    const codeOf = async (response: Promise<{ statusCode: number; json: () => unknown }>) => {
      const answer = await response;
      return [answer.statusCode, (answer.json() as { error: { code: string } }).error.code];
    };
    expect(await codeOf(book(c, { visitTypeId: c.phone.id, startsAt: tuesday('09:15') }))).toEqual([409, 'slot_taken']);
    expect(await codeOf(book(c, { startsAt: tuesday('13:00') }))).toEqual([409, 'slot_not_offered']);
    expect(await codeOf(book(c, { resourceId: c.room.id, startsAt: tuesday('10:00') }))).toEqual([409, 'visit_type_not_on_schedule']);
    const wrongCheckDigit = c.patient.identityNumber.slice(0, 11) + String((Number(c.patient.identityNumber.at(-1)) + 1) % 10);
    expect(await codeOf(c.reception.post('/api/staff/appointments', { identityNumber: wrongCheckDigit, visitTypeId: c.nurseVisit.id, resourceId: c.saraSchedule.id, startsAt: tuesday('10:00') }))).toEqual([
      400,
      'invalid_identity_number',
    ]);
    const stranger = randomIdentityNumber('1912-12-12');
    expect(await codeOf(c.reception.post('/api/staff/appointments', { identityNumber: stranger, visitTypeId: c.nurseVisit.id, resourceId: c.saraSchedule.id, startsAt: tuesday('10:00') }))).toEqual([
      404,
      'patient_not_found',
    ]);
    const foreignType = await makeVisitType(t.db.db, c.other.id);
    expect(await codeOf(book(c, { visitTypeId: foreignType.id, startsAt: tuesday('10:00') }))).toEqual([404, 'visit_type_not_found']);
    expect((await c.reception.post('/api/staff/appointments', { identityNumber: c.patient.identityNumber })).statusCode).toBe(400);
  });
});

describe('one booking', () => {
  it("opens with the patient's earlier and upcoming appointments at this unit only, audited", async () => {
    const c = await clinic();
    const { appointment } = await booked(c);
    const now = new Date(NOW);
    // An earlier visit (written directly: the API books only ahead) and one at another unit.
    await t.db.db.insert(appointments).values({
      unitId: c.unit.id,
      resourceId: c.saraSchedule.id,
      visitTypeId: c.nurseVisit.id,
      patientId: c.patient.id,
      startsAt: new Date('2026-10-05T07:00:00Z'),
      endsAt: new Date('2026-10-05T07:30:00Z'),
      channel: 'at_unit',
      status: 'arrived',
      bookedByPersonId: c.patient.id,
      bookedAt: now,
    });
    const otherType = await makeVisitType(t.db.db, c.other.id);
    const otherRoom = await makeSchedule(t.db.db, c.other.id, { roomName: 'Rum', visitTypeIds: [otherType.id] });
    await t.db.db.insert(appointments).values({
      unitId: c.other.id,
      resourceId: otherRoom.id,
      visitTypeId: otherType.id,
      patientId: c.patient.id,
      startsAt: new Date('2026-12-01T07:00:00Z'),
      endsAt: new Date('2026-12-01T07:30:00Z'),
      channel: 'at_unit',
      status: 'booked',
      bookedByPersonId: c.patient.id,
      bookedAt: now,
    });

    const response = await c.nurseClient.get(`/api/staff/appointments/${appointment.id}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json() as AppointmentDetail;
    expect(detail.history.upcoming.map((entry) => entry.id)).toEqual([appointment.id]);
    expect(detail.history.earlier).toMatchObject([{ startsAt: '2026-10-05T07:00:00.000Z', status: 'arrived', visitTypeName: 'Besök hos sjuksköterska 30 min', resourceName: 'Sara Nilsson' }]);
    expect((await auditRows(sql`object_id = ${appointment.id} and action = 'read'`)).map((row) => row.object_type)).toEqual(['appointment']);

    const history = await c.reception.get(`/api/staff/appointments/patients/${c.patient.id}`);
    expect(history.statusCode).toBe(200);
    expect((history.json() as PatientAppointments).upcoming).toHaveLength(1);
    // Without a care relation at the unit, a patient's appointments are not reachable.
    const stranger = await makePerson(t.db.db);
    expect((await c.reception.get(`/api/staff/appointments/patients/${stranger.id}`)).statusCode).toBe(403);
  });

  it('moves to another free time in one step; staff have no deadline', async () => {
    const c = await clinic();
    // 10:30 today: a patient would be past the 24-hour deadline; staff are not.
    const { appointment } = await booked(c, { startsAt: new Date(`${MONDAY}T10:30:00+01:00`).toISOString() });
    const key = { 'idempotency-key': `move-${appointment.id}` };
    const moved = await c.reception.post(`/api/staff/appointments/${appointment.id}/move`, { resourceId: c.saraSchedule.id, startsAt: tuesday('11:00') }, key);
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = moved.json() as AppointmentDetail;
    expect(detail.appointment).toMatchObject({ startsAt: tuesday('11:00'), status: 'booked', rebookedFromId: appointment.id });
    // A retry answers the first move instead of 409 (the old booking is no longer booked).
    const retry = await c.reception.post(`/api/staff/appointments/${appointment.id}/move`, { resourceId: c.saraSchedule.id, startsAt: tuesday('11:00') }, key);
    expect(retry.statusCode).toBe(200);
    expect((retry.json() as AppointmentDetail).appointment.id).toBe(detail.appointment.id);

    const week = await calendarOf(c.reception, `date=${TUESDAY}&view=week&resourceId=${c.saraSchedule.id}`);
    expect(week.bookings.map((booking) => [booking.id, booking.startsAt])).toEqual([[detail.appointment.id, tuesday('11:00')]]);
    expect((await auditRows(sql`object_id = ${appointment.id} and action = 'update'`)).map((row) => row.object_type)).toEqual(['appointment']);

    const taken = await booked(c, { startsAt: tuesday('08:00') });
    const clash = await c.reception.post(`/api/staff/appointments/${detail.appointment.id}/move`, { resourceId: c.saraSchedule.id, startsAt: tuesday('08:00') });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('slot_taken');
    expect(taken.appointment.status).toBe('booked');
    // The failed move left the booking where it was.
    expect(((await c.reception.get(`/api/staff/appointments/${detail.appointment.id}`)).json() as AppointmentDetail).appointment.status).toBe('booked');
  });

  it('cancels with a reason that stays in the audit log and never reaches the patient', async () => {
    const c = await clinic();
    const patientClient = await loginAs(t.app, t.db.db, { personId: c.patient.id });
    expect((await patientClient.put('/api/patient/contact-details', { email: 'anna@example.se', notifyByEmail: true, notifyBySms: false })).statusCode).toBe(200);
    const { appointment } = await booked(c);
    expect((await c.reception.post(`/api/staff/appointments/${appointment.id}/cancel`, {})).statusCode).toBe(400);
    const reason = 'Sjuksköterskan är sjuk, patienten ringd';
    const cancelled = await c.reception.post(`/api/staff/appointments/${appointment.id}/cancel`, { reason });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((cancelled.json() as AppointmentDetail).appointment).toMatchObject({ status: 'cancelled', allowedActions: [] });
    expect(await auditRows(sql`object_id = ${appointment.id} and action = 'update'`)).toMatchObject([{ object_type: 'appointment', reason: `cancelled: ${reason}` }]);
    const outbox = await executeRows<{ template: string; params: unknown }>(t.db.db, sql`select template, params from notification_outbox where recipient_person_id = ${c.patient.id} order by created_at`);
    expect(outbox.map((row) => row.template)).toContain('appointment_cancelled');
    expect(JSON.stringify(outbox)).not.toContain('sjuk');
    // Cancelled once is cancelled.
    const twice = await c.reception.post(`/api/staff/appointments/${appointment.id}/cancel`, { reason });
    expect(twice.statusCode).toBe(409);
    // The time is free again.
    const day = await calendarOf(c.reception, `date=${TUESDAY}&resourceId=${c.saraSchedule.id}&visitTypeId=${c.nurseVisit.id}`);
    expect(day.freeSlots.map((slot) => slot.start)).toContain(tuesday('09:00'));
  });

  it('marks arrived and no-show from the day of the visit, never before, and undoes', async () => {
    const c = await clinic();
    const later = (await booked(c)).appointment;
    const early = await c.reception.put(`/api/staff/appointments/${later.id}/attendance`, { status: 'arrived' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('appointment_not_started');

    const today = (await booked(c, { startsAt: new Date(`${MONDAY}T11:00:00+01:00`).toISOString() })).appointment;
    expect(today.allowedActions).toEqual(['move', 'cancel', 'arrived', 'no_show']);
    const arrived = await c.reception.put(`/api/staff/appointments/${today.id}/attendance`, { status: 'arrived' });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect((arrived.json() as AppointmentDetail).appointment).toMatchObject({ status: 'arrived', allowedActions: ['no_show', 'undo_attendance'] });
    const noShow = await c.nurseClient.put(`/api/staff/appointments/${today.id}/attendance`, { status: 'no_show' });
    expect((noShow.json() as AppointmentDetail).appointment.status).toBe('no_show');
    const undone = await c.reception.put(`/api/staff/appointments/${today.id}/attendance`, { status: 'booked' });
    expect((undone.json() as AppointmentDetail).appointment.status).toBe('booked');
    expect((await auditRows(sql`object_id = ${today.id} and object_type = 'appointment_attendance'`)).length).toBe(3);
    // An arrived visit cannot be moved or cancelled.
    await c.reception.put(`/api/staff/appointments/${today.id}/attendance`, { status: 'arrived' });
    expect((await c.reception.post(`/api/staff/appointments/${today.id}/cancel`, { reason: 'Fel' })).statusCode).toBe(409);
    expect((await c.reception.put(`/api/staff/appointments/${today.id}/attendance`, { status: 'late' })).statusCode).toBe(400);
  });
});

describe('who may', () => {
  it('refuses a unit administrator who is neither clinician nor receptionist', async () => {
    const c = await clinic();
    const { appointment } = await booked(c);
    for (const response of [
      await c.adminClient.get('/api/staff/appointments/resources'),
      await c.adminClient.get(`/api/staff/appointments/calendar?date=${TUESDAY}`),
      await c.adminClient.get(`/api/staff/appointments/${appointment.id}`),
      await c.adminClient.post('/api/staff/appointments', { identityNumber: c.patient.identityNumber, visitTypeId: c.nurseVisit.id, resourceId: c.saraSchedule.id, startsAt: tuesday('10:00') }),
    ]) {
      expect(response.statusCode).toBe(403);
    }
  });

  it("keeps another unit's staff out: its calendar holds nothing of this unit, and the booking is not found", async () => {
    const c = await clinic();
    const { appointment } = await booked(c);
    const theirs = await calendarOf(c.outsiderClient, `date=${TUESDAY}&view=week`);
    expect(theirs.bookings).toEqual([]);
    expect(theirs.resources).toEqual([]);
    for (const response of [
      await c.outsiderClient.get(`/api/staff/appointments/${appointment.id}`),
      await c.outsiderClient.post(`/api/staff/appointments/${appointment.id}/move`, { resourceId: c.saraSchedule.id, startsAt: tuesday('11:00') }),
      await c.outsiderClient.post(`/api/staff/appointments/${appointment.id}/cancel`, { reason: 'Inte vår' }),
      await c.outsiderClient.put(`/api/staff/appointments/${appointment.id}/attendance`, { status: 'arrived' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('appointment_not_found');
    }
    // Nor may they book on this unit's schedule.
    const intruding = await c.outsiderClient.post('/api/staff/appointments', {
      identityNumber: c.patient.identityNumber,
      visitTypeId: c.nurseVisit.id,
      resourceId: c.saraSchedule.id,
      startsAt: tuesday('10:00'),
    });
    expect(intruding.statusCode).toBe(404);
  });

  it('refuses citizens', async () => {
    const c = await clinic();
    const patientClient = await loginAs(t.app, t.db.db, { personId: c.patient.id });
    expect((await patientClient.get(`/api/staff/appointments/calendar?date=${TUESDAY}`)).statusCode).toBe(403);
  });
});
