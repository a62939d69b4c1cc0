import { formatIdentityNumber } from '../../lib/personnummer.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findPersonsByIds, findStaffByIds } from '../../platform/people/store.ts';
import { activeEservicesByUnit } from '../e-services/directory.ts';
import { auditMeeting, clinicianOf } from './access.ts';
import { dropinSettingsRequestSchema, type StaffDropin, type TakenDropin } from './dropin-contract.ts';
import { dropinErrors } from './dropin-errors.ts';
import { announceDropin } from './dropin-live.ts';
import { DROPIN_ESERVICE, dropinAvailability } from './dropin-model.ts';
import { claimNextDropin, findDropinSettings, listWaitingDropins, saveDropinSettings, updateDropin } from './dropin-store.ts';
import { announceMeetingChange } from './live.ts';
import { citizenRole } from './model.ts';
import { createMeetingRow } from './service.ts';
import { insertParticipant, listParticipants } from './store.ts';

/**
 * E6, drop-in via video, the unit's side: its clinicians switch the drop-in on and off (with
 * optional daily hours), see who waits and why, and take the next patient — which creates a
 * patient–care meeting hosted by the clinician with the patient (or whoever queued for them)
 * already in its waiting room; from there the meeting goes as any other.
 */

async function unitHasVideo(tx: Tx, unitId: string): Promise<boolean> {
  return ((await activeEservicesByUnit(tx, [unitId])).get(unitId) ?? []).some((service) => service.code === DROPIN_ESERVICE);
}

async function staffViewOf(tx: Tx, unitId: string, now: Date): Promise<StaffDropin> {
  const settings = await findDropinSettings(tx, unitId);
  const offered = await unitHasVideo(tx, unitId);
  const queue = await listWaitingDropins(tx, unitId);
  const persons = new Map((await findPersonsByIds(tx, [...new Set(queue.flatMap((row) => [row.patientId, row.queuedByPersonId]))])).map((row) => [row.id, row]));
  const changedBy = settings?.changedByStaffId ? (await findStaffByIds(tx, [settings.changedByStaffId]))[0] : undefined;
  const availability = dropinAvailability({ eserviceActive: offered, settings: settings ?? null, at: now });
  const nameOf = (id: string) => {
    const person = persons.get(id);
    return person ? `${person.givenName} ${person.familyName}` : '';
  };
  return {
    unitId,
    offered,
    open: settings?.open ?? false,
    opensAt: settings?.opensAt ?? null,
    closesAt: settings?.closesAt ?? null,
    changedBy: changedBy ? `${changedBy.givenName} ${changedBy.familyName}` : null,
    changedAt: settings?.changedAt?.toISOString() ?? null,
    unavailableReason: availability.available ? null : availability.reason,
    queue: queue.map((row) => ({
      id: row.id,
      patient: { name: nameOf(row.patientId), identityNumber: formatIdentityNumber(persons.get(row.patientId)?.identityNumber ?? '') },
      queuedBy: row.queuedByPersonId === row.patientId ? null : nameOf(row.queuedByPersonId),
      reason: row.reason,
      queuedAt: row.queuedAt.toISOString(),
    })),
  };
}

/** The unit's drop-in and its queue. Read as one audit row of the unit (as the unit's meeting list). */
export async function getStaffDropin(context: ServiceContext, actor: StaffActor): Promise<StaffDropin> {
  const staff = clinicianOf(actor);
  return context.db.transaction(async (tx) => {
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'meeting_dropin_queue', objectId: staff.unitId });
    return staffViewOf(tx, staff.unitId, context.clock.now());
  });
}

/** Switches the drop-in on or off, with optional hours. Switching it off keeps those already waiting in the queue. */
export async function setDropinSettings(context: ServiceContext, actor: StaffActor, input: unknown): Promise<StaffDropin> {
  const staff = clinicianOf(actor);
  const request = dropinSettingsRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    if (request.open && !(await unitHasVideo(tx, staff.unitId))) throw dropinErrors.notOffered();
    await saveDropinSettings(tx, { unitId: staff.unitId, open: request.open, opensAt: request.opensAt, closesAt: request.closesAt, changedByStaffId: staff.staffId, changedAt: now });
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'meeting_dropin_settings', objectId: staff.unitId });
    await announceDropin(tx, context.clock, staff.unitId, []);
    return staffViewOf(tx, staff.unitId, now);
  });
}

/**
 * Takes the patient who has waited longest: a patient–care meeting hosted by this clinician,
 * with whoever queued (the patient, or their guardian or proxy) in its waiting room. Two
 * clinicians taking at once get different patients (claimNextDropin skips a locked row).
 */
export async function takeNextDropin(context: ServiceContext, actor: StaffActor): Promise<TakenDropin> {
  const staff = clinicianOf(actor);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const next = await claimNextDropin(tx, staff.unitId);
    if (!next) throw dropinErrors.queueEmpty();
    const meeting = await createMeetingRow(tx, now, {
      unitId: staff.unitId,
      kind: 'patient_care',
      title: null,
      createdByStaffId: staff.staffId,
      hostStaffId: staff.staffId,
      patientId: next.patientId,
      appointmentId: null,
      requiredIdentification: 'strong_eid',
      startsAt: now,
    });
    // accessPatient: the care relation began when the patient joined the queue; audited as the meeting's creation.
    await auditMeeting(tx, context, actor, meeting, 'create');
    await insertParticipant(tx, {
      meetingId: meeting.id,
      personId: next.queuedByPersonId,
      role: citizenRole(next.queuedByPersonId, next.patientId),
      state: 'waiting',
      joinedAt: now,
      waitingSince: now,
    });
    await updateDropin(tx, next.id, { status: 'taken', takenAt: now, takenByStaffId: staff.staffId, meetingId: meeting.id });
    await announceMeetingChange(tx, context.clock, meeting, await listParticipants(tx, meeting.id));
    // Everyone still waiting moves up one place.
    const waiting = (await listWaitingDropins(tx, staff.unitId)).map((row) => row.queuedByPersonId);
    await announceDropin(tx, context.clock, staff.unitId, [next.patientId, next.queuedByPersonId, ...waiting]);
    return { dropinId: next.id, meetingId: meeting.id };
  });
}
