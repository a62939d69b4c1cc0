import fs from 'node:fs';
import path from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { offeredSlots } from './availability.ts';
import { bookSlot } from './booking.ts';
import { channels, generateSlots, onlineBookers, workedIntervals, type WorkTemplate } from './model.ts';
import { insertAppointment, type ResourceRow, type VisitTypeRow } from './store.ts';
import { appointmentSettings, scheduleResources, visitTypes } from './tables.ts';
import { normaliseTemplate, templateProblems } from './template-rules.ts';

/**
 * The demo region's web booking (content/demo-region/appointments.json): per unit its visit
 * types, the schedules of practitioners and rooms, and its settings; then a few bookings.
 * Demo mode only, into an empty visit_types table. Dates are days from the day of loading so
 * the demo always looks current. Future bookings go through bookSlot (reminder job,
 * notification, live event, the no-overlap constraint); past ones are written as attended.
 */
const contentFile = path.resolve(import.meta.dirname, '../../../content/demo-region/appointments.json');

const interval = z.object({ from: z.string(), to: z.string() });
const visitTypeSchema = z.object({
  key: z.string(),
  name: z.string().min(1).max(120),
  preparation: z.string().max(2000),
  lengthMinutes: z.number().int().min(5).max(480),
  channel: z.enum(channels),
  bookableOnlineBy: z.enum(onlineBookers),
  cancellationHours: z.number().int().min(0).max(720),
  published: z.boolean(),
  /** The web booking limit per patient; left out = no limit. */
  maxUpcomingPerPatient: z.number().int().min(1).max(20).optional(),
});
const scheduleSchema = z
  .object({
    staff: z.string().optional(),
    room: z.string().optional(),
    visitTypes: z.array(z.string()),
    weekly: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(interval)),
    exceptions: z.array(z.object({ inDays: z.number().int(), intervals: z.array(interval), why: z.string().optional() })),
    absences: z.array(z.object({ fromInDays: z.number().int(), toInDays: z.number().int(), why: z.string().optional() })),
  })
  .refine((value) => (value.staff === undefined) !== (value.room === undefined), { message: 'a schedule is of a staff member or a room' });
const bookingSchema = z
  .object({
    unit: z.string(),
    patient: z.string(),
    visitType: z.string(),
    staff: z.string().optional(),
    room: z.string().optional(),
    inDays: z.number().int(),
    at: z.string().regex(/^\d{2}:\d{2}$/),
    status: z.enum(['booked', 'arrived']),
    /** "patient" or the HSA id of the staff member who booked. */
    bookedBy: z.string(),
    noteToPatient: z.string().optional(),
  })
  .refine((value) => (value.status === 'arrived') === value.inDays < 0, { message: 'past bookings are arrived, future ones booked' });

const fileSchema = z.object({
  note: z.string().optional(),
  units: z.record(
    z.string(),
    z.object({
      settings: z.object({ reminderHoursBefore: z.number().int().min(1).max(168), bookingHorizonDays: z.number().int().min(7).max(365) }),
      visitTypes: z.array(visitTypeSchema),
      schedules: z.array(scheduleSchema),
    }),
  ),
  bookings: z.array(bookingSchema),
});
type DemoFile = z.infer<typeof fileSchema>;

/** An exception `inDays` ahead lands on the first day on or after it that the template works, so it always changes something. */
function workingDayFrom(weekly: WorkTemplate['weekly'], date: string): string {
  for (let offset = 0; offset < 14; offset++) {
    const candidate = addDays(date, offset);
    if (workedIntervals({ weekly, exceptions: {}, absences: [] }, candidate).length > 0) return candidate;
  }
  return date;
}

function templateOf(schedule: DemoFile['units'][string]['schedules'][number], today: string): WorkTemplate {
  const weekly = schedule.weekly as WorkTemplate['weekly'];
  const template = normaliseTemplate({
    weekly,
    exceptions: Object.fromEntries(schedule.exceptions.map((exception) => [workingDayFrom(weekly, addDays(today, exception.inDays)), exception.intervals])),
    absences: schedule.absences.map((absence) => ({ from: addDays(today, absence.fromInDays), to: addDays(today, absence.toInDays) })),
  });
  const problems = templateProblems(template);
  if (problems.length > 0) throw new Error(`demo appointments: invalid template of ${schedule.staff ?? schedule.room}: ${problems.map((p) => `${p.path} ${p.code}`).join(', ')}`);
  return template;
}

async function idsBy<T extends { key: string | null; id: string }>(rows: Promise<T[]>): Promise<Map<string, string>> {
  return new Map((await rows).map((row) => [row.key!, row.id]));
}

export async function loadDemoAppointmentsIfEmpty(db: Database, clock: Clock, file = contentFile): Promise<{ visitTypes: number; schedules: number; bookings: number } | null> {
  const content = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(visitTypes);
    if (existing!.n > 0) return null;
    const today = stockholmDate(now);
    const unitIds = await idsBy(tx.select({ key: careUnits.hsaId, id: careUnits.id }).from(careUnits).where(inArray(careUnits.hsaId, Object.keys(content.units))));
    const staffIds = await idsBy(tx.select({ key: staff.hsaId, id: staff.id }).from(staff));
    const visitTypeRows = new Map<string, VisitTypeRow>(); // `${unit hsa}/${key}`
    const resourceRows = new Map<string, ResourceRow>(); // `${unit hsa}/${staff hsa | room name}`
    for (const [hsaId, unit] of Object.entries(content.units)) {
      const unitId = unitIds.get(hsaId);
      if (!unitId) throw new Error(`demo appointments: no unit ${hsaId}`);
      await tx.insert(appointmentSettings).values({ unitId, ...unit.settings, updatedAt: now });
      for (const { key, ...values } of unit.visitTypes) {
        const [row] = await tx
          .insert(visitTypes)
          .values({ unitId, ...values, maxUpcomingPerPatient: values.maxUpcomingPerPatient ?? null, createdAt: now, updatedAt: now })
          .returning();
        visitTypeRows.set(`${hsaId}/${key}`, row!);
      }
      for (const schedule of unit.schedules) {
        const staffId = schedule.staff === undefined ? null : staffIds.get(schedule.staff);
        if (staffId === undefined) throw new Error(`demo appointments: no staff ${schedule.staff}`);
        const ids = schedule.visitTypes.map((key) => {
          const visitType = visitTypeRows.get(`${hsaId}/${key}`);
          if (!visitType) throw new Error(`demo appointments: no visit type ${key} at ${hsaId}`);
          return visitType.id;
        });
        const [row] = await tx
          .insert(scheduleResources)
          .values({ unitId, kind: staffId ? 'staff' : 'room', staffId, roomName: schedule.room ?? null, template: templateOf(schedule, today), visitTypeIds: ids, updatedAt: now })
          .returning();
        resourceRows.set(`${hsaId}/${schedule.staff ?? schedule.room}`, row!);
      }
    }
    const patientIds = await idsBy(
      tx
        .select({ key: persons.identityNumber, id: persons.id })
        .from(persons)
        .where(inArray(persons.identityNumber, content.bookings.map((booking) => booking.patient).concat(['-']))),
    );
    for (const booking of content.bookings) await book(tx, booking, { clock, now, today, visitTypeRows, resourceRows, patientIds, staffIds });
    return { visitTypes: visitTypeRows.size, schedules: resourceRows.size, bookings: content.bookings.length };
  });
}

type Lookups = {
  clock: Clock;
  now: Date;
  today: string;
  visitTypeRows: Map<string, VisitTypeRow>;
  resourceRows: Map<string, ResourceRow>;
  patientIds: Map<string, string>;
  staffIds: Map<string, string>;
};

/** The first slot at or after the wanted local time of a day, from that day on for two weeks (backwards, for a past one). */
async function book(tx: Tx, booking: DemoFile['bookings'][number], lookups: Lookups) {
  const where = `${booking.unit}/${booking.staff ?? booking.room}`;
  const visitType = lookups.visitTypeRows.get(`${booking.unit}/${booking.visitType}`);
  const resource = lookups.resourceRows.get(where);
  const patientId = lookups.patientIds.get(booking.patient);
  const bookerStaffId = booking.bookedBy === 'patient' ? null : lookups.staffIds.get(booking.bookedBy);
  if (!visitType || !resource || !patientId || bookerStaffId === undefined) throw new Error(`demo appointments: unknown visit type, schedule, patient or booker in a booking at ${where}`);
  const wanted = (slot: { start: Date }) => slot.start.getTime() >= stockholmLocalToUtc(stockholmDate(slot.start), booking.at).getTime();
  if (booking.status === 'booked') {
    const fromDate = addDays(lookups.today, booking.inDays);
    const free = await offeredSlots(tx, visitType, { fromDate, days: 14 }, lookups.now, { resourceId: resource.id });
    const startsAt = free.find(wanted)?.start;
    if (!startsAt) throw new Error(`demo appointments: no free time for a booking at ${where}`);
    await bookSlot(tx, lookups.clock, {
      visitType,
      resource,
      startsAt,
      patientId,
      by: bookerStaffId ? { staffId: bookerStaffId } : { personId: patientId },
      noteToPatient: booking.noteToPatient ?? null,
    });
    return;
  }
  for (let back = 0; back < 14; back++) {
    const date = addDays(lookups.today, booking.inDays - back);
    const slot = generateSlots(resource.template, date, 1, visitType.lengthMinutes).find(wanted);
    if (!slot) continue;
    await insertAppointment(tx, {
      unitId: visitType.unitId,
      resourceId: resource.id,
      visitTypeId: visitType.id,
      patientId,
      startsAt: slot.start,
      endsAt: slot.end,
      channel: visitType.channel,
      status: 'arrived',
      bookedByPersonId: bookerStaffId ? null : patientId,
      bookedByStaffId: bookerStaffId,
      bookedAt: new Date(slot.start.getTime() - 7 * 86_400_000),
      noteToPatient: booking.noteToPatient ?? null,
      changedAt: slot.start,
      changedByStaffId: resource.staffId,
    });
    return;
  }
  throw new Error(`demo appointments: no time for a past booking at ${where}`);
}
