import type { Database } from '../../platform/db/database.ts';
import { appointments } from '../appointments/tables.ts';
import { makeSchedule, makeVisitType } from '../appointments/testing.ts';

/** Test builder (not used by the server): a booked video visit with a practitioner, written straight to the tables. */
export async function makeVideoAppointment(db: Database, values: { unitId: string; staffId: string; patientId: string; startsAt: Date }): Promise<string> {
  const visitType = await makeVisitType(db, values.unitId, { name: 'Videobesök läkare', channel: 'video', lengthMinutes: 20 });
  const resource = await makeSchedule(db, values.unitId, { staffId: values.staffId, visitTypeIds: [visitType.id] });
  const [row] = await db
    .insert(appointments)
    .values({
      unitId: values.unitId,
      resourceId: resource.id,
      visitTypeId: visitType.id,
      patientId: values.patientId,
      startsAt: values.startsAt,
      endsAt: new Date(values.startsAt.getTime() + 20 * 60_000),
      channel: 'video',
      status: 'booked',
      bookedByStaffId: values.staffId,
      bookedAt: new Date(values.startsAt.getTime() - 86_400_000),
    })
    .returning({ id: appointments.id });
  return row!.id;
}
