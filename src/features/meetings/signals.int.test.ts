import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RealtimeEvent } from '../../platform/realtime/model.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { MeetingSignalEvent, MeetingView } from './contract.ts';

/**
 * WebRTC signalling over the realtime socket. On PostgreSQL the doctor and the patient are
 * connected to two server instances on one database (as two processes would be), so a
 * signal crosses NOTIFY; on PGlite both are on the one process.
 */
const env = { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' };
let first: TestApp;
let second: TestApp;
const twoServers = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  first = await createTestApp({ env });
  second = twoServers ? await createTestApp({ env }) : first;
  for (const t of new Set([first, second])) await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const t of new Set([first, second])) await t?.close();
});

type Reply = { type: string; event?: RealtimeEvent; code?: string; to?: string };
type Socket = { replies: Reply[]; ready: Promise<void>; send: (message: unknown) => void; close: () => void; closed: Promise<number> };

function connect(t: TestApp, client: TestClient): Socket {
  const port = (t.app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/realtime`, { headers: { cookie: client.cookie } });
  const replies: Reply[] = [];
  const ready = new Promise<void>((resolve) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as Reply;
      replies.push(message);
      if (message.type === 'ready') {
        socket.send(JSON.stringify({ type: 'resume', after: null }));
        resolve();
      }
    });
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { replies, ready, closed, send: (message) => socket.send(JSON.stringify(message)), close: () => socket.close() };
}

async function until<T>(find: () => T | undefined, what: string, ms = 5000): Promise<T> {
  for (let waited = 0; waited < ms; waited += 20) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const signals = (socket: Socket) => socket.replies.filter((reply) => reply.event?.kind === 'meeting.signal').map((reply) => reply.event!.data as MeetingSignalEvent);
const refusals = (socket: Socket) => socket.replies.filter((reply) => reply.type === 'signal_refused');

async function meetingWithPatientInside() {
  const unit = await makeUnit(first.db.db);
  const doctor = await makeStaff(first.db.db, { unitId: unit.id, roles: ['clinician'] });
  const patient = await makePerson(first.db.db);
  await makeCareRelation(first.db.db, unit.id, patient.id);
  const stranger = await makePerson(first.db.db);
  const doctorClient = await loginAs(first.app, first.db.db, { staffId: doctor.id });
  const patientClient = await loginAs(second.app, second.db.db, { personId: patient.id });
  const strangerClient = await loginAs(second.app, second.db.db, { personId: stranger.id });
  const meeting = (await doctorClient.post('/api/staff/meetings', { kind: 'patient_care', patientIdentityNumber: patient.identityNumber })).json() as MeetingView;
  const host = (await doctorClient.post(`/api/meetings/${meeting.id}/join`, { clientId: 'doctor-tab' })).json() as MeetingView;
  const waiting = (await patientClient.post(`/api/meetings/${meeting.id}/join`, { clientId: 'patient-tab' })).json() as MeetingView;
  return { meeting, doctorClient, patientClient, strangerClient, hostId: host.me!.participantId, patientId: waiting.me!.participantId };
}

// An SDP offer for audio and video with many codecs and candidates: far over one NOTIFY (8000 bytes).
const bigSdp = `v=0\r\n${Array.from({ length: 400 }, (_, i) => `a=rtpmap:${i} codec-${i}/90000 ÅÄÖ\r\n`).join('')}`;

describe(`meeting signals (${twoServers ? 'two servers on one PostgreSQL' : 'one PGlite process'})`, () => {
  it('pass between admitted participants only, whole and in order, to the recipient’s tab', async () => {
    const m = await meetingWithPatientInside();
    const doctor = connect(first, m.doctorClient);
    const patient = connect(second, m.patientClient);
    const stranger = connect(second, m.strangerClient);
    await Promise.all([doctor.ready, patient.ready, stranger.ready]);

    // While the patient waits, neither side may signal the other.
    patient.send({ type: 'signal', meetingId: m.meeting.id, to: m.hostId, payload: { candidate: null } });
    doctor.send({ type: 'signal', meetingId: m.meeting.id, to: m.patientId, payload: { candidate: null } });
    expect((await until(() => refusals(patient)[0], 'the waiting patient refused')).code).toBe('not_admitted');
    expect((await until(() => refusals(doctor)[0], 'signalling the waiting room refused')).code).toBe('recipient_not_admitted');

    expect((await m.doctorClient.post(`/api/staff/meetings/${m.meeting.id}/participants/${m.patientId}/admit`)).statusCode).toBe(200);

    expect(bigSdp.length).toBeGreaterThan(12_000);
    doctor.send({ type: 'signal', meetingId: m.meeting.id, to: m.patientId, payload: { description: { type: 'offer', sdp: bigSdp } } });
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    doctor.send({ type: 'signal', meetingId: m.meeting.id, to: m.patientId, payload: { candidate } });
    const received = await until(() => (signals(patient).length === 2 ? signals(patient) : undefined), 'the offer and the candidate');
    expect(received[0]).toEqual({ meetingId: m.meeting.id, from: m.hostId, fromClient: 'doctor-tab', to: m.patientId, toClient: 'patient-tab', payload: { description: { type: 'offer', sdp: bigSdp } } });
    expect(received[1]!.payload).toEqual({ candidate });

    patient.send({ type: 'signal', meetingId: m.meeting.id, to: m.hostId, payload: { description: { type: 'answer', sdp: 'v=0\r\n' } } });
    expect((await until(() => signals(doctor)[0], 'the answer')).from).toBe(m.patientId);

    // Someone outside the meeting can neither send into it nor hear it.
    stranger.send({ type: 'signal', meetingId: m.meeting.id, to: m.hostId, payload: { candidate: null } });
    expect((await until(() => refusals(stranger)[0], 'the stranger refused')).code).toBe('not_admitted');
    expect(signals(stranger)).toEqual([]);
    // Nor does a malformed payload pass.
    doctor.send({ type: 'signal', meetingId: m.meeting.id, to: m.patientId, payload: { script: 'x' } });
    expect((await until(() => refusals(doctor).find((reply) => reply.code === 'signal_invalid'), 'the malformed signal refused')).code).toBe('signal_invalid');

    // Once removed, the patient's signals stop (another process may have them cached for up to two seconds).
    expect((await m.doctorClient.post(`/api/staff/meetings/${m.meeting.id}/participants/${m.patientId}/remove`)).statusCode).toBe(200);
    const refusedBefore = refusals(patient).length;
    for (let attempt = 0; attempt < 12 && refusals(patient).length === refusedBefore; attempt++) {
      patient.send({ type: 'signal', meetingId: m.meeting.id, to: m.hostId, payload: { candidate: null } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(refusals(patient).at(-1)?.code).toBe('not_admitted');
    if (!twoServers) expect(refusals(patient).length).toBe(refusedBefore + 1); // in one process at once
    for (const socket of [doctor, patient, stranger]) socket.close();
  });
});
