import { formatIdentityNumber } from '../../lib/personnummer.ts';
import type { Tx } from '../../platform/db/database.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonsByIds, findStaffByIds } from '../../platform/people/store.ts';
import type { MeetingActor, Reach } from './access.ts';
import type { MeetingMessage, MeetingParticipant, MeetingRecord, MeetingView } from './contract.ts';
import { MESH_MAX_PARTICIPANTS, meetingSeconds, presentSeconds, recordOrder, type IdentificationKind, type MeetingKind, type MeetingStatus, type ParticipantRole, type ParticipantState } from './model.ts';
import { needsIdCheck, type InterpretationKind } from './invitation-model.ts';
import { invitationsOfParticipants, type InvitationRow } from './invitation-store.ts';
import { listMessages, listParticipants, type MeetingRow, type ParticipantRow } from './store.ts';

/** Builds what a reader sees of a meeting: each reader only what their place in it allows. */

type Names = { ofParticipant: (row: Pick<ParticipantRow, 'personId' | 'staffId'>) => string; staff: Map<string, { name: string; profession: string }>; persons: Map<string, { name: string; identityNumber: string }> };

async function namesFor(tx: Tx, participants: Pick<ParticipantRow, 'personId' | 'staffId'>[], extra: { staffIds?: string[]; personIds?: string[] } = {}): Promise<Names> {
  const staffIds = [...new Set([...participants.flatMap((row) => (row.staffId ? [row.staffId] : [])), ...(extra.staffIds ?? [])])];
  const personIds = [...new Set([...participants.flatMap((row) => (row.personId ? [row.personId] : [])), ...(extra.personIds ?? [])])];
  // One after the other: a transaction is one connection, which runs one query at a time anyway.
  const staffRows = await findStaffByIds(tx, staffIds);
  const personRows = await findPersonsByIds(tx, personIds);
  const staff = new Map(staffRows.map((row) => [row.id, { name: `${row.givenName} ${row.familyName}`, profession: row.profession }]));
  const persons = new Map(personRows.map((row) => [row.id, { name: `${row.givenName} ${row.familyName}`, identityNumber: formatIdentityNumber(row.identityNumber) }]));
  return {
    staff,
    persons,
    ofParticipant: (row) => (row.staffId ? (staff.get(row.staffId)?.name ?? '') : row.personId ? (persons.get(row.personId)?.name ?? '') : ''),
  };
}

/** What an invitation adds to a participant: a guest's name, an interpreter's kind and language, the ID check. */
type Invited = Map<string, InvitationRow>;

async function invitedOf(tx: Tx, participants: ParticipantRow[]): Promise<Invited> {
  const rows = await invitationsOfParticipants(tx, participants.map((row) => row.id));
  return new Map(rows.map((row) => [row.participantId!, row]));
}

function participantOf(row: ParticipantRow, names: Names, invited: Invited): MeetingParticipant {
  const invitation = invited.get(row.id);
  const guest = needsIdCheck(row);
  return {
    id: row.id,
    name: guest ? (invitation?.guestName ?? '') : names.ofParticipant(row),
    interpretation: (invitation?.interpretation as InterpretationKind | null | undefined) ?? null,
    language: invitation?.language ?? null,
    idCheck: guest ? (invitation?.idCheckedAt ? 'done' : 'needed') : null,
    role: row.role as ParticipantRole,
    state: row.state as ParticipantState,
    kind: row.staffId ? 'staff' : row.personId ? 'person' : 'guest',
    clientId: row.clientId,
    handRaised: row.handRaisedAt !== null,
    screenSharing: row.screenSharingSince !== null,
    waitingSince: row.waitingSince?.toISOString() ?? null,
    micOff: row.micOff,
    cameraOff: row.cameraOff,
  };
}

function authorOf(row: ParticipantRow | undefined, names: Names, invited: Invited): string {
  if (!row) return '';
  return needsIdCheck(row) ? (invited.get(row.id)?.guestName ?? '') : names.ofParticipant(row);
}

export async function meetingViewOf(tx: Tx, reach: Reach, actor: MeetingActor): Promise<MeetingView> {
  const { meeting, isHost } = reach;
  const participants = await listParticipants(tx, meeting.id);
  const me = reach.me ? participants.find((row) => row.id === reach.me!.id) : undefined;
  const names = await namesFor(tx, participants, { staffIds: [meeting.hostStaffId], personIds: meeting.patientId && actor.kind === 'staff' ? [meeting.patientId] : [] });
  const invited = await invitedOf(tx, participants);
  const host = participants.find((row) => row.role === 'host' && row.state === 'admitted');
  const admittedReader = me?.state === 'admitted' && meeting.status !== 'ended';
  const unit = await findUnit(tx, meeting.unitId);
  const messages = admittedReader ? await listMessages(tx, meeting.id) : [];
  const byId = new Map(participants.map((row) => [row.id, row]));
  const chat: MeetingMessage[] = messages.map((message) => ({
    seq: message.seq,
    participantId: message.participantId,
    authorName: authorOf(byId.get(message.participantId), names, invited),
    mine: message.participantId === me?.id,
    body: message.body,
    at: message.createdAt.toISOString(),
  }));
  const hostName = names.staff.get(meeting.hostStaffId);
  const patient = actor.kind === 'staff' && meeting.patientId ? names.persons.get(meeting.patientId) : undefined;
  return {
    id: meeting.id,
    kind: meeting.kind as MeetingKind,
    unit: { id: meeting.unitId, name: unit?.name ?? '' },
    status: meeting.status as MeetingStatus,
    requiredIdentification: meeting.requiredIdentification as IdentificationKind,
    screenSharingAllowed: meeting.screenSharingAllowed,
    startsAt: meeting.startsAt.toISOString(),
    startedAt: meeting.startedAt?.toISOString() ?? null,
    endedAt: meeting.endedAt?.toISOString() ?? null,
    host: { name: hostName?.name ?? '', profession: hostName?.profession ?? '' },
    title: actor.kind === 'staff' ? meeting.title : null,
    patient: patient && meeting.patientId ? { id: meeting.patientId, name: patient.name, identityNumber: patient.identityNumber } : null,
    me: me ? { participantId: me.id, role: me.role as ParticipantRole, state: me.state as ParticipantState, clientId: me.clientId, isHost: me.role === 'host' } : null,
    isHost,
    // Someone waiting does not see who is inside; those inside see each other.
    participants: admittedReader ? participants.filter((row) => row.state === 'admitted').map((row) => participantOf(row, names, invited)) : [],
    waiting: isHost && meeting.status !== 'ended' ? participants.filter((row) => row.state === 'waiting').map((row) => participantOf(row, names, invited)) : [],
    // E3: a guest waiting in a meeting that takes ID on camera connects to the host alone, who checks the ID.
    idCheckWith:
      me?.state === 'waiting' && needsIdCheck(me) && meeting.requiredIdentification === 'id_on_camera' && meeting.status === 'open' && host
        ? { participantId: host.id, clientId: host.clientId }
        : null,
    messages: chat,
    maxParticipants: MESH_MAX_PARTICIPANTS,
  };
}

/** Who took part, when, and how long (issue 8 §5). Nothing of what was said or shown: no media is kept. */
export async function meetingRecordOf(tx: Tx, meeting: MeetingRow, now: Date): Promise<MeetingRecord> {
  const participants = await listParticipants(tx, meeting.id);
  const names = await namesFor(tx, participants);
  const invited = await invitedOf(tx, participants);
  const unit = await findUnit(tx, meeting.unitId);
  const until = meeting.endedAt ?? now;
  return {
    id: meeting.id,
    kind: meeting.kind as MeetingKind,
    unit: { id: meeting.unitId, name: unit?.name ?? '' },
    status: meeting.status as MeetingStatus,
    startedAt: meeting.startedAt?.toISOString() ?? null,
    endedAt: meeting.endedAt?.toISOString() ?? null,
    durationSeconds: meetingSeconds(meeting.startedAt, meeting.endedAt, now),
    participants: recordOrder(participants.map((row) => ({ ...row, role: row.role as ParticipantRole }))).map((row) => ({
      name: authorOf(row, names, invited),
      role: row.role,
      interpretation: (invited.get(row.id)?.interpretation as InterpretationKind | null | undefined) ?? null,
      language: invited.get(row.id)?.language ?? null,
      firstAdmittedAt: row.firstAdmittedAt?.toISOString() ?? null,
      lastLeftAt: row.leftAt?.toISOString() ?? null,
      presentSeconds: presentSeconds(row.presentSeconds, row.admittedAt, until),
      removed: row.state === 'removed',
    })),
  };
}
