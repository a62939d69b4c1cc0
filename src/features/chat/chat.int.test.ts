import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makeCareRelation, makePerson, makeProxy, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { anonymous, loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import type { PatientChat, StaffChat, StaffQueue } from './contract.ts';
import { alwaysOpen } from './model.ts';
import { notifyUnreadChatMessages } from './notify.ts';

// Monday 23 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-23T09:00:00Z';
const day = [['08:00', '16:00']];
const officeHours = { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, closedOnPublicHolidays: true, exceptions: [] };
const activate = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

/** A health centre with chat on and office hours, an administrator, two nurses and a patient (not listed there). */
async function clinic(options: { chat?: boolean; hours?: unknown } = {}) {
  const unit = await makeUnit(t.db.db, { kind: 'vardcentral' });
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'nurse', givenName: 'Sara' });
  const colleague = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'doctor', givenName: 'Erik' });
  const adminClient = await loginAs(t.app, t.db.db, { staffId: admin.id });
  if (options.chat ?? true) expect((await adminClient.put('/api/unit-admin/eservices/chatt/activation', activate)).statusCode).toBe(200);
  if (options.hours !== null) expect((await adminClient.put('/api/unit-admin/chat-hours', { hours: options.hours ?? officeHours })).statusCode).toBe(200);
  const patient = await makePerson(t.db.db, { birthDate: '1985-03-12', givenName: 'Anna' });
  return {
    unit,
    adminClient,
    nurse,
    colleague,
    nurseClient: await loginAs(t.app, t.db.db, { staffId: nurse.id }),
    colleagueClient: await loginAs(t.app, t.db.db, { staffId: colleague.id }),
    patient,
    patientClient: await loginAs(t.app, t.db.db, { personId: patient.id }),
  };
}

async function start(client: TestClient, unitId: string, reason = 'Utslag på armen sedan i går', triageSessionId?: string) {
  const response = await client.post('/api/patient/chats', { unitId, reason, ...(triageSessionId === undefined ? {} : { triageSessionId }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PatientChat;
}

type TriageStep =
  | { kind: 'question'; question: { id: string; type: string; code?: { code: string }; options?: { id: string; code?: { code: string } }[] } }
  | { kind: 'outcome'; outcome: { urgency: string } };

/**
 * A finished Sök vård assessment through the public triage API, as the patient's browser makes
 * it (no login): yes to the findings named, no (or none of these) to the rest, the measurements
 * given (by code) and "don't know" to other numbers.
 */
async function assessment(complaint: string, findings: string[], values: Record<string, number> = {}) {
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const created = await post('/api/triage/sessions', { complaint, ageYears: 45, sex: 'female', forSomeoneElse: false, lang: 'sv' });
  expect(created.statusCode, created.body).toBe(201);
  const { sessionId } = created.json() as { sessionId: string };
  let step = (created.json() as { step: TriageStep }).step;
  while (step.kind === 'question') {
    const q = step.question;
    const chosen = q.options?.filter((option) => option.code && findings.includes(option.code.code)).map((option) => option.id) ?? [];
    const answer = q.type === 'boolean' ? findings.includes(q.code!.code) : q.type === 'number' ? (values[q.code!.code] ?? null) : chosen.length > 0 ? chosen : ['none'];
    const response = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: q.id, answer });
    expect(response.statusCode, response.body).toBe(200);
    step = (response.json() as { step: TriageStep }).step;
  }
  return { sessionId, urgency: step.outcome.urgency };
}

/** A cold with a cough for four days: self-care (content/triage/tests/self-care.json, cough-5). */
const coldWithCough = () => assessment('cough', ['64531003'], { '162442009': 4 });

async function takeNext(client: TestClient) {
  const response = await client.post('/api/staff/chat/take-next');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as StaffChat;
}

const events = async (topic: string, kind: string) =>
  (await executeRows<{ data: Record<string, unknown> }>(t.db.db, sql`select data from realtime_events where topic = ${topic} and kind = ${kind} order by id`)).map((row) => row.data);

describe('open now', () => {
  it('says open within the chat hours, and when it closes', async () => {
    const { unit } = await clinic();
    const response = await anonymous(t.app).get(`/api/chat/units/${unit.id}/status`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ offered: true, open: true, closedReason: null, closesAt: '2026-11-23T15:00:00.000Z', opensAt: null });
  });

  it('says closed outside the hours and when it next opens; starting is refused with chat_closed', async () => {
    // 18:30 in Stockholm; everyone logs in then (a session would time out across the jump).
    t.clock.set('2026-11-23T17:30:00Z');
    try {
      const { unit, patientClient } = await clinic();
      expect((await anonymous(t.app).get(`/api/chat/units/${unit.id}/status`)).json()).toMatchObject({ open: false, closedReason: 'closed', opensAt: '2026-11-24T07:00:00.000Z' });
      const refused = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'En fråga' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'chat_closed', details: { opensAt: '2026-11-24T07:00:00.000Z' } });
      expect(refused.json().error.message).toMatch(/ärende/);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('refuses a unit without the chat e-service (chat_not_offered), whatever its hours', async () => {
    const { unit, patientClient } = await clinic({ chat: false, hours: alwaysOpen });
    expect((await anonymous(t.app).get(`/api/chat/units/${unit.id}/status`)).json()).toMatchObject({ offered: false, open: false, closedReason: 'not_offered' });
    const refused = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'En fråga' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('chat_not_offered');
  });

  it('is closed without published hours', async () => {
    const { unit } = await clinic({ hours: null });
    expect((await anonymous(t.app).get(`/api/chat/units/${unit.id}/status`)).json()).toMatchObject({ offered: true, open: false, closedReason: 'no_hours', hours: null });
  });

  it('only the unit administrator sets the hours, and they are validated', async () => {
    const { nurseClient, adminClient } = await clinic();
    expect((await nurseClient.put('/api/unit-admin/chat-hours', { hours: alwaysOpen })).statusCode).toBe(403);
    const bad = await adminClient.put('/api/unit-admin/chat-hours', { hours: { ...officeHours, weekly: { ...officeHours.weekly, mon: [['17:00', '08:00']] } } });
    expect(bad.statusCode).toBe(400);
    expect((await adminClient.get('/api/unit-admin/chat-hours')).json()).toMatchObject({ offered: true, hours: officeHours });
  });
});

describe('a chat from queue to case', () => {
  it('queues with position and wait, is taken, messages go both ways in order, and ending keeps the transcript as a closed case', async () => {
    const { unit, nurse, nurseClient, patient, patientClient } = await clinic();
    const chat = await start(patientClient, unit.id);
    expect(chat).toMatchObject({ status: 'queued', position: 1, estimatedWaitMinutes: 4, messages: [] });
    // A second start answers the live chat rather than queueing twice.
    const again = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Igen' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(chat.id);

    // The patient may write while waiting; the queue shows up live for the unit.
    expect((await patientClient.post(`/api/patient/chats/${chat.id}/messages`, { body: 'Det kliar mycket.' })).statusCode).toBe(201);
    expect(await events(`unit:${unit.id}`, 'chat.queue')).not.toHaveLength(0);
    const queue = (await nurseClient.get('/api/staff/chat/queue')).json() as StaffQueue;
    expect(queue.queued.map((item) => item.id)).toEqual([chat.id]);
    expect(queue.queued[0]).toMatchObject({ position: 1, reason: 'Utslag på armen sedan i går', patient: { name: `Anna ${patient.familyName}` } });

    const taken = await takeNext(nurseClient);
    expect(taken).toMatchObject({ id: chat.id, status: 'active', participating: true, assignedTo: { id: nurse.id } });
    expect(await events(`person:${patient.id}`, 'chat.changed')).toContainEqual({ chatId: chat.id });

    t.clock.advance(60_000);
    const staffMessage = await nurseClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej Anna! Hur stort är utslaget?' });
    expect(staffMessage.statusCode).toBe(201);
    expect(await events(`person:${patient.id}`, 'chat.message')).toContainEqual({ chatId: chat.id, seq: staffMessage.json().seq });
    t.clock.advance(60_000);
    const patientMessage = await patientClient.post(`/api/patient/chats/${chat.id}/messages`, { body: 'Ungefär som en tia.' });
    expect(patientMessage.statusCode).toBe(201);
    expect(await events(`staff:${nurse.id}`, 'chat.message')).toContainEqual({ chatId: chat.id, seq: patientMessage.json().seq });

    // Read receipts: the patient reads the nurse's message; the nurse sees it.
    expect((await patientClient.post(`/api/patient/chats/${chat.id}/read`, { seq: staffMessage.json().seq })).statusCode).toBe(200);
    const nurseView = (await nurseClient.get(`/api/staff/chats/${chat.id}`)).json() as StaffChat;
    expect(nurseView.messages.map((message) => [message.side, message.body])).toEqual([
      ['patient', 'Det kliar mycket.'],
      ['staff', 'Hej Anna! Hur stort är utslaget?'],
      ['patient', 'Ungefär som en tia.'],
    ]);
    expect(nurseView.otherSideReadSeq).toBeGreaterThanOrEqual(staffMessage.json().seq);
    const patientView = (await patientClient.get(`/api/patient/chats/${chat.id}`)).json() as PatientChat;
    expect(patientView).toMatchObject({ status: 'active', position: null, staff: [{ id: nurse.id, profession: 'nurse' }] });
    expect(patientView.messages.map((message) => message.mine)).toEqual([true, false, true]);

    // Typing is a passing signal, not stored.
    expect((await nurseClient.post(`/api/staff/chats/${chat.id}/typing`)).statusCode).toBe(200);
    expect(await events(`person:${patient.id}`, 'chat.typing')).toHaveLength(0);

    t.clock.advance(5 * 60_000);
    const ended = await nurseClient.post(`/api/staff/chats/${chat.id}/end`, { summary: 'Eksem. Råd om mjukgörande kräm; hör av dig om det inte blir bättre på en vecka.' });
    expect(ended.statusCode, ended.body).toBe(200);
    const { caseId } = ended.json();
    // The patient finds it under Mina ärenden: closed, with the whole conversation and the summary.
    const list = (await patientClient.get('/api/patient/cases')).json();
    expect(list.cases.find((item: { id: string }) => item.id === caseId)).toMatchObject({ status: 'closed' });
    const kept = (await patientClient.get(`/api/patient/cases/${caseId}`)).json();
    const bodies = JSON.stringify(kept);
    for (const text of ['Utslag på armen sedan i går', 'Det kliar mycket.', 'Hej Anna! Hur stort är utslaget?', 'Ungefär som en tia.']) expect(bodies).toContain(text);
    // The summary is the unit's closing note (for the record), shown to staff with the case.
    expect(JSON.stringify((await nurseClient.get(`/api/staff/cases/${caseId}`)).json())).toContain('Eksem. Råd om mjukgörande kräm');
    expect((await patientClient.get(`/api/patient/chats/${chat.id}`)).json()).toMatchObject({ status: 'ended', caseId });
    // Nothing more is written in an ended chat.
    expect((await patientClient.post(`/api/patient/chats/${chat.id}/messages`, { body: 'En sak till' })).json().error.code).toBe('chat_ended');

    // Every read and write of the chat was audited per patient.
    const audit = await executeRows<{ action: string; object_type: string }>(t.db.db, sql`select action, object_type from audit_log where object_id = ${chat.id} and patient_id = ${patient.id} order by seq`);
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
  });

  it('orders the queue by the Sök vård urgency the server assessed, then waiting time; positions and waits follow', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const others = await Promise.all([0, 1, 2].map(() => makePerson(t.db.db)));
    const clientOf = (index: number) => loginAs(t.app, t.db.db, { personId: others[index]!.id });
    const careToday = await assessment('sore-throat', ['jaw-stiffness']);
    const call112 = await assessment('chest-pain', ['chest-pain-spreading']);
    const selfCare = await coldWithCough();
    expect([careToday.urgency, call112.urgency, selfCare.urgency]).toEqual(['care-today', 'call-112', 'self-care']);

    const first = await start(patientClient, unit.id);
    t.clock.advance(1000);
    await start(await clientOf(0), unit.id, 'Ont i halsen, svårt att gapa', careToday.sessionId);
    t.clock.advance(1000);
    const urgent = await start(await clientOf(1), unit.id, 'Bröstsmärta som strålar ut i armen', call112.sessionId);
    t.clock.advance(1000);
    await start(await clientOf(2), unit.id, 'Hosta sedan några dagar', selfCare.sessionId);
    expect(urgent).toMatchObject({ priority: 4, position: 1 });

    // Most urgent assessment first, even though it came later; an assessed self-care still goes before no assessment.
    const queue = (await nurseClient.get('/api/staff/chat/queue')).json() as StaffQueue;
    expect(queue.queued.map((item) => [item.reason, item.priority])).toEqual([
      ['Bröstsmärta som strålar ut i armen', 4],
      ['Ont i halsen, svårt att gapa', 2],
      ['Hosta sedan några dagar', 0],
      ['Utslag på armen sedan i går', null],
    ]);
    const mine = (await patientClient.get(`/api/patient/chats/${first.id}`)).json() as PatientChat;
    expect(mine).toMatchObject({ priority: null, position: 4, estimatedWaitMinutes: 28 });
    const taken = await takeNext(nurseClient);
    expect(taken.id).toBe(urgent.id);
    // The assessment went along as the patient's first message, for the staff and the transcript.
    expect(taken.messages).toEqual([expect.objectContaining({ side: 'patient', body: expect.stringContaining('Sök vård – digital bedömning: Bröstsmärta') })]);
    expect(taken.messages[0]!.body).toContain('(brådskandegrad 4 av 4)');
    expect((await patientClient.get(`/api/patient/chats/${first.id}`)).json()).toMatchObject({ position: 3 });
    t.clock.set(NOW);
  });

  it('lets the patient leave the queue', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const chat = await start(patientClient, unit.id);
    const left = await patientClient.post(`/api/patient/chats/${chat.id}/leave`);
    expect(left.json()).toMatchObject({ status: 'left' });
    expect((await nurseClient.post('/api/staff/chat/take-next')).json().error.code).toBe('chat_queue_empty');
    // Having left, a new chat can be started.
    expect((await start(patientClient, unit.id)).id).not.toBe(chat.id);
  });

  it('brings in a colleague, then transfers; only those in the chat may write', async () => {
    const { unit, nurse, nurseClient, colleague, colleagueClient, patient, patientClient } = await clinic();
    const chat = await start(patientClient, unit.id);
    await takeNext(nurseClient);
    expect((await colleagueClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej' })).json().error.code).toBe('not_in_chat');
    const joined = await nurseClient.post(`/api/staff/chats/${chat.id}/participants`, { staffId: colleague.id });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().staff.map((member: { id: string }) => member.id).sort()).toEqual([nurse.id, colleague.id].sort());
    expect((await colleagueClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej, jag är läkare.' })).statusCode).toBe(201);
    expect((await nurseClient.post(`/api/staff/chats/${chat.id}/participants`, { staffId: colleague.id })).json().error.code).toBe('already_in_chat');

    const handed = await nurseClient.post(`/api/staff/chats/${chat.id}/transfer`, { staffId: colleague.id });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ participating: false, assignedTo: { id: colleague.id } });
    expect((await nurseClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej igen' })).json().error.code).toBe('not_in_chat');
    expect((await patientClient.get(`/api/patient/chats/${chat.id}`)).json().staff).toEqual([{ id: colleague.id, name: expect.any(String), profession: 'doctor' }]);
    expect((await colleagueClient.get('/api/staff/chat/queue')).json().mine.map((item: { id: string }) => item.id)).toEqual([chat.id]);
    expect((await colleagueClient.post(`/api/staff/chats/${chat.id}/end`, { summary: 'Klart.' })).statusCode).toBe(200);
    expect(patient.id).toBeTruthy();
  });

  it('tells a patient who has not read a staff message within two minutes, once, with no content', async () => {
    const { unit, nurseClient, patient, patientClient } = await clinic();
    await patientClient.put('/api/patient/contact-details', { email: 'anna@example.se', mobile: null, notifyByEmail: true, notifyBySms: false });
    const chat = await start(patientClient, unit.id);
    await takeNext(nurseClient);
    const message = (await nurseClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Är du kvar?' })).json();
    const outbox = () =>
      executeRows<{ dedupe_key: string; template: string }>(t.db.db, sql`select dedupe_key, template from notification_outbox where recipient_person_id = ${patient.id}`);
    await notifyUnreadChatMessages(t.db.db, t.clock);
    expect(await outbox()).toHaveLength(0);
    t.clock.advance(2 * 60_000 + 1000);
    await notifyUnreadChatMessages(t.db.db, t.clock);
    await notifyUnreadChatMessages(t.db.db, t.clock);
    expect(await outbox()).toEqual([{ dedupe_key: `chat-message:${chat.id}:${message.seq}:${patient.id}:email`, template: 'new_message' }]);
    t.clock.set(NOW);
  });
});

describe('access and validation', () => {
  it('staff of another unit see no chat of this one; the queue is the active unit’s', async () => {
    const { unit, patientClient } = await clinic();
    const chat = await start(patientClient, unit.id);
    const elsewhere = await makeUnit(t.db.db);
    const stranger = await makeStaff(t.db.db, { unitId: elsewhere.id, roles: ['clinician'] });
    const strangerClient = await loginAs(t.app, t.db.db, { staffId: stranger.id });
    expect((await strangerClient.get(`/api/staff/chats/${chat.id}`)).json().error.code).toBe('chat_not_found');
    expect((await strangerClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej' })).statusCode).toBe(404);
    expect(((await strangerClient.get('/api/staff/chat/queue')).json() as StaffQueue).queued).toEqual([]);
    expect((await strangerClient.post('/api/staff/chat/take-next')).json().error.code).toBe('chat_queue_empty');
  });

  it('another patient cannot read the chat; a proxy needs the cases scope', async () => {
    const { unit, patient, patientClient } = await clinic();
    const chat = await start(patientClient, unit.id);
    const other = await makePerson(t.db.db);
    expect((await (await loginAs(t.app, t.db.db, { personId: other.id })).get(`/api/patient/chats/${chat.id}`)).statusCode).toBe(404);
    const proxy = await makePerson(t.db.db);
    await makeProxy(t.db.db, patient.id, proxy.id, { scopes: ['appointments'] });
    const proxyClient = await loginAs(t.app, t.db.db, { personId: proxy.id });
    expect((await proxyClient.post('/api/auth/acting-for', { personId: patient.id })).statusCode).toBe(200);
    for (const response of [await proxyClient.get(`/api/patient/chats/${chat.id}`), await proxyClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Fråga' })]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('proxy_scope_excludes_cases');
    }
    // With the cases scope, the proxy acts in the patient's chat; the message is theirs.
    const covered = await makePerson(t.db.db, { givenName: 'Karin' });
    await makeProxy(t.db.db, patient.id, covered.id, { scopes: ['cases'] });
    const coveredClient = await loginAs(t.app, t.db.db, { personId: covered.id });
    expect((await coveredClient.post('/api/auth/acting-for', { personId: patient.id })).statusCode).toBe(200);
    expect((await coveredClient.post(`/api/patient/chats/${chat.id}/messages`, { body: 'Jag skriver för min pappa.' })).json()).toMatchObject({ side: 'patient', mine: true, authorName: `Karin ${covered.familyName}` });
  });

  it('a unit admin who is not a clinician or receptionist cannot take chats', async () => {
    const { unit } = await clinic();
    const manager = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_manager'] });
    const managerClient = await loginAs(t.app, t.db.db, { staffId: manager.id });
    expect((await managerClient.get('/api/staff/chat/queue')).statusCode).toBe(403);
    expect((await managerClient.post('/api/staff/chat/take-next')).statusCode).toBe(403);
  });

  it('answers bad input with 4xx, never 500', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    await makeCareRelation(t.db.db, unit.id, (await makePerson(t.db.db)).id);
    const chat = await start(patientClient, unit.id);
    const attempts = [
      await patientClient.post('/api/patient/chats', { unitId: 'not-a-uuid', reason: 'x' }),
      await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: '   ' }),
      await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'x'.repeat(301) }),
      await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Fråga', triageSessionId: 'not-a-uuid' }),
      await patientClient.post('/api/patient/chats', { unitId: '00000000-0000-4000-8000-000000000000', reason: 'Fråga' }),
      await patientClient.post('/api/patient/chats', 'not json', { 'content-type': 'application/json' }),
      await patientClient.get('/api/patient/chats/not-a-uuid'),
      await patientClient.post(`/api/patient/chats/${chat.id}/messages`, { body: '' }),
      await patientClient.post(`/api/patient/chats/${chat.id}/messages`, { body: 'x'.repeat(2001) }),
      await patientClient.post(`/api/patient/chats/${chat.id}/read`, { seq: -1 }),
      await nurseClient.post(`/api/staff/chats/${chat.id}/messages`, { body: 'Hej' }),
      await nurseClient.post(`/api/staff/chats/${chat.id}/end`, { summary: '' }),
      await nurseClient.post(`/api/staff/chats/${chat.id}/participants`, { staffId: 'x' }),
      await anonymous(t.app).get('/api/chat/units/nope/status'),
      await anonymous(t.app).get('/api/chat/units/00000000-0000-4000-8000-000000000000/status'),
      await anonymous(t.app).post('/api/patient/chats', { unitId: unit.id, reason: 'Fråga' }),
    ];
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, response.body).toBeLessThan(500);
    }
    const taken = await takeNext(nurseClient);
    expect((await nurseClient.post(`/api/staff/chats/${taken.id}/participants`, { staffId: '00000000-0000-4000-8000-000000000000' })).json().error.code).toBe('colleague_not_at_unit');
  });

  it('takes no priority from the browser: only a Sök vård assessment the server knows sets it', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    // A priority in the request is not part of the API: it is dropped, as any unknown key.
    const claimed = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Jag vill före i kön', priority: 4 });
    expect(claimed.statusCode, claimed.body).toBe(201);
    expect(claimed.json()).toMatchObject({ priority: null, messages: [] });
    t.clock.advance(1000);
    const outOfRange = await (await loginAs(t.app, t.db.db, { personId: (await makePerson(t.db.db)).id })).post('/api/patient/chats', { unitId: unit.id, reason: 'Jag med', priority: 9 });
    expect(outOfRange.statusCode, outOfRange.body).toBe(201);
    expect(outOfRange.json().priority).toBeNull();
    // Someone later with a real (lower) assessment still goes first: the claimed 4 counted for nothing.
    t.clock.advance(1000);
    const selfCare = await coldWithCough();
    const assessed = await start(await loginAs(t.app, t.db.db, { personId: (await makePerson(t.db.db)).id }), unit.id, 'Hosta', selfCare.sessionId);
    const queue = (await nurseClient.get('/api/staff/chat/queue')).json() as StaffQueue;
    expect(queue.queued.map((item) => [item.id, item.priority])).toEqual([
      [assessed.id, 0],
      [claimed.json().id, null],
      [outOfRange.json().id, null],
    ]);
    t.clock.set(NOW);
  });

  it('refuses an assessment the server does not know (unknown or expired) with triage_summary_expired, and starts no chat', async () => {
    // Sessions live two hours after their last step. Everyone logs in after the jump (a login would time out across it).
    const { sessionId } = await coldWithCough();
    t.clock.advance(2 * 60 * 60 * 1000 + 1000);
    try {
      const { unit, nurseClient, patientClient } = await clinic();
      const unknown = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Fråga', triageSessionId: crypto.randomUUID() });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.code).toBe('triage_summary_expired');
      expect(unknown.json().error.message).toMatch(/Sök vård/);
      const expired = await patientClient.post('/api/patient/chats', { unitId: unit.id, reason: 'Fråga', triageSessionId: sessionId });
      expect(expired.statusCode).toBe(422);
      expect(expired.json().error.code).toBe('triage_summary_expired');
      expect(((await nurseClient.get('/api/staff/chat/queue')).json() as StaffQueue).queued).toEqual([]);
    } finally {
      t.clock.set(NOW);
    }
  });
});
