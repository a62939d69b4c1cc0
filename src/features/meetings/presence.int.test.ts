import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runDueJobs } from '../../platform/jobs/jobs.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { MeetingRecord, MeetingView } from './contract.ts';
import { PRESENCE_JOB } from './presence.ts';
import { PRESENCE_GRACE_MS } from './presence-model.ts';
import { findParticipantOf } from './store.ts';

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

type Socket = { ready: Promise<void>; send: (message: unknown) => void; close: () => Promise<void> };

function connect(client: TestClient): Socket {
  const port = (t.app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/realtime`, { headers: { cookie: client.cookie } });
  const ready = new Promise<void>((resolve) => socket.on('message', (raw) => JSON.parse(String(raw)).type === 'ready' && resolve()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    ready,
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
async function meetingInProgress() {
  const unit = await makeUnit(t.db.db);
  const doctor = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor' });
  const patient = await makePerson(t.db.db, { birthDate: '1980-06-01' });
  await makeCareRelation(t.db.db, unit.id, patient.id, { kind: 'listed' });
  const doctorClient = await loginAs(t.app, t.db.db, { staffId: doctor.id });
  const patientClient = await loginAs(t.app, t.db.db, { personId: patient.id });
  const meeting = await ok<MeetingView>(doctorClient.post('/api/staff/meetings', { kind: 'patient_care', patientIdentityNumber: patient.identityNumber }), 201);
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
