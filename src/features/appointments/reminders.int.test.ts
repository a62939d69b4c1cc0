import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { findJob } from '../../platform/jobs/store.ts';
import { notificationOutbox, personContactDetails } from '../../platform/notifications/tables.ts';
import { renderNotification } from '../../platform/notifications/templates.ts';
import { makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { cancelAppointmentReminder, REMINDER_JOB, reminderKey, scheduleAppointmentReminder, sendAppointmentReminder } from './reminders.ts';
import { appointments, appointmentSettings } from './tables.ts';
import { makeSchedule, makeVisitType } from './testing.ts';

// Far from the other test files' clocks, so that on a shared PostgreSQL their runs never find these jobs due.
const NOW = '2031-03-10T08:00:00Z';
const HOUR = 3_600_000;
const PUBLIC_URL = 'https://nara.test.example';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => t?.close());

async function personWithEmail() {
  const person = await makePerson(t.db.db);
  await t.db.db.insert(personContactDetails).values({ personId: person.id, email: `p-${person.id.slice(0, 8)}@example.se`, notifyByEmail: true, updatedAt: new Date(NOW) });
  return person;
}

/** A unit with a visit type and a practitioner's schedule; reminderHoursBefore undefined: the unit has no settings row. */
async function unitWith(reminderHoursBefore?: number) {
  const unit = await makeUnit(t.db.db, { name: `Vårdcentralen Hemlig ${Math.random().toString(36).slice(2, 8)}` });
  if (reminderHoursBefore !== undefined) {
    await t.db.db.insert(appointmentSettings).values({ unitId: unit.id, reminderHoursBefore, bookingHorizonDays: 60, updatedAt: new Date(NOW) });
  }
  const visitType = await makeVisitType(t.db.db, unit.id, { name: 'Diabeteskontroll' });
  const resource = await makeSchedule(t.db.db, unit.id, { roomName: 'Rum 3', visitTypeIds: [visitType.id] });
  return { unit, visitType, resource };
}

/** A booking written straight to the table, and its reminder scheduled as the booking service does. */
async function book(at: { unitId: string; visitTypeId: string; resourceId: string }, startsAt: string, patientId: string, bookedByPersonId = patientId) {
  const clock = fixedClock(NOW);
  return t.db.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({
        unitId: at.unitId,
        resourceId: at.resourceId,
        visitTypeId: at.visitTypeId,
        patientId,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
        channel: 'at_unit',
        status: 'booked',
        bookedByPersonId,
        bookedAt: clock.now(),
      })
      .returning();
    await scheduleAppointmentReminder(tx, clock, row!);
    return row!;
  });
}

const setup = async (reminderHoursBefore?: number) => {
  const { unit, visitType, resource } = await unitWith(reminderHoursBefore);
  return { unit, at: { unitId: unit.id, visitTypeId: visitType.id, resourceId: resource.id } };
};

/** Runs this booking's reminder job (only it: other files' jobs are theirs) at the given moment. */
const runAt = (appointmentId: string, at: string) => runDueJobs(t.db.db, fixedClock(at), { names: [REMINDER_JOB], keys: [reminderKey(appointmentId)] });

const outboxOf = (personIds: string[]) =>
  t.db.db.select().from(notificationOutbox).where(inArray(notificationOutbox.recipientPersonId, personIds)).orderBy(notificationOutbox.dedupeKey);

describe('appointment reminders', () => {
  it('go out 24 hours before by default, with the time and nothing about the unit', async () => {
    const { unit, at } = await setup();
    const patient = await personWithEmail();
    const appointment = await book(at, '2031-03-12T09:00:00Z', patient.id);
    expect(await findJob(t.db.db, reminderKey(appointment.id))).toMatchObject({
      name: REMINDER_JOB,
      status: 'pending',
      runAt: new Date('2031-03-11T09:00:00Z'),
      payload: { appointmentId: appointment.id, startsAt: '2031-03-12T09:00:00.000Z' },
    });

    expect((await runAt(appointment.id, '2031-03-11T08:59:59Z')).claimed).toBe(0);
    expect(await outboxOf([patient.id])).toEqual([]);
    expect(await runAt(appointment.id, '2031-03-11T09:00:00Z')).toMatchObject({ claimed: 1, done: 1 });

    const rows = await outboxOf([patient.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      template: 'appointment_reminder',
      channel: 'email',
      status: 'pending',
      params: { startsAt: '2031-03-12T09:00:00.000Z' },
      dedupeKey: `appointment-reminder:${appointment.id}:2031-03-12T09:00:00.000Z:${patient.id}:email`,
    });
    const rendered = renderNotification('appointment_reminder', 'email', { publicUrl: PUBLIC_URL, params: rows[0]!.params });
    const all = `${rendered.subject}\n${rendered.text}`;
    expect(all).toContain('onsdag 12 mars kl. 10.00');
    expect(all).toContain('Wednesday 12 March at 10:00');
    for (const secret of [unit.name, 'Hemlig', 'Diabetes', 'Rum 3']) expect(all).not.toContain(secret);
    expect((await findJob(t.db.db, reminderKey(appointment.id)))?.status).toBe('done');

    // Idempotent: the handler run again (a worker that died before recording `done`) enqueues nothing.
    await sendAppointmentReminder(t.db.db, fixedClock('2031-03-11T09:05:00Z'), { appointmentId: appointment.id, startsAt: '2031-03-12T09:00:00.000Z' });
    expect(await outboxOf([patient.id])).toHaveLength(1);
  });

  it('also go to the guardian who booked for the child', async () => {
    const { at } = await setup();
    const child = await personWithEmail();
    const guardian = await personWithEmail();
    const appointment = await book(at, '2031-03-13T09:00:00Z', child.id, guardian.id);
    await runAt(appointment.id, '2031-03-12T09:00:00Z');
    const rows = await outboxOf([child.id, guardian.id]);
    expect(rows.map((row) => row.recipientPersonId).sort()).toEqual([child.id, guardian.id].sort());
    expect(rows.every((row) => row.template === 'appointment_reminder')).toBe(true);
  });

  it("follow the unit's own timing", async () => {
    const { at } = await setup(2);
    const patient = await personWithEmail();
    const appointment = await book(at, '2031-03-12T13:00:00Z', patient.id);
    expect((await findJob(t.db.db, reminderKey(appointment.id)))?.runAt).toEqual(new Date('2031-03-12T11:00:00Z'));
    expect((await runAt(appointment.id, '2031-03-11T13:00:00Z')).claimed).toBe(0);
    expect((await runAt(appointment.id, '2031-03-12T10:59:00Z')).claimed).toBe(0);
    expect(await outboxOf([patient.id])).toEqual([]);
    expect((await runAt(appointment.id, '2031-03-12T11:00:00Z')).done).toBe(1);
    expect(await outboxOf([patient.id])).toHaveLength(1);
  });

  it('are not scheduled when booked after the reminder moment: the confirmation is enough', async () => {
    const { at } = await setup();
    const patient = await personWithEmail();
    const appointment = await book(at, new Date(new Date(NOW).getTime() + 20 * HOUR).toISOString(), patient.id);
    expect(await findJob(t.db.db, reminderKey(appointment.id))).toBeNull();
  });

  it('are cancelled with the booking', async () => {
    const { at } = await setup();
    const patient = await personWithEmail();
    const appointment = await book(at, '2031-03-14T09:00:00Z', patient.id);
    await t.db.db.transaction((tx) => cancelAppointmentReminder(tx, appointment.id));
    expect((await findJob(t.db.db, reminderKey(appointment.id)))?.status).toBe('cancelled');
    expect((await runAt(appointment.id, '2031-03-14T08:00:00Z')).claimed).toBe(0);
    expect(await outboxOf([patient.id])).toEqual([]);
  });

  it('send nothing for a booking cancelled or moved while its job stayed pending', async () => {
    const { at } = await setup();
    const patient = await personWithEmail();
    const cancelled = await book(at, '2031-03-15T09:00:00Z', patient.id);
    const moved = await book(at, '2031-03-15T10:00:00Z', patient.id);
    await t.db.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, cancelled.id));
    await t.db.db.update(appointments).set({ startsAt: new Date('2031-03-15T11:00:00Z'), endsAt: new Date('2031-03-15T11:30:00Z') }).where(eq(appointments.id, moved.id));
    expect((await runAt(cancelled.id, '2031-03-14T09:00:00Z')).done).toBe(1);
    expect((await runAt(moved.id, '2031-03-14T10:00:00Z')).done).toBe(1);
    expect(await outboxOf([patient.id])).toEqual([]);
  });

  it('send nothing when the worker only gets to it after the appointment has begun', async () => {
    const { at } = await setup();
    const patient = await personWithEmail();
    const appointment = await book(at, '2031-03-16T09:00:00Z', patient.id);
    expect((await runAt(appointment.id, '2031-03-16T09:00:00Z')).done).toBe(1);
    expect(await outboxOf([patient.id])).toEqual([]);
  });

  describe('when the unit administrator changes the reminder time', () => {
    const changeReminderTime = async (unitId: string, reminderHoursBefore: number) => {
      const admin = await makeStaff(t.db.db, { unitId, roles: ['receptionist', 'unit_admin'], profession: 'receptionist' });
      const client = await loginAs(t.app, t.db.db, { staffId: admin.id });
      const saved = await client.put('/api/unit-admin/appointments/settings', { reminderHoursBefore, bookingHorizonDays: 56 });
      expect(saved.statusCode).toBe(200);
    };
    const jobOf = (appointmentId: string) => findJob(t.db.db, reminderKey(appointmentId));

    it('move the reminders of the bookings already made, on the wall clock; one whose new moment has passed is not sent', async () => {
      const { unit, at } = await setup();
      const other = await setup();
      const patient = await personWithEmail();
      const thursday = await book(at, '2031-03-13T09:00:00Z', patient.id);
      // Monday 31 March 2031 09:00 CEST, after the spring change (30 March).
      const afterClockChange = await book(at, '2031-03-31T07:00:00Z', patient.id);
      const soon = await book(at, '2031-03-11T10:00:00Z', patient.id);
      const cancelled = await book(at, '2031-03-14T09:00:00Z', patient.id);
      await t.db.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, cancelled.id));
      await t.db.db.transaction((tx) => cancelAppointmentReminder(tx, cancelled.id));
      const elsewhere = await book(other.at, '2031-03-13T09:00:00Z', patient.id);

      await changeReminderTime(unit.id, 48);

      expect(await jobOf(thursday.id)).toMatchObject({ status: 'pending', runAt: new Date('2031-03-11T09:00:00Z') });
      // 48 h on the clock: Saturday 09:00 CET, not 08:00 (47 hours pass).
      expect(await jobOf(afterClockChange.id)).toMatchObject({ status: 'pending', runAt: new Date('2031-03-29T08:00:00Z') });
      // Was due at 10:00 today; 48 hours before is past.
      expect((await jobOf(soon.id))?.status).toBe('cancelled');
      expect((await runAt(soon.id, '2031-03-10T10:00:00Z')).claimed).toBe(0);
      // Not booked any more, or another unit's: untouched.
      expect((await jobOf(cancelled.id))?.status).toBe('cancelled');
      expect(await jobOf(elsewhere.id)).toMatchObject({ status: 'pending', runAt: new Date('2031-03-12T09:00:00Z') });

      expect((await runAt(thursday.id, '2031-03-11T09:00:00Z')).done).toBe(1);
      expect(await outboxOf([patient.id])).toHaveLength(1);
    });

    it('send no reminder twice, and give one to a booking made at short notice when the time gets shorter', async () => {
      const { unit, at } = await setup();
      const patient = await personWithEmail();
      const reminded = await book(at, '2031-03-11T09:00:00Z', patient.id);
      const shortNotice = await book(at, '2031-03-11T04:00:00Z', patient.id);
      expect(await jobOf(shortNotice.id)).toBeNull();
      expect((await runAt(reminded.id, '2031-03-10T09:00:00Z')).done).toBe(1);

      t.clock.set('2031-03-10T09:30:00Z');
      try {
        await changeReminderTime(unit.id, 2);
      } finally {
        t.clock.set(NOW);
      }

      expect(await jobOf(reminded.id)).toMatchObject({ status: 'done', runAt: new Date('2031-03-10T09:00:00Z') });
      expect(await jobOf(shortNotice.id)).toMatchObject({ status: 'pending', runAt: new Date('2031-03-11T02:00:00Z') });
      expect(await outboxOf([patient.id])).toHaveLength(1);
    });
  });
});
