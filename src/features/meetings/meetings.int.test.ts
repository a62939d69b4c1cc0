import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { IceServers, MeetingRecord, MeetingView, PatientMeetingList, StaffMeetingList } from './contract.ts';
import { makeVideoAppointment } from './testing.ts';

const TURN_SECRET = 'test-turn-secret-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      STUN_URLS: 'stun:stun.region.example:3478',
      TURN_URLS: 'turn:turn.region.example:3478?transport=udp,turns:turn.region.example:5349',
      TURN_SECRET,
    },
  });
});
afterAll(async () => t?.close());

/** A health centre with a doctor (host), a colleague, a receptionist, its manager, a listed patient, and one elsewhere. */
async function clinic() {
  const unit = await makeUnit(t.db.db);
  const otherUnit = await makeUnit(t.db.db);
  const doctor = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor', givenName: 'Erik' });
  const colleague = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'nurse', givenName: 'Sara' });
  const receptionist = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist'], profession: 'receptionist' });
  const manager = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_manager', 'clinician'], profession: 'doctor' });
  const elsewhere = await makeStaff(t.db.db, { unitId: otherUnit.id, roles: ['clinician'] });
  const patient = await makePerson(t.db.db, { birthDate: '1985-03-12', givenName: 'Anna' });
  await makeCareRelation(t.db.db, unit.id, patient.id, { kind: 'listed' });
  const stranger = await makePerson(t.db.db, { birthDate: '1990-01-01', givenName: 'Olle' });
  await makeCareRelation(t.db.db, otherUnit.id, stranger.id, { kind: 'listed' });
  const login = (who: { personId: string } | { staffId: string }) => loginAs(t.app, t.db.db, who);
  return {
    unit,
    doctor,
    patient,
    stranger,
    doctorClient: await login({ staffId: doctor.id }),
    colleagueClient: await login({ staffId: colleague.id }),
    receptionistClient: await login({ staffId: receptionist.id }),
    managerClient: await login({ staffId: manager.id }),
    elsewhereClient: await login({ staffId: elsewhere.id }),
    patientClient: await login({ personId: patient.id }),
    strangerClient: await login({ personId: stranger.id }),
  };
}

async function ok<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  return result.json() as T;
}

async function create(client: TestClient, identityNumber: string | undefined, kind = 'patient_care') {
  return ok<MeetingView>(client.post('/api/staff/meetings', { kind, ...(identityNumber ? { patientIdentityNumber: identityNumber } : {}) }), 201);
}

const join = (client: TestClient, id: string, clientId = `tab-${Math.random().toString(36).slice(2, 10)}`) => client.post(`/api/meetings/${id}/join`, { clientId });

const auditRows = (patientId: string, objectType: string) =>
  executeRows<{ action: string; actor_role: string }>(t.db.db, sql`select action, actor_role from audit_log where patient_id = ${patientId} and object_type = ${objectType} order by seq`);

describe('a video meeting with a patient', () => {
  it('goes from the waiting room to the meeting and back out, with a record of who took part and how long', async () => {
    const c = await clinic();
    const created = await create(c.doctorClient, c.patient.identityNumber);
    expect(created).toMatchObject({ status: 'scheduled', isHost: true, me: null, screenSharingAllowed: false, requiredIdentification: 'strong_eid' });
    expect(created.patient?.name).toBe(`Anna ${c.patient.familyName}`);

    // The patient sees it among their meetings and asks to join: the waiting room, seeing nobody inside.
    const mine = await ok<PatientMeetingList>(c.patientClient.get('/api/patient/meetings'));
    expect(mine.meetings.map((meeting) => meeting.id)).toContain(created.id);
    const waiting = await ok<MeetingView>(join(c.patientClient, created.id, 'patient-tab-1'));
    expect(waiting.me).toMatchObject({ role: 'patient', state: 'waiting', clientId: 'patient-tab-1' });
    expect(waiting.participants).toEqual([]);
    expect(waiting.patient).toBeNull(); // the staff-only block

    // The host comes: straight in, the meeting opens, and the waiting list shows the patient.
    const host = await ok<MeetingView>(join(c.doctorClient, created.id));
    expect(host.status).toBe('open');
    expect(host.me).toMatchObject({ role: 'host', state: 'admitted' });
    expect(host.waiting.map((row) => row.name)).toEqual([`Anna ${c.patient.familyName}`]);
    const patientParticipantId = host.waiting[0]!.id;

    // Only the host admits.
    expect((await c.colleagueClient.post(`/api/staff/meetings/${created.id}/participants/${patientParticipantId}/admit`)).statusCode).toBe(403);
    t.clock.advance(30_000);
    const admitted = await ok<MeetingView>(c.doctorClient.post(`/api/staff/meetings/${created.id}/participants/${patientParticipantId}/admit`));
    expect(admitted.waiting).toEqual([]);
    expect(admitted.participants.map((row) => row.role).sort()).toEqual(['host', 'patient']);
    const inside = await ok<MeetingView>(c.patientClient.get(`/api/meetings/${created.id}`));
    expect(inside.me?.state).toBe('admitted');
    expect(inside.participants).toHaveLength(2);

    // Chat and a raised hand, for those inside.
    await ok(c.patientClient.post(`/api/meetings/${created.id}/messages`, { body: 'Hör ni mig?' }), 201);
    await ok(c.patientClient.post(`/api/meetings/${created.id}/hand`, { raised: true }));
    const seen = await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${created.id}`));
    expect(seen.messages.map((message) => [message.authorName, message.body, message.mine])).toEqual([[`Anna ${c.patient.familyName}`, 'Hör ni mig?', false]]);
    expect(seen.participants.find((row) => row.role === 'patient')?.handRaised).toBe(true);

    // Screen sharing is off: the unit's manager has not allowed it.
    expect((await c.doctorClient.post(`/api/meetings/${created.id}/screen-sharing`, { sharing: true })).json().error.code).toBe('screen_sharing_not_allowed');

    // The patient leaves after 10 minutes, comes back (waits again), is let in, and the host ends it 5 minutes later.
    t.clock.advance(10 * 60_000);
    expect((await ok<MeetingView>(c.patientClient.post(`/api/meetings/${created.id}/leave`))).me?.state).toBe('left');
    expect((await ok<MeetingView>(join(c.patientClient, created.id, 'patient-tab-2'))).me?.state).toBe('waiting');
    await ok(c.doctorClient.post(`/api/staff/meetings/${created.id}/participants/${patientParticipantId}/admit`));
    t.clock.advance(5 * 60_000);
    const ended = await ok<MeetingView>(c.doctorClient.post(`/api/staff/meetings/${created.id}/end`));
    expect(ended.status).toBe('ended');
    expect((await join(c.patientClient, created.id)).json().error.code).toBe('meeting_ended');

    const record = await ok<MeetingRecord>(c.patientClient.get(`/api/meetings/${created.id}/record`));
    expect(record.durationSeconds).toBe(15 * 60 + 30);
    expect(record.participants.map((row) => [row.role, row.presentSeconds])).toEqual([
      ['host', 15 * 60 + 30],
      ['patient', 15 * 60],
    ]);
    expect(await ok<MeetingRecord>(c.doctorClient.get(`/api/meetings/${created.id}/record`))).toEqual(record);

    // Every read and change of the patient's meeting is in the audit log, by the patient and by the doctor.
    const audited = await auditRows(c.patient.id, 'meeting');
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(['create', 'read']));
    expect((await auditRows(c.patient.id, 'meeting_participant')).length).toBeGreaterThanOrEqual(5);
    expect((await auditRows(c.patient.id, 'meeting_record')).map((row) => row.actor_role)).toEqual(['citizen', 'clinician']);

    // Pages heard of each change (ids only).
    const events = await executeRows<{ data: { meetingId: string } }>(t.db.db, sql`select data from realtime_events where topic = ${`person:${c.patient.id}`} and kind = 'meeting.changed'`);
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.every((event) => Object.keys(event.data).join() === 'meetingId')).toBe(true);
  });

  it('the host removes a participant, who cannot come back; a colleague waits like anyone else', async () => {
    const c = await clinic();
    const meeting = await create(c.doctorClient, c.patient.identityNumber);
    await ok(join(c.doctorClient, meeting.id));
    const colleague = await ok<MeetingView>(join(c.colleagueClient, meeting.id));
    expect(colleague.me).toMatchObject({ role: 'care_provider', state: 'waiting' });
    const patient = await ok<MeetingView>(join(c.patientClient, meeting.id));
    await ok(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${patient.me!.participantId}/admit`));
    const removed = await ok<MeetingView>(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${patient.me!.participantId}/remove`));
    expect(removed.participants.map((row) => row.role)).toEqual(['host']);
    expect((await join(c.patientClient, meeting.id)).json().error.code).toBe('meeting_removed');
    // Nor may the removed patient chat.
    expect((await c.patientClient.post(`/api/meetings/${meeting.id}/messages`, { body: 'Hallå?' })).json().error.code).toBe('not_admitted');
    // The host cannot be removed.
    expect((await c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${removed.me!.participantId}/remove`)).json().error.code).toBe('cannot_remove_host');
  });

  it('exists only for its unit, its patient and those acting for them', async () => {
    const c = await clinic();
    const meeting = await create(c.doctorClient, c.patient.identityNumber);
    // Another patient, and staff of another unit, do not find it; nor may they join or get ICE servers.
    for (const client of [c.strangerClient, c.elsewhereClient]) {
      expect((await client.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404);
      expect((await join(client, meeting.id)).statusCode).toBe(404);
      expect((await client.get(`/api/meetings/${meeting.id}/ice-servers`)).statusCode).toBe(404);
      expect((await client.get(`/api/meetings/${meeting.id}/record`)).statusCode).toBe(404);
    }
    // Someone who has not joined gets no ICE servers.
    expect((await c.colleagueClient.get(`/api/meetings/${meeting.id}/ice-servers`)).json().error.code).toBe('not_admitted');
    // A receptionist does not hold meetings; a patient without a care relation here cannot be given one.
    expect((await c.receptionistClient.post('/api/staff/meetings', { kind: 'care_care' })).statusCode).toBe(403);
    expect((await c.doctorClient.post('/api/staff/meetings', { kind: 'patient_care', patientIdentityNumber: c.stranger.identityNumber })).json().error.code).toBe('no_care_relation');
    expect((await c.doctorClient.post('/api/staff/meetings', { kind: 'patient_care' })).json().error.code).toBe('meeting_patient_required');

    // A guardian acting for a child under 13 joins the child's meeting as a relative.
    const child = await makePerson(t.db.db, { birthDate: '2019-05-01', givenName: 'Elsa' });
    await makeCareRelation(t.db.db, c.unit.id, child.id, { kind: 'listed' });
    await makeGuardianship(t.db.db, c.patient.id, child.id);
    const childMeeting = await create(c.doctorClient, child.identityNumber);
    expect((await join(c.patientClient, childMeeting.id)).statusCode).toBe(404); // acting for herself
    expect((await c.patientClient.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(200);
    const guardian = await ok<MeetingView>(join(c.patientClient, childMeeting.id));
    expect(guardian.me).toMatchObject({ role: 'relative', state: 'waiting' });
    expect((await auditRows(child.id, 'meeting_participant')).map((row) => row.actor_role)).toContain('citizen_representative');
  });

  it('gives participants STUN and time-limited TURN credentials for coturn', async () => {
    const c = await clinic();
    const meeting = await create(c.doctorClient, c.patient.identityNumber);
    const me = await ok<MeetingView>(join(c.patientClient, meeting.id));
    const ice = await ok<IceServers>(c.patientClient.get(`/api/meetings/${meeting.id}/ice-servers`));
    expect(ice.iceServers[0]).toEqual({ urls: ['stun:stun.region.example:3478'] });
    const turn = ice.iceServers[1]!;
    expect(turn.urls).toEqual(['turn:turn.region.example:3478?transport=udp', 'turns:turn.region.example:5349']);
    const expiry = Math.floor(t.clock.now().getTime() / 1000) + 3600;
    expect(turn.username).toBe(`${expiry}:${me.me!.participantId}`);
    expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'));
  });

  it('screen sharing follows the unit manager’s decision, for meetings created after it', async () => {
    const c = await clinic();
    expect((await c.doctorClient.put('/api/staff/meeting-settings', { screenSharingAllowed: true })).statusCode).toBe(403);
    const settings = await ok<{ screenSharingAllowed: boolean; mayDecide: boolean; decidedBy: string | null }>(c.managerClient.put('/api/staff/meeting-settings', { screenSharingAllowed: true }));
    expect(settings).toMatchObject({ screenSharingAllowed: true, mayDecide: true });
    expect((await ok<{ mayDecide: boolean }>(c.doctorClient.get('/api/staff/meeting-settings'))).mayDecide).toBe(false);
    const meeting = await create(c.doctorClient, undefined, 'care_care');
    expect(meeting.screenSharingAllowed).toBe(true);
    await ok(join(c.doctorClient, meeting.id));
    await ok(c.doctorClient.post(`/api/meetings/${meeting.id}/screen-sharing`, { sharing: true }));
    expect((await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${meeting.id}`))).participants[0]!.screenSharing).toBe(true);
    // Forbidding it again leaves meetings already created as they were.
    await ok(c.managerClient.put('/api/staff/meeting-settings', { screenSharingAllowed: false }));
    expect((await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${meeting.id}`))).screenSharingAllowed).toBe(true);
    expect((await create(c.doctorClient, undefined, 'care_care')).screenSharingAllowed).toBe(false);
  });

  it("lists the unit's meetings of the day for its clinicians", async () => {
    const c = await clinic();
    const meeting = await create(c.doctorClient, c.patient.identityNumber);
    await ok(join(c.patientClient, meeting.id));
    const list = await ok<StaffMeetingList>(c.colleagueClient.get('/api/staff/meetings'));
    expect(list.date).toBe('2026-11-23');
    expect(list.meetings).toEqual([expect.objectContaining({ id: meeting.id, status: 'scheduled', waitingCount: 1, admittedCount: 0, patient: { name: `Anna ${c.patient.familyName}` } })]);
    expect((await ok<StaffMeetingList>(c.colleagueClient.get('/api/staff/meetings?date=2026-11-24'))).meetings).toEqual([]);
  });
});

describe('the meeting of a booked video visit', () => {
  it('is found or created once, from either side, hosted by the practitioner', async () => {
    const c = await clinic();
    const appointmentId = await makeVideoAppointment(t.db.db, { unitId: c.unit.id, staffId: c.doctor.id, patientId: c.patient.id, startsAt: new Date('2026-11-23T10:00:00Z') });
    // The patient arrives first: the meeting opens, hosted by the doctor, and the patient waits.
    const first = await ok<{ meetingId: string; created: boolean }>(c.patientClient.post(`/api/patient/meetings/for-appointment/${appointmentId}`));
    expect(first.created).toBe(true);
    const second = await ok<{ meetingId: string; created: boolean }>(c.doctorClient.post(`/api/staff/meetings/for-appointment/${appointmentId}`));
    expect(second).toEqual({ meetingId: first.meetingId, created: false });
    const view = await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${first.meetingId}`));
    expect(view).toMatchObject({ isHost: true, kind: 'patient_care', startsAt: '2026-11-23T10:00:00.000Z' });
    // Not someone else's booking.
    expect((await c.strangerClient.post(`/api/patient/meetings/for-appointment/${appointmentId}`)).statusCode).toBe(404);
    expect((await c.elsewhereClient.post(`/api/staff/meetings/for-appointment/${appointmentId}`)).statusCode).toBe(404);
  });

  it('shows its record with the booking, to the unit and the patient only', async () => {
    const c = await clinic();
    const appointmentId = await makeVideoAppointment(t.db.db, { unitId: c.unit.id, staffId: c.doctor.id, patientId: c.patient.id, startsAt: new Date('2026-11-23T10:00:00Z') });
    const recordUrl = (side: 'staff' | 'patient') => `/api/${side}/meetings/for-appointment/${appointmentId}/record`;
    // Before a meeting is opened there is no record.
    expect(await ok<{ record: unknown }>(c.doctorClient.get(recordUrl('staff')))).toEqual({ record: null });
    const { meetingId } = await ok<{ meetingId: string }>(c.doctorClient.post(`/api/staff/meetings/for-appointment/${appointmentId}`));
    const direct = await ok<{ participants: unknown[] }>(c.doctorClient.get(`/api/meetings/${meetingId}/record`));
    expect(await ok<{ record: unknown }>(c.doctorClient.get(recordUrl('staff')))).toEqual({ record: direct });
    expect(await ok<{ record: unknown }>(c.patientClient.get(recordUrl('patient')))).toEqual({ record: direct });
    expect((await c.strangerClient.get(recordUrl('patient'))).statusCode).toBe(404);
    expect((await c.elsewhereClient.get(recordUrl('staff'))).statusCode).toBe(404);
  });
});
