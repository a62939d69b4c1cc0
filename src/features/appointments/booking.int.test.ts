import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/connect.ts';
import type { Database, DatabaseHandle } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { bookSlot, cancelBooking, moveBooking } from './booking.ts';
import { offeredSlots } from './availability.ts';
import { findAppointment, type ResourceRow, type VisitTypeRow } from './store.ts';
import { appointments } from './tables.ts';
import { makeSchedule, makeVisitType } from './testing.ts';

/**
 * The booking writes against a real database: no double booking under concurrency (the
 * exclusion constraint decides), atomic moves, bookings of other lengths, a clock-change day.
 * The HTTP routes on top are tested in patient.int.test.ts and staff.int.test.ts.
 */

// Monday 23 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-23T09:00:00Z';
// Tuesday 24 November 2026, 09:00 in Stockholm.
const TUESDAY_0900 = new Date('2026-11-24T08:00:00Z');

let t: TestApp;
/** On PostgreSQL a pool of its own wide enough that the concurrent transactions really run at once. */
let wide: DatabaseHandle | undefined;
let db: Database;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  wide = process.env.DATABASE_URL ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 40 }) : undefined;
  db = wide?.db ?? t.db.db;
});
afterAll(async () => {
  await wide?.close();
  await t?.close();
});

async function clinic(visit: Parameters<typeof makeVisitType>[2] = {}) {
  const unit = await makeUnit(t.db.db);
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
  const visitType = await makeVisitType(t.db.db, unit.id, visit);
  const resource = await makeSchedule(t.db.db, unit.id, { staffId: nurse.id, visitTypeIds: [visitType.id] });
  return { unit, nurse, visitType, resource };
}

const book = (visitType: VisitTypeRow, resource: ResourceRow, startsAt: Date, patientId: string) =>
  db.transaction((tx) => bookSlot(tx, t.clock, { visitType, resource, startsAt, patientId, by: { personId: patientId } }));

const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === 'rejected' ? (result.reason instanceof AppError ? result.reason.code : String(result.reason)) : 'ok');

describe('no double booking, ever', () => {
  it('lets exactly one of 200 concurrent bookings of one slot through; the others get slot_taken', async () => {
    const { visitType, resource } = await clinic();
    const patients = await Promise.all(Array.from({ length: 200 }, () => makePerson(t.db.db)));
    const results = await Promise.allSettled(patients.map((patient) => book(visitType, resource, TUESDAY_0900, patient.id)));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'slot_taken')).toHaveLength(199);
    const live = await t.db.db.select().from(appointments).where(eq(appointments.resourceId, resource.id));
    expect(live).toHaveLength(1);
  }, 120_000);

  it('moves of 40 bookings to one slot at once: one moves, the other 39 keep their old time', async () => {
    const { visitType, resource } = await clinic({ lengthMinutes: 5 });
    // 40 five-minute bookings from 08:00 on Wednesday; all try to move to Tuesday 09:00.
    const patients = await Promise.all(Array.from({ length: 40 }, () => makePerson(t.db.db)));
    const originals = [];
    for (const [index, patient] of patients.entries()) {
      originals.push(await book(visitType, resource, new Date(Date.parse('2026-11-25T07:00:00Z') + index * 5 * 60_000), patient.id));
    }
    const results = await Promise.allSettled(
      originals.map((original) =>
        db.transaction(async (tx) => {
          const locked = (await findAppointment(tx, original.id, { forUpdate: true }))!;
          return moveBooking(tx, t.clock, locked, { visitType, resource, startsAt: TUESDAY_0900, by: { personId: original.patientId } });
        }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'slot_taken')).toHaveLength(39);
    const rows = await t.db.db.select().from(appointments).where(inArray(appointments.id, originals.map((row) => row.id)));
    expect(rows.filter((row) => row.status === 'booked')).toHaveLength(39);
    expect(rows.filter((row) => row.status === 'rebooked')).toHaveLength(1);
    expect(rows.find((row) => row.status === 'rebooked')!.replacedById).toBeTruthy();
  }, 120_000);
});

describe('bookings of other lengths and moves', () => {
  it('refuses a 30-minute visit inside an hour already booked on the same resource', async () => {
    const { unit, resource, visitType: half } = await clinic();
    const hour = await makeVisitType(t.db.db, unit.id, { name: 'Hälsosamtal', lengthMinutes: 60 });
    const both = { ...resource, visitTypeIds: [half.id, hour.id] };
    const [first, second] = [await makePerson(t.db.db), await makePerson(t.db.db)];
    await book(hour, both, TUESDAY_0900, first.id);
    await expect(book(half, both, new Date('2026-11-24T08:30:00Z'), second.id)).rejects.toMatchObject({ code: 'slot_taken' });
    // …and the free slots say the same: 09:00 and 09:30 are gone, 10:00 is free.
    const free = await db.transaction((tx) => offeredSlots(tx, half, { fromDate: '2026-11-24', days: 1 }, t.clock.now()));
    const starts = free.filter((slot) => slot.resourceId === resource.id).map((slot) => slot.start.toISOString());
    expect(starts).not.toContain('2026-11-24T08:00:00.000Z');
    expect(starts).not.toContain('2026-11-24T08:30:00.000Z');
    expect(starts).toContain('2026-11-24T09:00:00.000Z');
  });

  it('moves a booking to a time that overlaps its own old time (the old time is freed first)', async () => {
    const { unit, resource } = await clinic();
    const hour = await makeVisitType(t.db.db, unit.id, { lengthMinutes: 60 });
    const withHour = { ...resource, visitTypeIds: [hour.id] };
    const patient = await makePerson(t.db.db);
    const original = await book(hour, withHour, TUESDAY_0900, patient.id);
    const moved = await db.transaction(async (tx) =>
      moveBooking(tx, t.clock, (await findAppointment(tx, original.id, { forUpdate: true }))!, { visitType: hour, resource: withHour, startsAt: new Date('2026-11-24T09:00:00Z'), by: { personId: patient.id } }),
    );
    expect(moved.rebookedFromId).toBe(original.id);
    expect((await findAppointment(t.db.db, original.id))!.status).toBe('rebooked');
  });

  it('frees a cancelled time for someone else, and refuses to cancel twice', async () => {
    const { visitType, resource } = await clinic();
    const [first, second] = [await makePerson(t.db.db), await makePerson(t.db.db)];
    const booking = await book(visitType, resource, TUESDAY_0900, first.id);
    const cancelled = await db.transaction((tx) => cancelBooking(tx, t.clock, booking, { personId: first.id }));
    expect(cancelled.status).toBe('cancelled');
    await expect(db.transaction((tx) => cancelBooking(tx, t.clock, cancelled, { personId: first.id }))).rejects.toMatchObject({ code: 'appointment_not_booked' });
    expect((await book(visitType, resource, TUESDAY_0900, second.id)).status).toBe('booked');
  });

  it('refuses times that are not slots of the template, and times that have passed', async () => {
    const { visitType, resource } = await clinic();
    const patient = await makePerson(t.db.db);
    await expect(book(visitType, resource, new Date('2026-11-24T08:10:00Z'), patient.id)).rejects.toMatchObject({ code: 'slot_not_offered' });
    await expect(book(visitType, resource, new Date('2026-11-24T13:00:00Z'), patient.id)).rejects.toMatchObject({ code: 'slot_not_offered' });
    await expect(book(visitType, resource, new Date('2026-11-23T08:00:00Z'), patient.id)).rejects.toMatchObject({ code: 'slot_not_offered' });
  });
});

describe('the clock change', () => {
  it('books 09:00 local on the Sunday summer time begins at 07:00 UTC, an hour long', async () => {
    const unit = await makeUnit(t.db.db);
    const visitType = await makeVisitType(t.db.db, unit.id, { lengthMinutes: 60 });
    const resource = await makeSchedule(t.db.db, unit.id, {
      roomName: 'Jourrum',
      visitTypeIds: [visitType.id],
      template: { weekly: {}, exceptions: { '2027-03-28': [{ from: '01:00', to: '04:00' }, { from: '09:00', to: '10:00' }] }, absences: [] },
    });
    const free = await db.transaction((tx) => offeredSlots(tx, visitType, { fromDate: '2027-03-28', days: 1 }, t.clock.now()));
    expect(free.map((slot) => slot.start.toISOString())).toContain('2027-03-28T07:00:00.000Z');
    const patient = await makePerson(t.db.db);
    const booked = await book(visitType, resource, new Date('2027-03-28T07:00:00Z'), patient.id);
    expect(booked.endsAt.toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });
});
