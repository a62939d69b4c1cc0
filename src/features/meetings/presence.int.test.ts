import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { executeRows } from '../../platform/db/database.ts';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { anonymous, loginAs } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { MeetingRecord, MeetingView } from './contract.ts';
import type { CreatedInvitation, GuestSession } from './invitation-contract.ts';
import { PRESENCE_JOB } from './presence.ts';
import { PRESENCE_GRACE_MS } from './presence-model.ts';
import { findParticipant, findParticipantOf } from './store.ts';

/**
 * Presence through the real realtime socket: a tab announces itself for a meeting; when its
 * socket closes and none of that tab comes back within the grace period, the participant has
 * left (the job after the grace period, run here with the test clock).
 */
// Far from the other test files' clocks: on a shared PostgreSQL no other file's run finds these jobs due.
const START = '2032-05-04T09:00:00Z';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: START, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t?.close());

type RealtimeEvent = { id: number; kind: string; data: Record<string, unknown> };
type Socket = { ready: Promise<void>; events: RealtimeEvent[]; send: (message: unknown) => void; close: () => Promise<void> };

/** A browser tab's realtime socket, on a login session's cookie or a meeting guest's. */
function connect(client: { cookie: string }): Socket {
  const port = (t.app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/realtime`, { headers: { cookie: client.cookie } });
  const events: RealtimeEvent[] = [];
  const ready = new Promise<void>((resolve) =>
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type: string; event?: RealtimeEvent };
      if (message.type === 'ready') resolve();
      if (message.type === 'event' && message.event) events.push(message.event);
    }),
  );
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    ready,
    events,
    send: (message) => socket.send(JSON.stringify(message)),
    close: async () => {
      socket.close();
      await closed;
    },
  };
}

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function ok<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  return result.json() as T;
}

/** A meeting with the doctor in it and the patient let in from the tab `patient-tab-1`. */
async function meetingInProgress(options: { requiredIdentification?: 'strong_eid' | 'id_on_camera' } = {}) {
  const unit = await makeUnit(t.db.db);
  const doctor = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor' });
  const patient = await makePerson(t.db.db, { birthDate: '1980-06-01' });
  await makeCareRelation(t.db.db, unit.id, patient.id, { kind: 'listed' });
  const doctorClient = await loginAs(t.app, t.db.db, { staffId: doctor.id });
  const patientClient = await loginAs(t.app, t.db.db, { personId: patient.id });
  const meeting = await ok<MeetingView>(doctorClient.post('/api/staff/meetings', { kind: 'patient_care', patientIdentityNumber: patient.identityNumber, ...options }), 201);
  await ok(doctorClient.post(`/api/meetings/${meeting.id}/join`, { clientId: 'doctor-tab-1' }));
  const waiting = await ok<MeetingView>(patientClient.post(`/api/meetings/${meeting.id}/join`, { clientId: 'patient-tab-1' }));
  await ok(doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${waiting.me!.participantId}/admit`));
  const row = () => findParticipantOf(t.db.db, meeting.id, { personId: patient.id }).then((found) => found!);
  const view = () => ok<MeetingView>(doctorClient.get(`/api/meetings/${meeting.id}`));
  /** A socket of the patient's tab that has announced itself (its presence is written). */
  const announced = async (clientId = 'patient-tab-1') => {
    const socket = connect(patientClient);
    await socket.ready;
    const before = (await row()).presenceSocket;
    socket.send({ type: 'presence', meetingId: meeting.id, clientId });
    await until(row, (current) => current.presenceSocket !== null && current.presenceSocket !== before && current.disconnectedAt === null, 'the presence');
    return socket;
  };
  return { meeting, doctor, patient, doctorClient, patientClient, row, view, announced };
}

/**
 * The same, accepting ID on camera, and an interpreter who came by an invitation link as a guest
 * (no account: a guest session for this meeting), checked on camera and let in from `guest-tab-1`.
 */
async function meetingWithGuest() {
  const m = await meetingInProgress({ requiredIdentification: 'id_on_camera' });
  const created = await ok<CreatedInvitation>(
    m.doctorClient.post(`/api/staff/meetings/${m.meeting.id}/invitations`, { role: 'interpreter', interpretation: 'spoken', language: 'arabiska' }),
    201,
  );
  const redeemed = await anonymous(t.app).post('/api/meeting-invitations/guest', { token: created.path.replace('/inbjudan#', ''), name: 'Samira Haddad' });
  expect(redeemed.statusCode, redeemed.body).toBe(200);
  const guestCookie = `nara_meeting_guest=${redeemed.cookies.find((cookie) => cookie.name === 'nara_meeting_guest')!.value}`;
  const session = await ok<GuestSession>(t.app.inject({ method: 'GET', url: '/api/meeting-guest/session', headers: { cookie: guestCookie } }));
  const guest = {
    cookie: guestCookie,
    post: (url: string, body?: unknown) => t.app.inject({ method: 'POST', url, payload: body as string, headers: { cookie: guestCookie, 'x-csrf-token': session.csrfToken } }),
  };
  const waiting = await ok<MeetingView>(guest.post(`/api/meetings/${m.meeting.id}/join`, { clientId: 'guest-tab-1' }));
  const guestId = waiting.me!.participantId;
  await ok(m.doctorClient.post(`/api/staff/meetings/${m.meeting.id}/participants/${guestId}/id-checked`));
  await ok(m.doctorClient.post(`/api/staff/meetings/${m.meeting.id}/participants/${guestId}/admit`));
  const guestRow = () => findParticipant(t.db.db, m.meeting.id, guestId).then((found) => found!);
  /** A socket of the guest's tab (on the guest session) that has announced itself. */
  const guestAnnounced = async () => {
    const socket = connect(guest);
    await socket.ready;
    const before = (await guestRow()).presenceSocket;
    socket.send({ type: 'presence', meetingId: m.meeting.id, clientId: 'guest-tab-1' });
    await until(guestRow, (current) => current.presenceSocket !== null && current.presenceSocket !== before && current.disconnectedAt === null, 'the guest’s presence');
    return socket;
  };
  return { ...m, guest, guestId, guestRow, guestAnnounced };
}

/** The id of the last event stored for the host's own topic (what their socket hears next comes after it). */
async function lastHostEventId(staffId: string): Promise<number> {
  const [row] = await executeRows<{ id: number | null }>(t.db.db, sql`select max(id)::int as id from realtime_events where topic = ${`staff:${staffId}`}`);
  return row?.id ?? 0;
}

const runPresenceJobs = () => runDueJobs(t.db.db, t.clock, { names: [PRESENCE_JOB] });

describe('presence in a meeting', () => {
  it('marks someone whose tab went away left after the grace period, their time stopping when the connection went', async () => {
    const m = await meetingInProgress();
    const socket = await m.announced();
    t.clock.advance(60_000);
    const wentAt = t.clock.now();
    await socket.close();
    await until(m.row, (row) => row.disconnectedAt !== null, 'the disconnection');
    expect((await m.row()).disconnectedAt).toEqual(wentAt);

    // Within the grace period they are still in.
    t.clock.advance(PRESENCE_GRACE_MS - 1000);
    await runPresenceJobs();
    expect((await m.row()).state).toBe('admitted');
    expect((await m.view()).participants.map((participant) => participant.id)).toContain((await m.row()).id);

    t.clock.advance(1000);
    expect((await runPresenceJobs()).done).toBeGreaterThanOrEqual(1);
    const row = await m.row();
    expect(row).toMatchObject({ state: 'left', leftAt: wentAt, admittedAt: null, disconnectedAt: null, presentSeconds: 60 });
    expect((await m.view()).participants.map((participant) => participant.id)).not.toContain(row.id);
    const record = await ok<MeetingRecord>(m.doctorClient.get(`/api/meetings/${m.meeting.id}/record`));
    expect(record.participants.find((participant) => participant.role === 'patient')).toMatchObject({ presentSeconds: 60, lastLeftAt: wentAt.toISOString() });

    // Coming back after that is as after leaving: the waiting room again.
    expect((await ok<MeetingView>(m.patientClient.post(`/api/meetings/${m.meeting.id}/join`, { clientId: 'patient-tab-1' }))).me?.state).toBe('waiting');
  });

  it('keeps someone in whose tab reconnects within the grace period', async () => {
    const m = await meetingInProgress();
    const first = await m.announced();
    await first.close();
    await until(m.row, (row) => row.disconnectedAt !== null, 'the disconnection');
    t.clock.advance(5000);
    const second = await m.announced();
    expect((await m.row()).disconnectedAt).toBeNull();

    t.clock.advance(PRESENCE_GRACE_MS * 2);
    await runPresenceJobs();
    expect((await m.row()).state).toBe('admitted');
    await second.close();
  });

  it('ignores the late close of an older socket of the same tab, and of a tab replaced by a new one', async () => {
    const m = await meetingInProgress();
    const old = await m.announced();
    const fresh = await m.announced();
    await old.close();
    // The close reached the server after the newer socket announced itself: nothing changes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await m.row()).disconnectedAt).toBeNull();

    // The patient opens the meeting in another tab; the first tab's socket then closes.
    await ok(m.patientClient.post(`/api/meetings/${m.meeting.id}/join`, { clientId: 'patient-tab-2' }));
    await fresh.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await m.row()).disconnectedAt).toBeNull();
    t.clock.advance(PRESENCE_GRACE_MS * 2);
    await runPresenceJobs();
    expect((await m.row()).state).toBe('admitted');
  });

  it('ignores presence announced for someone else’s tab', async () => {
    const m = await meetingInProgress();
    // The doctor's socket claims the patient's tab id: it is not the doctor's row, so nothing is written.
    const socket = connect(m.doctorClient);
    await socket.ready;
    socket.send({ type: 'presence', meetingId: m.meeting.id, clientId: 'patient-tab-1' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await socket.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await m.row()).toMatchObject({ presenceSocket: null, disconnectedAt: null, state: 'admitted' });
  });

  it('marks an invitation guest whose tab went away left after the grace period, their time stopping when the connection went, and tells the host', async () => {
    const m = await meetingWithGuest();
    const host = connect(m.doctorClient);
    await host.ready;
    const socket = await m.guestAnnounced();
    t.clock.advance(90_000);
    const wentAt = t.clock.now();
    await socket.close();
    await until(m.guestRow, (row) => row.disconnectedAt !== null, 'the guest’s disconnection');
    expect((await m.guestRow()).disconnectedAt).toEqual(wentAt);

    // Within the grace period the guest is still in.
    t.clock.advance(PRESENCE_GRACE_MS - 1000);
    await runPresenceJobs();
    expect((await m.guestRow()).state).toBe('admitted');
    expect((await m.view()).participants.map((participant) => participant.id)).toContain(m.guestId);

    const before = await lastHostEventId(m.doctor.id);
    t.clock.advance(1000);
    expect((await runPresenceJobs()).done).toBeGreaterThanOrEqual(1);
    expect(await m.guestRow()).toMatchObject({ state: 'left', leftAt: wentAt, admittedAt: null, disconnectedAt: null, presenceSocket: null, presentSeconds: 90 });
    // The host's page hears of it and, fetching again, no longer lists the guest.
    await until(
      async () => host.events,
      (events) => events.some((event) => event.id > before && event.kind === 'meeting.changed' && event.data.meetingId === m.meeting.id),
      'the host to hear of the change',
    );
    expect((await m.view()).participants.map((participant) => participant.id)).not.toContain(m.guestId);
    // The record: the guest's time stopped when their connection went, not later.
    t.clock.advance(600_000);
    const record = await ok<MeetingRecord>(m.doctorClient.get(`/api/meetings/${m.meeting.id}/record`));
    expect(record.participants.find((participant) => participant.role === 'interpreter')).toMatchObject({ name: 'Samira Haddad', presentSeconds: 90, lastLeftAt: wentAt.toISOString() });
    await host.close();

    // Coming back after that is as after leaving: the waiting room again.
    expect((await ok<MeetingView>(m.guest.post(`/api/meetings/${m.meeting.id}/join`, { clientId: 'guest-tab-1' }))).me?.state).toBe('waiting');
  });

  it('keeps an invitation guest in whose tab reconnects within the grace period', async () => {
    const m = await meetingWithGuest();
    const first = await m.guestAnnounced();
    await first.close();
    await until(m.guestRow, (row) => row.disconnectedAt !== null, 'the guest’s disconnection');
    t.clock.advance(5000);
    const second = await m.guestAnnounced();
    expect((await m.guestRow()).disconnectedAt).toBeNull();

    t.clock.advance(PRESENCE_GRACE_MS * 2);
    await runPresenceJobs();
    expect((await m.guestRow()).state).toBe('admitted');
    expect((await m.view()).participants.map((participant) => participant.id)).toContain(m.guestId);
    await second.close();
  });

  it('lets a guest’s socket speak for the guest’s own row only, in their own meeting', async () => {
    const m = await meetingWithGuest();
    // Another meeting of the same doctor, where the doctor's tab happens to have the guest's tab id.
    const other = await ok<MeetingView>(m.doctorClient.post('/api/staff/meetings', { kind: 'patient_care', patientIdentityNumber: m.patient.identityNumber }), 201);
    await ok(m.doctorClient.post(`/api/meetings/${other.id}/join`, { clientId: 'guest-tab-1' }));
    const doctorInOther = () => findParticipantOf(t.db.db, other.id, { staffId: m.doctor.id }).then((found) => found!);

    // The guest's socket claims the patient's tab, and its own tab id in the other meeting: neither is the guest's row.
    const socket = connect(m.guest);
    await socket.ready;
    socket.send({ type: 'presence', meetingId: m.meeting.id, clientId: 'patient-tab-1' });
    socket.send({ type: 'presence', meetingId: other.id, clientId: 'guest-tab-1' });
    // Then its own tab, on the same socket (told in order): once that is written, the claims above were handled.
    socket.send({ type: 'presence', meetingId: m.meeting.id, clientId: 'guest-tab-1' });
    await until(m.guestRow, (row) => row.presenceSocket !== null, 'the guest’s own presence');
    expect(await m.row()).toMatchObject({ presenceSocket: null, disconnectedAt: null, state: 'admitted' });
    expect(await doctorInOther()).toMatchObject({ presenceSocket: null, disconnectedAt: null, state: 'admitted' });
    await socket.close();
    await until(m.guestRow, (row) => row.disconnectedAt !== null, 'the guest’s disconnection');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await m.row()).toMatchObject({ presenceSocket: null, disconnectedAt: null, state: 'admitted' });
    expect(await doctorInOther()).toMatchObject({ presenceSocket: null, disconnectedAt: null, state: 'admitted' });

    // And the patient's socket cannot speak for the guest's tab (nor take back the guest's disconnection).
    const guestBefore = await m.guestRow();
    const patientSocket = connect(m.patientClient);
    await patientSocket.ready;
    patientSocket.send({ type: 'presence', meetingId: m.meeting.id, clientId: 'guest-tab-1' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await patientSocket.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await m.guestRow()).toMatchObject({ presenceSocket: guestBefore.presenceSocket, disconnectedAt: guestBefore.disconnectedAt, state: 'admitted' });
  });

  it('shows the others that a microphone or camera is off', async () => {
    const m = await meetingInProgress();
    await ok(m.patientClient.post(`/api/meetings/${m.meeting.id}/media-state`, { micOff: true, cameraOff: false }));
    const patientRow = await m.row();
    expect((await m.view()).participants.find((participant) => participant.id === patientRow.id)).toMatchObject({ micOff: true, cameraOff: false });
    await ok(m.patientClient.post(`/api/meetings/${m.meeting.id}/media-state`, { micOff: false, cameraOff: true }));
    expect((await m.view()).participants.find((participant) => participant.id === patientRow.id)).toMatchObject({ micOff: false, cameraOff: true });
    // Only someone let in says so.
    await ok(m.patientClient.post(`/api/meetings/${m.meeting.id}/leave`));
    expect((await m.patientClient.post(`/api/meetings/${m.meeting.id}/media-state`, { micOff: true, cameraOff: true })).statusCode).toBe(403);
  });
});
