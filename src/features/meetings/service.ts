import { parseIdentityNumber } from '../../lib/personnummer.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { addDays } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import { accessPatient } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonByIdentityNumber, findPersonsByIds, findStaffByIds } from '../../platform/people/store.ts';
import { admittedSelf, assertMayAttend, auditMeeting, auditReach, clinicianOf, participantKeyOf, reachMeeting, type MeetingActor, type Reach } from './access.ts';
import { bindInvitationTo } from './invitations.ts';
import {
  createMeetingRequestSchema,
  handRequestSchema,
  joinRequestSchema,
  messageRequestSchema,
  screenShareRequestSchema,
  type IceServers,
  type MeetingMessage,
  type MeetingRecord,
  type MeetingView,
  type PatientMeetingList,
  type StaffMeetingList,
} from './contract.ts';
import { meetingErrors } from './errors.ts';
import { iceServersFor, type IceConfig } from './ice.ts';
import { announceMeetingChange, announceMessage } from './live.ts';
import { citizenRole, decideJoin, steppedOut, type MeetingKind, type MeetingStatus, type ParticipantRole, type ParticipantState } from './model.ts';
import { forgetMembership } from './signals.ts';
import {
  countByState,
  findUnitSettings,
  insertMeeting,
  insertMessage,
  insertParticipant,
  listParticipants,
  listPatientMeetings,
  listUnitMeetings,
  updateMeeting,
  updateParticipant,
  type MeetingRow,
} from './store.ts';
import { meetingRecordOf, meetingViewOf } from './views.ts';

/**
 * Digital care meetings (issue 8): staff create a meeting (ad hoc, or for a booked video
 * visit through directory.ts), people join — the host straight in, everyone else into the
 * waiting room until the host lets them in — and leave; the host's own steps are in host.ts.
 * Media never passes through here: the browsers connect to each other (signals.ts relays
 * their offers, answers and ICE candidates).
 */

const invalidIdentityNumber = () =>
  new AppError('invalid_identity_number', 400, {
    sv: 'Det är inte ett giltigt person- eller samordningsnummer. Skriv 12 siffror, till exempel 19880412-2383.',
    en: 'That is not a valid personal identity or coordination number. Enter 12 digits, for example 19880412-2383.',
  });
const patientNotFound = () => new AppError('patient_not_found', 404, { sv: 'Ingen patient med det numret finns i regionen.', en: 'No patient with that number exists in the region.' });

/** Creates a meeting row with the unit's screen-sharing decision as it stands now (E4). */
export async function createMeetingRow(
  tx: Tx,
  now: Date,
  values: { unitId: string; kind: MeetingKind; title: string | null; createdByStaffId: string | null; hostStaffId: string; patientId: string | null; appointmentId: string | null; requiredIdentification: 'strong_eid' | 'id_on_camera'; startsAt: Date },
): Promise<MeetingRow> {
  const settings = await findUnitSettings(tx, values.unitId);
  return insertMeeting(tx, { ...values, status: 'scheduled', screenSharingAllowed: settings?.screenSharingAllowed ?? false, createdAt: now });
}

/** A clinician starts a meeting now, optionally about a patient (who needs a care relation at the unit). */
export async function createMeeting(context: ServiceContext, actor: StaffActor, input: unknown): Promise<MeetingView> {
  const staff = clinicianOf(actor);
  const request = createMeetingRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    let patientId: string | null = null;
    if (request.patientIdentityNumber) {
      const identity = parseIdentityNumber(request.patientIdentityNumber);
      if (!identity) throw invalidIdentityNumber();
      const person = await findPersonByIdentityNumber(tx, identity.normalised);
      if (!person) throw patientNotFound();
      patientId = person.id;
    }
    if (request.kind === 'patient_care' && !patientId) throw meetingErrors.patientRequired();
    const meeting = await createMeetingRow(tx, now, {
      unitId: staff.unitId,
      kind: request.kind,
      title: request.title || null,
      createdByStaffId: staff.staffId,
      hostStaffId: staff.staffId,
      patientId,
      appointmentId: null,
      requiredIdentification: request.requiredIdentification,
      startsAt: now,
    });
    // accessPatient checks the care relation (no emergency access for a meeting) and audits the creation.
    await auditMeeting(tx, context, actor, meeting, 'create');
    await announceMeetingChange(tx, context.clock, meeting, []);
    return meetingViewOf(tx, { meeting, me: undefined, isHost: true }, actor);
  });
}

export async function getMeeting(context: ServiceContext, actor: MeetingActor, id: string): Promise<MeetingView> {
  return context.db.transaction(async (tx) => {
    const reach = await reachMeeting(tx, actor, id, context.clock.now());
    await auditReach(tx, context, actor, reach, 'read');
    return meetingViewOf(tx, reach, actor);
  });
}

/** The role someone joins with: the invitation's when an invitation let them in, else what they are to the meeting. */
function roleOf(actor: MeetingActor, reach: Reach): ParticipantRole {
  if (reach.invitation) return reach.invitation.role as ParticipantRole;
  if (actor.kind === 'staff') return reach.isHost ? 'host' : 'care_provider';
  if (actor.kind === 'meeting_guest') return 'other';
  return citizenRole(actor.personId, reach.meeting.patientId!);
}

/** Asks to join from this browser tab: the host goes in (and the meeting opens), everyone else waits. */
export async function joinMeeting(context: ServiceContext, actor: MeetingActor, id: string, input: unknown): Promise<MeetingView> {
  const { clientId } = joinRequestSchema.parse(input);
  const view = await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now, { forUpdate: true });
    let { meeting, me } = reach;
    const decision = decideJoin({ status: meeting.status as MeetingStatus, isHost: reach.isHost, current: (me?.state as ParticipantState | undefined) ?? null });
    if (decision.outcome === 'refused') throw decision.reason === 'ended' ? meetingErrors.ended() : meetingErrors.removed();
    await auditReach(tx, context, actor, reach, 'update', 'meeting_participant');
    const admitted = decision.outcome === 'admitted';
    if (!me) {
      me = await insertParticipant(tx, {
        meetingId: meeting.id,
        ...(actor.kind === 'meeting_guest' ? {} : participantKeyOf(actor)),
        role: roleOf(actor, reach),
        state: decision.outcome,
        clientId,
        joinedAt: now,
        waitingSince: admitted ? null : now,
        admittedAt: admitted ? now : null,
        firstAdmittedAt: admitted ? now : null,
      });
      if (reach.invitation) await bindInvitationTo(tx, reach.invitation, me.id);
    } else if (admitted) {
      const already = me.state === 'admitted';
      me = await updateParticipant(tx, me.id, {
        state: 'admitted',
        clientId,
        waitingSince: null,
        admittedAt: already ? me.admittedAt : now,
        firstAdmittedAt: me.firstAdmittedAt ?? now,
        // A new tab shares nothing yet.
        screenSharingSince: null,
      });
    } else {
      me = await updateParticipant(tx, me.id, { state: 'waiting', clientId, waitingSince: me.state === 'waiting' ? me.waitingSince : now });
    }
    if (reach.isHost && meeting.status === 'scheduled') meeting = await updateMeeting(tx, meeting.id, { status: 'open', startedAt: now });
    await announceMeetingChange(tx, context.clock, meeting, await listParticipants(tx, meeting.id));
    return meetingViewOf(tx, { meeting, me, isHost: reach.isHost }, actor);
  });
  forgetMembership(id);
  return view;
}

/** Leaves the meeting or the waiting room. Leaving twice is no error (a second tab, a retry). */
export async function leaveMeeting(context: ServiceContext, actor: MeetingActor, id: string): Promise<MeetingView> {
  const view = await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now, { forUpdate: true });
    await auditReach(tx, context, actor, reach, 'update', 'meeting_participant');
    const me = reach.me;
    if (!me || (me.state !== 'waiting' && me.state !== 'admitted')) return meetingViewOf(tx, reach, actor);
    const updated = await updateParticipant(tx, me.id, steppedOut(me, 'left', now));
    await announceMeetingChange(tx, context.clock, reach.meeting, await listParticipants(tx, reach.meeting.id));
    return meetingViewOf(tx, { ...reach, me: updated }, actor);
  });
  forgetMembership(id);
  return view;
}

export async function setHand(context: ServiceContext, actor: MeetingActor, id: string, input: unknown): Promise<void> {
  const { raised } = handRequestSchema.parse(input);
  await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now, { forUpdate: true });
    const me = admittedSelf(reach);
    await auditReach(tx, context, actor, reach, 'update', 'meeting_participant');
    await updateParticipant(tx, me.id, { handRaisedAt: raised ? (me.handRaisedAt ?? now) : null });
    await announceMeetingChange(tx, context.clock, reach.meeting, await listParticipants(tx, reach.meeting.id));
  });
}

/** E4: sharing is possible only where the unit's manager allowed it, and everyone is shown that it is going on. */
export async function setScreenSharing(context: ServiceContext, actor: MeetingActor, id: string, input: unknown): Promise<void> {
  const { sharing } = screenShareRequestSchema.parse(input);
  await context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now, { forUpdate: true });
    const me = admittedSelf(reach);
    if (sharing && !reach.meeting.screenSharingAllowed) throw meetingErrors.screenSharingNotAllowed();
    await auditReach(tx, context, actor, reach, 'update', 'meeting_screen_sharing');
    await updateParticipant(tx, me.id, { screenSharingSince: sharing ? (me.screenSharingSince ?? now) : null });
    await announceMeetingChange(tx, context.clock, reach.meeting, await listParticipants(tx, reach.meeting.id));
  });
}

export async function postMessage(context: ServiceContext, actor: MeetingActor, id: string, input: unknown): Promise<MeetingMessage> {
  const { body } = messageRequestSchema.parse(input);
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now);
    const me = admittedSelf(reach);
    await auditReach(tx, context, actor, reach, 'update', 'meeting_message');
    const message = await insertMessage(tx, { meetingId: reach.meeting.id, participantId: me.id, body, createdAt: now });
    await announceMessage(tx, context.clock, reach.meeting, await listParticipants(tx, reach.meeting.id), message.seq);
    const authorName = await authorNameOf(tx, actor, reach);
    return { seq: message.seq, participantId: me.id, authorName, mine: true, body, at: now.toISOString() };
  });
}

async function authorNameOf(tx: Tx, actor: MeetingActor, reach: Reach): Promise<string> {
  if (actor.kind === 'meeting_guest') return reach.invitation?.guestName ?? '';
  const [author] = actor.kind === 'staff' ? await findStaffByIds(tx, [actor.staffId]) : await findPersonsByIds(tx, [actor.personId]);
  return author ? `${author.givenName} ${author.familyName}` : '';
}

/** STUN and TURN for this participant (waiting or in): TURN credentials expire (ice.ts). Carries no patient data, so not audited. */
export async function iceServersOf(context: ServiceContext, actor: MeetingActor, id: string, ice: IceConfig): Promise<IceServers> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now);
    if (reach.meeting.status === 'ended') throw meetingErrors.ended();
    const me = reach.me;
    if (!me || (me.state !== 'waiting' && me.state !== 'admitted')) throw meetingErrors.notAdmitted();
    return iceServersFor(ice, me.id, now);
  });
}

/** The record: staff of the unit and the patient's side may read it. */
export async function getMeetingRecord(context: ServiceContext, actor: MeetingActor, id: string): Promise<MeetingRecord> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    const reach = await reachMeeting(tx, actor, id, now);
    await auditReach(tx, context, actor, reach, 'read', 'meeting_record');
    return meetingRecordOf(tx, reach.meeting, now);
  });
}

// ---- lists ------------------------------------------------------------------------------------

/** The unit's meetings of a day (Stockholm), and any still open. Read as one audit row of the unit (as the case inbox). */
export async function listStaffMeetings(context: ServiceContext, actor: StaffActor, date: string | undefined): Promise<StaffMeetingList> {
  const staff = clinicianOf(actor);
  return context.db.transaction(async (tx) => {
    const day = date ?? stockholmDate(context.clock.now());
    const rows = await listUnitMeetings(tx, staff.unitId, stockholmLocalToUtc(day, '00:00'), stockholmLocalToUtc(addDays(day, 1), '00:00'));
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'meeting_list', objectId: staff.unitId });
    const counts = await countByState(tx, rows.map((row) => row.id));
    const hosts = await findStaffByIds(tx, [...new Set(rows.map((row) => row.hostStaffId))]);
    const patients = await findPersonsByIds(tx, [...new Set(rows.flatMap((row) => (row.patientId ? [row.patientId] : [])))]);
    const hostName = new Map(hosts.map((row) => [row.id, `${row.givenName} ${row.familyName}`]));
    const patientName = new Map(patients.map((row) => [row.id, `${row.givenName} ${row.familyName}`]));
    return {
      date: day,
      meetings: rows.map((row) => ({
        id: row.id,
        kind: row.kind as MeetingKind,
        title: row.title,
        status: row.status as MeetingStatus,
        startsAt: row.startsAt.toISOString(),
        host: { id: row.hostStaffId, name: hostName.get(row.hostStaffId) ?? '' },
        patient: row.patientId ? { name: patientName.get(row.patientId) ?? '' } : null,
        waitingCount: counts.get(row.id)?.waiting ?? 0,
        admittedCount: counts.get(row.id)?.admitted ?? 0,
        fromAppointment: row.appointmentId !== null,
      })),
    };
  });
}

const RECENTLY_ENDED_MS = 24 * 3600_000;

/** The patient's meetings that have not ended (and those of the last day, for their record). */
export async function listPatientMeetingsOf(context: ServiceContext, actor: CitizenActor): Promise<PatientMeetingList> {
  return context.db.transaction(async (tx) => {
    const now = context.clock.now();
    await assertMayAttend(tx, actor, now);
    await accessPatient(tx, context, actor, actor.subjectPersonId, { action: 'read', objectType: 'meeting_list' });
    const rows = await listPatientMeetings(tx, actor.subjectPersonId, new Date(now.getTime() - RECENTLY_ENDED_MS));
    const hosts = new Map((await findStaffByIds(tx, [...new Set(rows.map((row) => row.hostStaffId))])).map((row) => [row.id, row]));
    const units = new Map<string, string>();
    for (const row of rows) if (!units.has(row.unitId)) units.set(row.unitId, (await findUnit(tx, row.unitId))?.name ?? '');
    return {
      meetings: rows.map((row) => {
        const host = hosts.get(row.hostStaffId);
        return {
          id: row.id,
          kind: row.kind as MeetingKind,
          unit: { id: row.unitId, name: units.get(row.unitId) ?? '' },
          status: row.status as MeetingStatus,
          startsAt: row.startsAt.toISOString(),
          host: { name: host ? `${host.givenName} ${host.familyName}` : '', profession: host?.profession ?? '' },
        };
      }),
    };
  });
}
