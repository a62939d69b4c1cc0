import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../platform/auth/sessions.ts';
import { executeRows } from '../../platform/db/database.ts';
import { renderNotification } from '../../platform/notifications/templates.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { anonymous, loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { MeetingRecord, MeetingView } from './contract.ts';
import type { CreatedInvitation, GuestSession, InvitationList, InvitationLookup } from './invitation-contract.ts';

/** Issue 8 §2 (E2, E3): invitations by link — to a guest with ID on camera, a relative with BankID, staff of another unit. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => t?.close());

async function ok<T>(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  return result.json() as T;
}
async function fails(response: Promise<{ statusCode: number; body: string; json: () => unknown }>, status: number, code?: string) {
  const result = await response;
  expect(result.statusCode, result.body).toBe(status);
  if (code) expect((result.json() as { error: { code: string } }).error.code).toBe(code);
}

/** A citizen who logged in with BankID (the demo login counts as a weaker login). */
async function bankIdClient(personId: string): Promise<TestClient> {
  const { token } = await createSession(t.db.db, t.clock, { patientIdleMinutes: 30, staffIdleMinutes: 30, absoluteHours: 12 }, { kind: 'citizen', personId, authMethod: 'bankid' });
  const cookie = `nara_session=${token}`;
  const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  const csrfToken = (session.json() as { csrfToken: string }).csrfToken;
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, body: unknown) => t.app.inject({ method, url, payload: body as string, headers: { cookie, 'x-csrf-token': csrfToken } });
  return { cookie, csrfToken, get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie } }), post: (url, body) => send('POST', url, body), put: (url, body) => send('PUT', url, body), delete: (url) => send('DELETE', url, undefined) };
}

/** A browser without a login that used an invitation as a guest: the guest cookie and the guest's CSRF token. */
async function guestClient(token: string, name: string) {
  const redeemed = await anonymous(t.app).post('/api/meeting-invitations/guest', { token, name });
  expect(redeemed.statusCode, redeemed.body).toBe(200);
  const cookie = `nara_meeting_guest=${redeemed.cookies.find((c) => c.name === 'nara_meeting_guest')!.value}`;
  const session = await ok<GuestSession>(t.app.inject({ method: 'GET', url: '/api/meeting-guest/session', headers: { cookie } }));
  return {
    session,
    meetingId: (redeemed.json() as { meetingId: string }).meetingId,
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, body?: unknown, csrf: string | null = session.csrfToken) =>
      t.app.inject({ method: 'POST', url, payload: body as string, headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) } }),
  };
}

async function clinic() {
  const unit = await makeUnit(t.db.db);
  const otherUnit = await makeUnit(t.db.db);
  const doctor = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor', givenName: 'Erik' });
  const municipalNurse = await makeStaff(t.db.db, { unitId: otherUnit.id, roles: ['clinician'], profession: 'nurse', givenName: 'Maja' });
  const patient = await makePerson(t.db.db, { birthDate: '1985-03-12', givenName: 'Anna' });
  await makeCareRelation(t.db.db, unit.id, patient.id, { kind: 'listed' });
  const relative = await makePerson(t.db.db, { birthDate: '1960-05-01', givenName: 'Bertil' });
  return {
    unit,
    patient,
    relative,
    doctorClient: await loginAs(t.app, t.db.db, { staffId: doctor.id }),
    nurseClient: await loginAs(t.app, t.db.db, { staffId: municipalNurse.id }),
    patientClient: await loginAs(t.app, t.db.db, { personId: patient.id }),
    relativeDemoClient: await loginAs(t.app, t.db.db, { personId: relative.id }),
  };
}

type Clinic = Awaited<ReturnType<typeof clinic>>;
const tab = () => `tab-${Math.random().toString(36).slice(2, 10)}`;

async function openMeeting(c: Clinic, requiredIdentification: 'strong_eid' | 'id_on_camera', kind = 'patient_care') {
  const meeting = await ok<MeetingView>(c.doctorClient.post('/api/staff/meetings', { kind, patientIdentityNumber: c.patient.identityNumber, requiredIdentification }), 201);
  await ok<MeetingView>(c.doctorClient.post(`/api/meetings/${meeting.id}/join`, { clientId: tab() }));
  return meeting;
}

const invite = (c: Clinic, meetingId: string, body: Record<string, unknown>) => ok<CreatedInvitation>(c.doctorClient.post(`/api/staff/meetings/${meetingId}/invitations`, body), 201);
const tokenOf = (created: CreatedInvitation) => created.path.replace('/inbjudan#', '');

describe('an interpreter invited by link joins as a guest showing ID on camera', () => {
  it('is sent the link alone, waits, is checked on camera by the host, let in, and listed with the role', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'id_on_camera');
    const created = await invite(c, meeting.id, { role: 'interpreter', interpretation: 'spoken', language: 'arabiska', sms: '070-123 45 67', email: 'tolk@tolkformedling.example' });
    expect(created.path).toMatch(/^\/inbjudan#[A-Za-z0-9_-]{43}$/);
    expect(created.sent).toEqual(['sms', 'email']);
    expect(created.invitation).toMatchObject({ role: 'interpreter', interpretation: 'spoken', language: 'arabiska', state: 'valid', usedBy: null });

    // The outbox: to the typed addresses, no registered recipient, the link and nothing about the patient.
    const rows = await executeRows<Record<string, unknown>>(
      t.db.db,
      sql`select * from notification_outbox where dedupe_key like ${`meeting-invitation:${created.invitation.id}:%`} order by channel`,
    );
    expect(rows.map((row) => [row.channel, row.address, row.recipient_person_id, row.template])).toEqual([
      ['email', 'tolk@tolkformedling.example', null, 'meeting_invitation'],
      ['sms', '+46701234567', null, 'meeting_invitation'],
    ]);
    const stored = JSON.stringify(rows);
    for (const secret of [c.patient.givenName, c.patient.familyName, c.patient.identityNumber, c.unit.name, 'arabiska']) expect(stored).not.toContain(secret);
    const sms = renderNotification('meeting_invitation', 'sms', { publicUrl: 'https://nara.example/', params: rows[1]!.params as { invitationPath: string } });
    expect(sms.text).toBe(`Du är inbjuden till ett videomöte i Nära https://nara.example${created.path} / You are invited to a video meeting in Nära`);
    // Only the token's hash is kept.
    const [stored2] = await executeRows<{ token_hash: string }>(t.db.db, sql`select token_hash from meeting_invitations where id = ${created.invitation.id}`);
    expect(stored2!.token_hash).not.toContain(tokenOf(created));

    // The link shows what it is for, without the patient.
    const lookup = await ok<InvitationLookup>(anonymous(t.app).post('/api/meeting-invitations/lookup', { token: tokenOf(created) }));
    expect(lookup).toMatchObject({ state: 'valid', role: 'interpreter', language: 'arabiska', meeting: { requiredIdentification: 'id_on_camera', unitName: c.unit.name } });
    expect(JSON.stringify(lookup)).not.toContain(c.patient.familyName);

    // The interpreter gives a name: a guest session for this meeting; the link is then used up.
    const guest = await guestClient(tokenOf(created), '  Samira   Haddad ');
    expect(guest.session).toMatchObject({ meetingId: meeting.id, name: 'Samira Haddad', role: 'interpreter', participantId: null });
    await fails(anonymous(t.app).post('/api/meeting-invitations/guest', { token: tokenOf(created), name: 'Någon annan' }), 409, 'invitation_used');
    await fails(c.relativeDemoClient.post('/api/meeting-invitations/accept', { token: tokenOf(created) }), 409, 'invitation_used');

    // A change needs the guest's own CSRF token.
    await fails(guest.post(`/api/meetings/${meeting.id}/join`, { clientId: 'guest-tab-1' }, null), 403);
    await fails(guest.post(`/api/meetings/${meeting.id}/join`, { clientId: 'guest-tab-1' }, 'not-the-token'), 401);
    const waiting = await ok<MeetingView>(guest.post(`/api/meetings/${meeting.id}/join`, { clientId: 'guest-tab-1' }));
    expect(waiting.me).toMatchObject({ role: 'interpreter', state: 'waiting' });
    expect(waiting.patient).toBeNull();
    // Waiting for the check, the guest's browser connects to the host only.
    const hostView = await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${meeting.id}`));
    const hostRow = hostView.participants.find((row) => row.role === 'host')!;
    expect(waiting.idCheckWith).toEqual({ participantId: hostRow.id, clientId: hostRow.clientId });

    // The host sees the guest waiting with role and interpretation, and cannot let them in before the ID check.
    const waitingGuest = hostView.waiting.find((row) => row.kind === 'guest')!;
    expect(waitingGuest).toMatchObject({ name: 'Samira Haddad', role: 'interpreter', interpretation: 'spoken', language: 'arabiska', idCheck: 'needed' });
    await fails(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${waitingGuest.id}/admit`), 409, 'id_not_checked');
    const checked = await ok<MeetingView>(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${waitingGuest.id}/id-checked`));
    expect(checked.waiting.find((row) => row.id === waitingGuest.id)?.idCheck).toBe('done');
    await ok<MeetingView>(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${waitingGuest.id}/admit`));

    // Inside: the guest sees the others and can chat; the host's list shows the guest as the interpreter.
    const inside = await ok<MeetingView>(guest.get(`/api/meetings/${meeting.id}`));
    expect(inside.me?.state).toBe('admitted');
    expect(inside.idCheckWith).toBeNull();
    expect(inside.participants.map((row) => row.role).sort()).toEqual(['host', 'interpreter']);
    await ok(guest.post(`/api/meetings/${meeting.id}/messages`, { body: 'Hej, jag är tolken.' }), 201);
    const ice = await guest.get(`/api/meetings/${meeting.id}/ice-servers`);
    expect(ice.statusCode).toBe(200);

    // The record lists who took part with their roles.
    await ok(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/end`));
    const record = await ok<MeetingRecord>(c.doctorClient.get(`/api/meetings/${meeting.id}/record`));
    expect(record.participants.map((row) => [row.role, row.name, row.language])).toEqual([
      ['host', expect.stringContaining('Erik'), null],
      ['interpreter', 'Samira Haddad', 'arabiska'],
    ]);
    const invitations = await ok<InvitationList>(c.doctorClient.get(`/api/staff/meetings/${meeting.id}/invitations`));
    expect(invitations.invitations[0]).toMatchObject({ state: 'meeting_ended', usedBy: { kind: 'guest', name: 'Samira Haddad' } });
  });

  it('reaches nothing but its own meeting', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'id_on_camera');
    const other = await openMeeting(c, 'id_on_camera');
    const created = await invite(c, meeting.id, { role: 'social_services' });
    const guest = await guestClient(tokenOf(created), 'Socialsekreterare Lind');
    await ok(guest.post(`/api/meetings/${meeting.id}/join`, { clientId: 'guest-tab-2' }));
    await fails(guest.get(`/api/meetings/${other.id}`), 404, 'meeting_not_found');
    await fails(guest.post(`/api/meetings/${other.id}/join`, { clientId: 'guest-tab-2' }), 404, 'meeting_not_found');
    await fails(guest.get(`/api/meetings/${meeting.id}/record`), 401);
    await fails(guest.get('/api/patient/meetings'), 401);
    await fails(guest.get('/api/staff/meetings'), 401);
    await fails(guest.get(`/api/staff/meetings/${meeting.id}/invitations`), 401);
    await fails(guest.post(`/api/staff/meetings/${meeting.id}/end`), 401);
    await fails(guest.get('/api/patient/cases'), 401);
    expect((await ok<{ authenticated: boolean }>(guest.get('/api/auth/session'))).authenticated).toBe(false);
    // The host turns the guest away: they cannot come back with the same session.
    const hostView = await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${meeting.id}`));
    await ok(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${hostView.waiting[0]!.id}/remove`));
    await fails(guest.post(`/api/meetings/${meeting.id}/join`, { clientId: 'guest-tab-3' }), 409, 'meeting_removed');
  });
});

describe('the life of a link', () => {
  it('can be revoked by the host before it is used, not after', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'id_on_camera');
    const first = await invite(c, meeting.id, { role: 'relative', inviteeName: 'Bertil' });
    const revoked = await ok<{ state: string }>(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/invitations/${first.invitation.id}/revoke`));
    expect(revoked.state).toBe('revoked');
    expect((await ok<InvitationLookup>(anonymous(t.app).post('/api/meeting-invitations/lookup', { token: tokenOf(first) }))).meeting).toBeNull();
    await fails(anonymous(t.app).post('/api/meeting-invitations/guest', { token: tokenOf(first), name: 'Bertil' }), 409, 'invitation_revoked');

    const second = await invite(c, meeting.id, { role: 'relative' });
    await guestClient(tokenOf(second), 'Bertil');
    await fails(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/invitations/${second.invitation.id}/revoke`), 409, 'invitation_used');
    // Only the host invites and revokes; an unknown token is simply not found.
    await fails(c.patientClient.post(`/api/staff/meetings/${meeting.id}/invitations`, { role: 'relative' }), 403);
    await fails(anonymous(t.app).post('/api/meeting-invitations/lookup', { token: 'x'.repeat(43) }), 404, 'invitation_not_found');
  });

  it('expires', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'id_on_camera');
    const created = await invite(c, meeting.id, { role: 'other', validHours: 1 });
    t.clock.advance(61 * 60_000);
    expect((await ok<InvitationLookup>(anonymous(t.app).post('/api/meeting-invitations/lookup', { token: tokenOf(created) }))).state).toBe('expired');
    await fails(anonymous(t.app).post('/api/meeting-invitations/guest', { token: tokenOf(created), name: 'Sen gäst' }), 409, 'invitation_expired');
  });

  it('is checked on input: an interpreter needs the kind, spoken interpretation the language, an SMS a mobile number', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'id_on_camera');
    await fails(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/invitations`, { role: 'interpreter' }), 400);
    await fails(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/invitations`, { role: 'interpreter', interpretation: 'spoken' }), 400);
    await fails(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/invitations`, { role: 'relative', sms: '12' }), 400, 'invalid_mobile');
    const sign = await invite(c, meeting.id, { role: 'interpreter', interpretation: 'sign_language' });
    expect(sign.invitation).toMatchObject({ interpretation: 'sign_language', language: null });
  });
});

describe('strong eID and staff of another unit', () => {
  it('lets a relative in with BankID only, as a person with the invited role; the same person may open the link again', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'strong_eid');
    const created = await invite(c, meeting.id, { role: 'relative' });
    await fails(anonymous(t.app).post('/api/meeting-invitations/guest', { token: tokenOf(created), name: 'Bertil' }), 403, 'strong_eid_required');
    await fails(c.relativeDemoClient.post('/api/meeting-invitations/accept', { token: tokenOf(created) }), 403, 'strong_eid_required');
    // Before using the link, the relative cannot reach the patient's meeting.
    const relative = await bankIdClient(c.relative.id);
    await fails(relative.get(`/api/meetings/${meeting.id}`), 404);
    const accepted = await ok<{ meetingId: string; path: string }>(relative.post('/api/meeting-invitations/accept', { token: tokenOf(created) }));
    expect(accepted).toEqual({ meetingId: meeting.id, path: `/start/moten/${meeting.id}` });
    await ok(relative.post('/api/meeting-invitations/accept', { token: tokenOf(created) }));
    const someoneElse = await bankIdClient((await makePerson(t.db.db, { birthDate: '1970-01-01' })).id);
    await fails(someoneElse.post('/api/meeting-invitations/accept', { token: tokenOf(created) }), 409, 'invitation_used');

    const waiting = await ok<MeetingView>(relative.post(`/api/meetings/${meeting.id}/join`, { clientId: tab() }));
    expect(waiting.me).toMatchObject({ role: 'relative', state: 'waiting' });
    expect(waiting.patient).toBeNull();
    const hostView = await ok<MeetingView>(c.doctorClient.get(`/api/meetings/${meeting.id}`));
    const row = hostView.waiting.find((entry) => entry.role === 'relative')!;
    expect(row).toMatchObject({ kind: 'person', idCheck: null, name: `Bertil ${c.relative.familyName}` });
    await ok(c.doctorClient.post(`/api/staff/meetings/${meeting.id}/participants/${row.id}/admit`));
    // Invited to this meeting, not to the patient's others.
    expect((await ok<{ meetings: { id: string }[] }>(relative.get('/api/patient/meetings'))).meetings).toEqual([]);
  });

  it('lets a nurse of another unit join a care planning meeting as care provider, audited with the invitation as the basis', async () => {
    const c = await clinic();
    const meeting = await openMeeting(c, 'strong_eid', 'care_planning');
    await fails(c.nurseClient.get(`/api/meetings/${meeting.id}`), 404);
    const created = await invite(c, meeting.id, { role: 'care_provider' });
    const accepted = await ok<{ path: string }>(c.nurseClient.post('/api/meeting-invitations/accept', { token: tokenOf(created) }));
    expect(accepted.path).toBe(`/arbetsyta/moten/${meeting.id}`);
    const joined = await ok<MeetingView>(c.nurseClient.post(`/api/meetings/${meeting.id}/join`, { clientId: tab() }));
    expect(joined.me).toMatchObject({ role: 'care_provider', state: 'waiting' });
    const audit = await executeRows<{ reason: string; object_type: string }>(
      t.db.db,
      sql`select reason, object_type from audit_log where patient_id = ${c.patient.id} and object_type = 'meeting_participant' and reason like 'Inbjuden%' order by seq`,
    );
    expect(audit.at(-1)?.reason).toContain(created.invitation.id);
  });
});
