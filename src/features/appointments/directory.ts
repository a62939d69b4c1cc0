import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { appointments, scheduleResources } from './tables.ts';

/**
 * What other features may know of appointments. The video-meeting feature opens the
 * meeting of a booked video visit (D6, E6) and needs its unit, patient, time, channel,
 * status and the practitioner it is booked with; access is the caller's to check.
 */
export type AppointmentForMeeting = {
  id: string;
  unitId: string;
  patientId: string;
  startsAt: Date;
  channel: string;
  status: string;
  /** The practitioner the visit is booked with; null when booked on a room. */
  practitionerStaffId: string | null;
};

export async function appointmentForMeeting(tx: Tx, appointmentId: string): Promise<AppointmentForMeeting | undefined> {
  const [row] = await tx
    .select({
      id: appointments.id,
      unitId: appointments.unitId,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      channel: appointments.channel,
      status: appointments.status,
      practitionerStaffId: scheduleResources.staffId,
    })
    .from(appointments)
    .innerJoin(scheduleResources, eq(scheduleResources.id, appointments.resourceId))
    .where(eq(appointments.id, appointmentId));
  return row;
}
