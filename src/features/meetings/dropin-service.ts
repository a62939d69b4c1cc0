import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import { accessPatient } from '../../platform/access/access.ts';
import { ensureOngoingCareRelation, listCareRelationsAt } from '../../platform/access/store.ts';
import type { CitizenActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonById } from '../../platform/people/store.ts';
import { activeEservicesByUnit, patientGroupIncludes } from '../e-services/directory.ts';
import { assertMayAttend } from './access.ts';
import { joinDropinRequestSchema, type DropinEntry, type PatientDropin } from './dropin-contract.ts';
import { dropinErrors } from './dropin-errors.ts';
import { announceDropin } from './dropin-live.ts';
import { DROPIN_ESERVICE, dropinAvailability, dropinPosition, type DropinAvailability } from './dropin-model.ts';
import {
  countWaitingDropins,
  findDropin,
  findDropinSettings,
  findWaitingDropin,
  insertDropin,
  listOpenDropinSettings,
  listPatientDropins,
  listWaitingDropins,
  updateDropin,
  type DropinRow,
} from './dropin-store.ts';

/**
 * E6, drop-in via video, the patient's side: the units whose drop-in they may join, joining a
 * unit's queue with a short reason, their place in it, leaving it. A guardian or proxy does
 * this for the person they act for (a proxy needs the appointments scope, as for meetings).
 * The staff's side (the switch, the queue, taking the next patient) is in dropin-staff.ts.
 */

/** How long a place that was taken or given up stays on the patient's page (so it can move on to the meeting). */
const RECENT_MS = 3600_000;

/** Whether the unit offers its video drop-in to this patient (the e-service, its patient group) and takes patients now. */
async function availabilityFor(tx: Tx, unitId: string, patientId: string, now: Date): Promise<DropinAvailability & { forPatient: boolean }> {
  const service = (await activeEservicesByUnit(tx, [unitId])).get(unitId)?.find((candidate) => candidate.code === DROPIN_ESERVICE);
  const settings = await findDropinSettings(tx, unitId);
  const availability = dropinAvailability({ eserviceActive: service !== undefined, settings: settings ?? null, at: now });
  if (!service) return { ...availability, forPatient: false };
  const patient = await findPersonById(tx, patientId);
  const relations = await listCareRelationsAt(tx, now, unitId, patientId);
  const forPatient = patient !== undefined && patientGroupIncludes(service.patientGroup, { listedAtUnit: relations.some((row) => row.kind === 'listed'), age: ageOn(patient.birthDate, stockholmDate(now)) });
  return { ...availability, forPatient };
}

async function entryOf(tx: Tx, row: DropinRow, unitName?: string): Promise<DropinEntry> {
  const position = row.status === 'waiting' ? dropinPosition(await listWaitingDropins(tx, row.unitId), row.id) : null;
  return {
    id: row.id,
    unit: { id: row.unitId, name: unitName ?? (await findUnit(tx, row.unitId))?.name ?? '' },
    status: row.status as DropinEntry['status'],
    reason: row.reason,
    queuedAt: row.queuedAt.toISOString(),
    position,
    meetingId: row.meetingId,
  };
}

/** The units with an open drop-in this patient may use, and the patient's own places. */
export async function getPatientDropin(context: ServiceContext, actor: CitizenActor): Promise<PatientDropin> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayAttend(tx, actor, now);
    await accessPatient(tx, context, actor, actor.subjectPersonId, { action: 'read', objectType: 'meeting_dropin' });
    const switchedOn = await listOpenDropinSettings(tx);
    const waiting = await countWaitingDropins(tx, switchedOn.map((row) => row.unitId));
    const units: PatientDropin['units'] = [];
    for (const settings of switchedOn) {
      const availability = await availabilityFor(tx, settings.unitId, actor.subjectPersonId, now);
      if (!availability.forPatient) continue;
      const unit = await findUnit(tx, settings.unitId);
      if (!unit) continue;
      units.push({
        id: unit.id,
        name: unit.name,
        available: availability.available,
        unavailableReason: availability.available ? null : availability.reason,
        opensAt: settings.opensAt,
        closesAt: settings.closesAt,
        waiting: waiting.get(unit.id) ?? 0,
      });
    }
    units.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const entries: DropinEntry[] = [];
    for (const row of await listPatientDropins(tx, actor.subjectPersonId, new Date(now.getTime() - RECENT_MS))) entries.push(await entryOf(tx, row));
    return { units, entries };
  });
}

async function joinOnce(context: ServiceContext, actor: CitizenActor, unitId: string, reason: string): Promise<DropinEntry> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayAttend(tx, actor, now);
    const unit = await findUnit(tx, unitId);
    if (!unit) throw dropinErrors.unitNotFound();
    const patientId = actor.subjectPersonId;
    const existing = await findWaitingDropin(tx, unit.id, patientId);
    if (existing) {
      await accessPatient(tx, context, actor, patientId, { action: 'read', objectType: 'meeting_dropin', objectId: existing.id });
      return entryOf(tx, existing, unit.name);
    }
    const availability = await availabilityFor(tx, unit.id, patientId, now);
    if (!availability.available) throw availability.reason === 'not_offered' ? dropinErrors.notOffered() : dropinErrors.closed();
    if (!availability.forPatient) throw dropinErrors.notForYou();
    const row = await insertDropin(tx, { unitId: unit.id, patientId, queuedByPersonId: actor.personId, reason, status: 'waiting', queuedAt: now });
    // Turning to the unit starts a care episode there, so its clinicians may take the patient (as chat and cases do).
    await ensureOngoingCareRelation(tx, now, unit.id, patientId);
    await accessPatient(tx, context, actor, patientId, { action: 'create', objectType: 'meeting_dropin', objectId: row.id });
    await announceDropin(tx, context.clock, unit.id, [patientId, actor.personId]);
    return entryOf(tx, row, unit.name);
  });
}

/** Joins the unit's drop-in queue, or answers the place already held there (a double click, a second tab). */
export async function joinDropin(context: ServiceContext, actor: CitizenActor, unitId: string, input: unknown): Promise<DropinEntry> {
  const { reason } = joinDropinRequestSchema.parse(input);
  try {
    return await joinOnce(context, actor, unitId, reason);
  } catch (error) {
    // Two joins at once: the unique index lets one through; the other answers it.
    if (isUniqueViolation(error, 'meeting_dropins_one_waiting')) return joinOnce(context, actor, unitId, reason);
    throw error;
  }
}

/** Gives up the place in the queue; giving it up twice, or after being taken, changes nothing. */
export async function leaveDropin(context: ServiceContext, actor: CitizenActor, id: string): Promise<DropinEntry> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayAttend(tx, actor, now);
    let row = await findDropin(tx, id, { forUpdate: true });
    if (!row || row.patientId !== actor.subjectPersonId) throw dropinErrors.notFound();
    await accessPatient(tx, context, actor, row.patientId, { action: 'update', objectType: 'meeting_dropin', objectId: row.id });
    if (row.status === 'waiting') {
      row = await updateDropin(tx, row.id, { status: 'left', leftAt: now });
      const others = (await listWaitingDropins(tx, row.unitId)).map((entry) => entry.queuedByPersonId);
      await announceDropin(tx, context.clock, row.unitId, [row.patientId, row.queuedByPersonId, ...others]);
    }
    return entryOf(tx, row);
  });
}
