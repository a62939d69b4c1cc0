import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/realtime/publish.ts';
import type { AppointmentRow } from './store.ts';

/**
 * appointments.changed {appointmentId}: a booking was made, moved, cancelled or marked. Sent
 * in the same transaction to the unit (its calendars) and the patient (their list, and
 * whoever acts for them); only the id travels, pages fetch again through the API.
 */
export async function announceAppointmentChange(tx: Tx, clock: Clock, appointment: AppointmentRow): Promise<void> {
  await publishEvent(tx, clock, `unit:${appointment.unitId}`, 'appointments.changed', { appointmentId: appointment.id });
  await publishEvent(tx, clock, `person:${appointment.patientId}`, 'appointments.changed', { appointmentId: appointment.id });
}
