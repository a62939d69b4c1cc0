import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { MeetingView } from './contract.ts';
import type { DropinEntry, PatientDropin, StaffDropin, TakenDropin } from './dropin-contract.ts';

/** E6, drop-in via video: the unit's switch, the queue in order, taking the next patient, leaving. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

async function ok<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  return result.json() as T;
}

async function failsWith(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status: number, code: string) {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  expect((result.json() as { error: { code: string } }).error.code).toBe(code);
}

const login = (who: { personId: string } | { staffId: string }) => loginAs(t.app, t.db.db, who);

/** A unit with the videomote e-service on (unless told otherwise), a nurse, a doctor, a receptionist, and a helper to add patients. */
async function clinic(options: { video?: boolean } = {}) {
  const unit = await makeUnit(t.db.db);
  if (options.video !== false) {
    const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_admin'] });
    const activate = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };
    await ok((await login({ staffId: admin.id })).put('/api/unit-admin/eservices/videomote/activation', activate));
  }
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'nurse' });
  const doctor = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor' });
  const receptionist = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist'] });
  const patient = async (birthDate = '1980-01-01') => {
    const person = await makePerson(t.db.db, { birthDate });
    return { person, client: await login({ personId: person.id }) };
  };
  return { unit, nurse: await login({ staffId: nurse.id }), doctor: await login({ staffId: doctor.id }), receptionist: await login({ staffId: receptionist.id }), patient };
}

const open = (staff: TestClient, settings: Record<string, unknown> = { open: true }) => ok<StaffDropin>(staff.put('/api/staff/dropin/settings', settings));
const queue = (client: TestClient, unitId: string, reason: string) => client.post(`/api/patient/dropin/units/${unitId}/queue`, { reason });
const myDropin = (client: TestClient) => ok<PatientDropin>(client.get('/api/patient/dropin'));

describe('drop-in via video', () => {
  it('keeps patients in order of arrival, and a clinician takes the next one into a meeting’s waiting room', async () => {
    const c = await clinic();
    expect((await ok<StaffDropin>(c.nurse.get('/api/staff/dropin'))).unavailableReason).toBe('closed');
    await open(c.nurse);
    const [first, second, third] = [await c.patient(), await c.patient(), await c.patient()];
    // The patient sees the unit among those with an open drop-in.
    expect((await myDropin(first.client)).units.find((unit) => unit.id === c.unit.id)).toMatchObject({ available: true, waiting: 0 });

    const a = await ok<DropinEntry>(queue(first.client, c.unit.id, 'Ont i halsen sedan tre dagar'));
    t.clock.advance(1000);
    const b = await ok<DropinEntry>(queue(second.client, c.unit.id, 'Utslag på armen'));
    t.clock.advance(1000);
    await ok<DropinEntry>(queue(third.client, c.unit.id, 'Fråga om medicin'));
    expect(a).toMatchObject({ status: 'waiting', position: 1, meetingId: null });
    expect(b.position).toBe(2);
    // Joining again answers the same place.
    expect((await ok<DropinEntry>(queue(second.client, c.unit.id, 'Igen'))).id).toBe(b.id);

    const staffView = await ok<StaffDropin>(c.nurse.get('/api/staff/dropin'));
    expect(staffView.queue.map((entry) => entry.reason)).toEqual(['Ont i halsen sedan tre dagar', 'Utslag på armen', 'Fråga om medicin']);
    expect(staffView.queue[0]!.patient.name).toBe(`${first.person.givenName} ${first.person.familyName}`);

    const taken = await ok<TakenDropin>(c.nurse.post('/api/staff/dropin/take-next'));
    expect(taken.dropinId).toBe(a.id);
    const meeting = await ok<MeetingView>(c.nurse.get(`/api/meetings/${taken.meetingId}`));
    expect(meeting).toMatchObject({ kind: 'patient_care', isHost: true, status: 'scheduled' });
    expect(meeting.waiting.map((participant) => participant.name)).toEqual([`${first.person.givenName} ${first.person.familyName}`]);
    // The patient's page moves on to the meeting; the others move up.
    expect((await myDropin(first.client)).entries[0]).toMatchObject({ status: 'taken', meetingId: taken.meetingId, position: null });
    expect((await myDropin(second.client)).entries[0]!.position).toBe(1);
    expect((await myDropin(third.client)).entries[0]!.position).toBe(2);

    // From there the usual flow: the patient's tab joins (still waiting), the host comes and lets them in.
    expect((await ok<MeetingView>(first.client.post(`/api/meetings/${taken.meetingId}/join`, { clientId: 'dropin-tab-1' }))).me?.state).toBe('waiting');
    await ok(c.nurse.post(`/api/meetings/${taken.meetingId}/join`, { clientId: 'nurse-tab-1' }));
    const participantId = meeting.waiting[0]!.id;
    expect((await ok<MeetingView>(c.nurse.post(`/api/staff/meetings/${taken.meetingId}/participants/${participantId}/admit`))).participants).toHaveLength(2);

    // The next clinician gets the next patient.
    expect((await ok<TakenDropin>(c.doctor.post('/api/staff/dropin/take-next'))).dropinId).toBe(b.id);
  });

  it('is the unit’s own: other units’ staff see and take only their own queue, receptionists none', async () => {
    const c = await clinic();
    const other = await clinic();
    await open(c.nurse);
    const patient = await c.patient();
    await ok(queue(patient.client, c.unit.id, 'Feber'));
    expect((await ok<StaffDropin>(other.nurse.get('/api/staff/dropin'))).queue).toEqual([]);
    await failsWith(other.nurse.post('/api/staff/dropin/take-next'), 409, 'dropin_queue_empty');
    expect((await c.receptionist.get('/api/staff/dropin')).statusCode).toBe(403);
    expect((await c.receptionist.post('/api/staff/dropin/take-next')).statusCode).toBe(403);
    expect((await ok<StaffDropin>(c.nurse.get('/api/staff/dropin'))).queue).toHaveLength(1);
  });

  it('lets a patient leave the queue, and only their own place', async () => {
    const c = await clinic();
    await open(c.nurse);
    const [mine, theirs] = [await c.patient(), await c.patient()];
    const entry = await ok<DropinEntry>(queue(mine.client, c.unit.id, 'Hosta'));
    await ok<DropinEntry>(queue(theirs.client, c.unit.id, 'Yrsel'));
    await failsWith(theirs.client.post(`/api/patient/dropin/${entry.id}/leave`), 404, 'dropin_not_found');
    expect((await ok<DropinEntry>(mine.client.post(`/api/patient/dropin/${entry.id}/leave`))).status).toBe('left');
    expect((await ok<DropinEntry>(mine.client.post(`/api/patient/dropin/${entry.id}/leave`))).status).toBe('left');
    expect((await ok<StaffDropin>(c.nurse.get('/api/staff/dropin'))).queue.map((row) => row.reason)).toEqual(['Yrsel']);
    expect((await myDropin(theirs.client)).entries[0]!.position).toBe(1);
  });

  it('takes nobody while closed or outside its hours, and opens only where video meetings are on', async () => {
    const c = await clinic();
    const patient = await c.patient();
    await failsWith(queue(patient.client, c.unit.id, 'Ont'), 409, 'dropin_closed');
    // The test clock stands at a fixed moment; hours that exclude it close the queue.
    const now = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t.clock.now());
    const later = `${String((Number(now.slice(0, 2)) + 2) % 24).padStart(2, '0')}:00`;
    const evenLater = `${String((Number(now.slice(0, 2)) + 3) % 24).padStart(2, '0')}:00`;
    expect((await open(c.nurse, { open: true, opensAt: later, closesAt: evenLater })).unavailableReason).toBe('outside_hours');
    await failsWith(queue(patient.client, c.unit.id, 'Ont'), 409, 'dropin_closed');
    expect((await c.nurse.put('/api/staff/dropin/settings', { open: true, opensAt: '08:00' })).statusCode).toBe(400);

    const noVideo = await clinic({ video: false });
    await failsWith(noVideo.nurse.put('/api/staff/dropin/settings', { open: true }), 409, 'dropin_not_offered');
    expect((await ok<StaffDropin>(noVideo.nurse.get('/api/staff/dropin'))).offered).toBe(false);
  });

  it('lets a guardian queue for a child and take part in the child’s meeting as a relative', async () => {
    const c = await clinic();
    await open(c.nurse);
    const guardian = await c.patient('1985-05-05');
    const child = await makePerson(t.db.db, { birthDate: '2019-02-02' });
    await makeGuardianship(t.db.db, guardian.person.id, child.id);
    await makeCareRelation(t.db.db, c.unit.id, child.id, { kind: 'listed' });
    await ok(guardian.client.post('/api/auth/acting-for', { personId: child.id }));
    await ok(queue(guardian.client, c.unit.id, 'Barnet har feber'));
    const staffView = await ok<StaffDropin>(c.nurse.get('/api/staff/dropin'));
    expect(staffView.queue[0]).toMatchObject({ patient: { name: `${child.givenName} ${child.familyName}` }, queuedBy: `${guardian.person.givenName} ${guardian.person.familyName}` });
    const taken = await ok<TakenDropin>(c.nurse.post('/api/staff/dropin/take-next'));
    const meeting = await ok<MeetingView>(c.nurse.get(`/api/meetings/${taken.meetingId}`));
    expect(meeting.patient?.name).toBe(`${child.givenName} ${child.familyName}`);
    expect(meeting.waiting[0]).toMatchObject({ role: 'relative', name: `${guardian.person.givenName} ${guardian.person.familyName}` });
    expect((await ok<MeetingView>(guardian.client.post(`/api/meetings/${taken.meetingId}/join`, { clientId: 'guardian-tab-1' }))).me?.state).toBe('waiting');
  });
});
