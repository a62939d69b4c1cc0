import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeProxy, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import type { CaseForm, SendableCaseType } from './contract.ts';

// Monday 23 November 2026, 10:00 in Stockholm: the deadline is the end of Wednesday the 25th.
const NOW = '2026-11-23T09:00:00Z';
const DEADLINE = '2026-11-25T23:00:00.000Z';

let t: TestApp;
beforeAll(async () => {
  // Every test logs in a few people of its own; the login rate limit is not what is tested here.
  t = await createTestApp({ now: NOW, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

const standardTypes = ['bestall_tid', 'av_omboka_tid', 'fornya_recept', 'kontakta_mig', 'begar_intyg', 'skicka_meddelande', 'fraga_om_remiss', 'egenremiss'];
const activate = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };
const ownQuestion = { linkId: 'pharmacy', text: 'Vilket apotek hämtar du ut på?', type: 'text', required: true };

/** A specialist clinic (it may offer all eight standard types) with every type on, a nurse, and a listed patient. */
async function clinic() {
  const unit = await makeUnit(t.db.db, { kind: 'specialistmottagning' });
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], profession: 'nurse', givenName: 'Sara' });
  const adminClient = await loginAs(t.app, t.db.db, { staffId: admin.id });
  for (const code of standardTypes) expect((await adminClient.put(`/api/unit-admin/eservices/${code}/activation`, activate)).statusCode).toBe(200);
  expect((await adminClient.put('/api/unit-admin/eservices/fornya_recept/extra-questions', { questions: [ownQuestion] })).statusCode).toBe(200);
  expect((await adminClient.put('/api/unit-admin/certificates', { certificates: ['Läkarintyg för körkort', 'Intyg om vaccination'] })).statusCode).toBe(200);
  const patient = await makePerson(t.db.db, { birthDate: '1985-03-12', givenName: 'Anna' });
  await makeCareRelation(t.db.db, unit.id, patient.id, { kind: 'listed' });
  return {
    unit,
    admin,
    adminClient,
    nurse,
    nurseClient: await loginAs(t.app, t.db.db, { staffId: nurse.id }),
    patient,
    patientClient: await loginAs(t.app, t.db.db, { personId: patient.id }),
  };
}

async function offers(client: TestClient, unitId: string): Promise<SendableCaseType[]> {
  const response = await client.get(`/api/patient/units/${unitId}/case-types`);
  expect(response.statusCode).toBe(200);
  return response.json().caseTypes;
}

async function send(client: TestClient, unitId: string, form: CaseForm, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const offer = (await offers(client, unitId)).find((candidate) => (form.type === 'own' ? candidate.caseTypeId === form.caseTypeId : candidate.type === form.type));
  return client.post('/api/patient/cases', { unitId, termsVersionId: offer?.terms.versionId, acceptedTerms: true, form, ...extra }, headers);
}

const forms: Record<string, CaseForm> = {
  bestall_tid: { type: 'bestall_tid', reason: 'Kontroll av blodtrycket', preferredTimes: 'Förmiddagar', withWhom: 'nurse' },
  av_omboka_tid: { type: 'av_omboka_tid', action: 'rebook', appointmentDescription: 'Tisdag 1 december kl 10', preferredTimes: 'Veckan efter' },
  fornya_recept: { type: 'fornya_recept', medicine: 'Enalapril 10 mg', answers: { works: true, 'side-effects': false, pharmacy: 'Apoteket Ekby' } },
  kontakta_mig: { type: 'kontakta_mig', reason: 'Fråga om provsvar', channel: 'phone', phoneNumber: '0701234567', when: 'morning' },
  begar_intyg: { type: 'begar_intyg', certificate: 'Läkarintyg för körkort', kind: 'renewal' },
  skicka_meddelande: { type: 'skicka_meddelande', message: 'Jag kommer tio minuter sent i morgon.' },
  fraga_om_remiss: { type: 'fraga_om_remiss', unitRole: 'receiver', referral: 'Remiss från vårdcentralen i oktober', question: 'Har ni tagit emot den?' },
  egenremiss: { type: 'egenremiss', complaint: 'Ont i knät vid trappgång', duration: 'Tre månader' },
};

async function auditOf(objectId: string) {
  return executeRows<{ action: string; object_type: string; patient_id: string | null }>(
    t.db.db,
    sql`select action, object_type, patient_id from audit_log where object_id = ${objectId} order by seq`,
  );
}

describe('the patient sends a case (C1)', () => {
  it('offers all eight standard types with terms; Förnya recept with the two control questions, then the unit’s own', async () => {
    const { unit, patientClient } = await clinic();
    const offered = await offers(patientClient, unit.id);
    expect(offered.map((offer) => offer.type)).toEqual(standardTypes);
    const renewal = offered.find((offer) => offer.type === 'fornya_recept')!;
    expect(renewal.questions.map((question) => question.linkId)).toEqual(['works', 'side-effects', 'pharmacy']);
    expect(renewal.terms.sv).toContain('två arbetsdagar');
    expect(offered.find((offer) => offer.type === 'begar_intyg')!.certificates).toEqual(['Läkarintyg för körkort', 'Intyg om vaccination']);
    expect(offered.find((offer) => offer.type === 'skicka_meddelande')!.acknowledgeOnly).toBe(true);
  });

  it('names the unit’s chat and web booking beside the case types once the unit has them on', async () => {
    const { unit, adminClient, patientClient } = await clinic();
    const alsoOffered = async () => (await patientClient.get(`/api/patient/units/${unit.id}/case-types`)).json().alsoOffered;
    expect(await alsoOffered()).toEqual({ chat: false, webBooking: false });
    for (const code of ['chatt', 'webbtidbok']) expect((await adminClient.put(`/api/unit-admin/eservices/${code}/activation`, activate)).statusCode).toBe(200);
    expect(await alsoOffered()).toEqual({ chat: true, webBooking: true });
  });

  it.each(standardTypes)('sends %s with the accepted terms version, the deadline two working days on, audited', async (type) => {
    const { unit, patient, patientClient, nurseClient } = await clinic();
    const response = await send(patientClient, unit.id, forms[type]!);
    expect(response.statusCode, response.body).toBe(201);
    const { id, number } = response.json();
    expect(number).toBeGreaterThan(0);

    const seen = (await patientClient.get(`/api/patient/cases/${id}`)).json();
    expect(seen).toMatchObject({ typeCode: type, status: 'received', deadlineAt: DEADLINE, deadlineState: 'on_time', unit: { id: unit.id } });
    expect(seen.events.map((event: { kind: string }) => event.kind)).toEqual(['request']);
    expect(seen.formEntries.length).toBeGreaterThan(0);

    const staffView = (await nurseClient.get(`/api/staff/cases/${id}`)).json();
    expect(staffView.termsVersion).toBe(1);
    expect(staffView.patient).toMatchObject({ id: patient.id, identityNumber: patient.identityNumber });
    expect((await auditOf(id)).map((row) => `${row.action}:${row.object_type}`)).toEqual(['create:case', 'read:case', 'read:case']);
  });

  it('keeps the form’s answers readable: Förnya recept as its questions with Ja/Nej', async () => {
    const { unit, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.fornya_recept!)).json();
    const seen = (await patientClient.get(`/api/patient/cases/${id}`)).json();
    expect(seen.subject).toBe('Enalapril 10 mg');
    expect(seen.formEntries).toEqual([
      { label: { sv: 'Läkemedel', en: 'Medicine' }, value: { sv: 'Enalapril 10 mg', en: 'Enalapril 10 mg' } },
      { label: { sv: 'Fungerar läkemedlet som det ska?', en: 'Fungerar läkemedlet som det ska?' }, value: { sv: 'Ja', en: 'Yes' } },
      { label: { sv: 'Har du fått några biverkningar?', en: 'Har du fått några biverkningar?' }, value: { sv: 'Nej', en: 'No' } },
      { label: { sv: ownQuestion.text, en: ownQuestion.text }, value: { sv: 'Apoteket Ekby', en: 'Apoteket Ekby' } },
    ]);
  });

  it('refuses what the unit does not offer, missing answers, an unknown certificate, unread new terms — with codes, never 500', async () => {
    const { unit, adminClient, patientClient } = await clinic();
    const missing = await send(patientClient, unit.id, { type: 'fornya_recept', medicine: 'Enalapril', answers: { works: true } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'answers_invalid', details: { problems: [{ linkId: 'side-effects', problem: 'required' }, { linkId: 'pharmacy', problem: 'required' }] } });
    const certificate = await send(patientClient, unit.id, { type: 'begar_intyg', certificate: 'Friskintyg för dykning', kind: 'new' });
    expect(certificate.json().error.code).toBe('certificate_unknown');
    const phone = await send(patientClient, unit.id, { type: 'kontakta_mig', reason: 'Ring mig', channel: 'phone', when: 'any' });
    expect(phone.json().error.code).toBe('phone_number_required');

    const before = (await offers(patientClient, unit.id)).find((offer) => offer.type === 'bestall_tid')!;
    const newTerms = { sv: `${before.terms.sv}\n`, en: `${before.terms.en}\n` };
    expect((await adminClient.put('/api/unit-admin/eservices/bestall_tid/terms', newTerms)).statusCode).toBe(200);
    const stale = await patientClient.post('/api/patient/cases', { unitId: unit.id, termsVersionId: before.terms.versionId, acceptedTerms: true, form: forms.bestall_tid });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'terms_changed', details: { version: 2 } });

    expect((await adminClient.put('/api/unit-admin/eservices/egenremiss/activation', { status: 'inactive' })).statusCode).toBe(200);
    const off = await patientClient.post('/api/patient/cases', { unitId: unit.id, termsVersionId: before.terms.versionId, acceptedTerms: true, form: forms.egenremiss });
    expect(off.json().error.code).toBe('case_type_not_offered');

    for (const body of [{}, { unitId: unit.id, termsVersionId: before.terms.versionId, acceptedTerms: false, form: forms.bestall_tid }, { unitId: 'x', form: { type: 'nope' } }]) {
      const response = await patientClient.post('/api/patient/cases', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await patientClient.get('/api/patient/cases')).json().cases).toEqual([]);
  });

  it('is idempotent: a retry or double click with the same key makes one case', async () => {
    const { unit, patientClient } = await clinic();
    const key = { 'idempotency-key': crypto.randomUUID() };
    const [first, second] = await Promise.all([send(patientClient, unit.id, forms.bestall_tid!, {}, key), send(patientClient, unit.id, forms.bestall_tid!, {}, key)]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json()).toEqual(first.json());
    const third = await send(patientClient, unit.id, forms.bestall_tid!, {}, key);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect((await patientClient.get('/api/patient/cases')).json().cases).toHaveLength(1);
  });

  it('offers an own case type named like a standard one in its place (Egenremiss with the unit’s own form)', async () => {
    const { unit, adminClient, patientClient } = await clinic();
    const own = await adminClient.post('/api/unit-admin/case-types', {
      name: 'Egenremiss',
      description: 'Vår egen egenremiss för knäbesvär.',
      questions: [{ linkId: 'knee', text: 'Vilket knä gäller det?', type: 'choice', required: true, options: ['Höger', 'Vänster', 'Båda'] }],
    });
    expect(own.statusCode).toBe(201);
    const offered = await offers(patientClient, unit.id);
    expect(offered.filter((offer) => offer.name.sv === 'Egenremiss')).toEqual([expect.objectContaining({ type: 'own', caseTypeId: own.json().id })]);
    const wrong = await send(patientClient, unit.id, { type: 'own', caseTypeId: own.json().id, answers: { knee: 'Armbåge' } });
    expect(wrong.json().error.details.problems).toEqual([{ linkId: 'knee', problem: 'not_an_option' }]);
    const sent = await send(patientClient, unit.id, { type: 'own', caseTypeId: own.json().id, answers: { knee: 'Höger' } });
    expect(sent.statusCode).toBe(201);
    const seen = (await patientClient.get(`/api/patient/cases/${sent.json().id}`)).json();
    expect(seen).toMatchObject({ typeCode: 'own', typeName: { sv: 'Egenremiss' }, subject: 'Egenremiss' });
  });

  it('respects a staged rollout: a type for listed patients only is not offered to others', async () => {
    const { unit, adminClient, patientClient } = await clinic();
    await adminClient.put('/api/unit-admin/eservices/bestall_tid/activation', { ...activate, patientGroup: { listedOnly: true, minAge: null, maxAge: null } });
    const listedOffer = (await offers(patientClient, unit.id)).find((offer) => offer.type === 'bestall_tid')!;
    const stranger = await makePerson(t.db.db);
    const strangerClient = await loginAs(t.app, t.db.db, { personId: stranger.id });
    expect((await offers(strangerClient, unit.id)).map((offer) => offer.type)).not.toContain('bestall_tid');
    const refused = await strangerClient.post('/api/patient/cases', { unitId: unit.id, termsVersionId: listedOffer.terms.versionId, acceptedTerms: true, form: forms.bestall_tid });
    expect(refused.json().error.code).toBe('case_type_not_offered');
  });

  it('a guardian sends for a child; the case shows who wrote it, and the child’s unit relation is started', async () => {
    const { unit, nurseClient } = await clinic();
    const child = await makePerson(t.db.db, { birthDate: '2020-05-01', givenName: 'Elsa', familyName: 'Lindqvist' });
    const guardian = await makePerson(t.db.db, { birthDate: '1985-03-12', givenName: 'Anna', familyName: 'Lindqvist' });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });
    expect((await client.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(200);
    const sent = await send(client, unit.id, forms.skicka_meddelande!);
    expect(sent.statusCode, sent.body).toBe(201);
    const staffView = (await nurseClient.get(`/api/staff/cases/${sent.json().id}`)).json();
    expect(staffView.patient.name).toBe('Elsa Lindqvist');
    expect(staffView.events[0].author).toEqual({ kind: 'person', name: 'Anna Lindqvist', profession: null, onBehalfOf: 'Elsa Lindqvist' });
  });
});

describe('the unit handles the case (C3, C4, C5)', () => {
  it('counter-question, the patient’s answer, a partial then a final answer; the patient is notified each time', async () => {
    const { unit, nurse, nurseClient, patient, patientClient } = await clinic();
    await t.db.db.execute(sql`insert into person_contact_details (person_id, email, notify_by_email, updated_at) values (${patient.id}, 'anna@example.se', true, now())`);
    const { id } = (await send(patientClient, unit.id, forms.fornya_recept!)).json();

    const inbox = (await nurseClient.get('/api/staff/cases')).json();
    expect(inbox.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(inbox.items.find((item: { id: string }) => item.id === id)).toMatchObject({ status: 'received', deadlineState: 'on_time', assignedTo: null, unread: true });

    const asked = await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'counter_question', body: 'Hur högt har blodtrycket varit hemma?' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'awaiting_patient', deadlineState: 'met', assignedTo: { id: nurse.id } });
    expect(asked.json().allowedActions).not.toContain('acknowledge');

    const mine = (await patientClient.get('/api/patient/cases')).json().cases[0];
    expect(mine).toMatchObject({ id, unread: true, status: 'awaiting_patient' });
    const opened = (await patientClient.get(`/api/patient/cases/${id}`)).json();
    expect(opened.mayReply).toBe(true);
    expect(opened.events.at(-1)).toMatchObject({ kind: 'counter_question', author: { kind: 'staff', profession: 'nurse' } });

    const replied = await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'Runt 135/85.' });
    expect(replied.statusCode).toBe(201);
    expect(replied.json()).toMatchObject({ status: 'assigned', mayReply: true });
    // C7: the conversation may go on from the patient's side too, without changing whose turn it is.
    expect((await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'En sak till: jag tar också Trombyl.' })).json()).toMatchObject({ status: 'assigned' });

    // Any number of counter-questions (C4).
    await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'counter_question', body: 'Tar du något mer?' });
    await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'Nej.' });
    await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'partial_answer', body: 'Läkaren tittar på det i morgon.' });
    const final = await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'final_answer', body: 'Receptet är förnyat.' });
    expect(final.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect((await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'Tack!' })).json().error.code).toBe('reply_not_open');
    expect((await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'final_answer', body: 'Igen' })).json().error.code).toBe('case_closed');

    const outbox = await executeRows<{ template: string; channel: string; address: string }>(
      t.db.db,
      sql`select template, channel, address from notification_outbox where recipient_person_id = ${patient.id}`,
    );
    expect(outbox).toHaveLength(4);
    expect(outbox.every((row) => row.template === 'new_message' && row.channel === 'email')).toBe(true);

    const summary = (await nurseClient.get(`/api/staff/cases/${id}/record-summary`)).json().text;
    expect(summary).toContain('Förnya recept');
    expect(summary).toContain(`${patient.identityNumber.slice(0, 8)}-${patient.identityNumber.slice(8)}`);
    expect(summary).toContain('- Läkemedel: Enalapril 10 mg');
    expect(summary).toMatch(/Motfråga – Sara .*, sjuksköterska\n {2}Hur högt har blodtrycket varit hemma\?/);
    expect(summary).toContain('Svarstid: senast 2026-11-25 kl. 24.00 – besvarat i tid');
  });

  it('Skicka meddelande is acknowledged with one click, never answered', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.skicka_meddelande!)).json();
    const view = (await nurseClient.get(`/api/staff/cases/${id}`)).json();
    expect(view.allowedActions).toEqual(['assign', 'acknowledge', 'forward', 'close']);
    expect((await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'final_answer', body: 'Tack' })).statusCode).toBe(409);
    expect((await nurseClient.post(`/api/staff/cases/${id}/acknowledge`)).json()).toMatchObject({ status: 'closed', deadlineState: 'met' });
    expect((await patientClient.get(`/api/patient/cases/${id}`)).json().events.map((event: { kind: string }) => event.kind)).toEqual(['request', 'acknowledged']);
  });

  it('Kontakta mig: staff record how they made contact, which closes the case', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.kontakta_mig!)).json();
    const done = await nurseClient.post(`/api/staff/cases/${id}/contact`, { method: 'phone', note: 'Ringde 10.15, provsvaren normala.' });
    expect(done.json()).toMatchObject({ status: 'closed', outcome: 'answered' });
    expect((await patientClient.get(`/api/patient/cases/${id}`)).json().events.at(-1)).toMatchObject({ kind: 'contact_recorded', data: { method: 'phone' } });
    const other = (await send(patientClient, unit.id, forms.bestall_tid!)).json();
    expect((await nurseClient.post(`/api/staff/cases/${other.id}/contact`, { method: 'phone' })).statusCode).toBe(409);
  });

  it('assigns to a colleague at the unit only, and filters the inbox by assignment, type and deadline', async () => {
    const { unit, nurse, nurseClient, patientClient, admin } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.bestall_tid!)).json();
    const stranger = await makeStaff(t.db.db);
    expect((await nurseClient.post(`/api/staff/cases/${id}/assign`, { staffId: stranger.id })).json().error.code).toBe('colleague_not_at_unit');
    expect((await nurseClient.post(`/api/staff/cases/${id}/assign`, { staffId: nurse.id })).json()).toMatchObject({ status: 'assigned', assignedTo: { id: nurse.id } });
    const colleagues = (await nurseClient.get('/api/staff/cases/colleagues')).json().colleagues.map((colleague: { id: string }) => colleague.id);
    expect(colleagues).toContain(nurse.id);
    expect(colleagues).toContain(admin.id);

    const ids = async (query: string) => (await nurseClient.get(`/api/staff/cases?${query}`)).json().items.map((item: { id: string }) => item.id);
    expect(await ids('assigned=me')).toEqual([id]);
    expect(await ids('assigned=unassigned')).toEqual([]);
    expect(await ids('type=bestall_tid')).toEqual([id]);
    expect(await ids('type=fornya_recept')).toEqual([]);
    expect(await ids('deadline=on_time')).toEqual([id]);
    expect(await ids('deadline=late')).toEqual([]);
    expect((await nurseClient.get('/api/staff/cases?assigned=someone')).statusCode).toBe(400);
    expect((await nurseClient.get('/api/staff/cases/counts')).json()).toEqual({ open: 1, unassigned: 0, mine: 1, dueSoon: 0, late: 0, awaitingPatient: 0 });
  });

  it('pages the inbox by deadline with a cursor and counts everything', async () => {
    const { unit, nurse, patient } = await clinic();
    const sent: string[] = [];
    for (let day = 0; day < 5; day++) {
      // A case a day; a new login each day, as the session would have timed out.
      t.clock.set(new Date(Date.parse(NOW) + day * 86_400_000));
      const patientClient = await loginAs(t.app, t.db.db, { personId: patient.id });
      sent.push((await send(patientClient, unit.id, forms.bestall_tid!)).json().id);
    }
    const nurseClient = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    t.clock.set(new Date(NOW));
    const first = (await nurseClient.get('/api/staff/cases?limit=2')).json();
    expect(first.total).toBe(5);
    expect(first.items.map((item: { id: string }) => item.id)).toEqual(sent.slice(0, 2));
    const second = (await nurseClient.get(`/api/staff/cases?limit=2&after=${first.nextCursor}`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual(sent.slice(2, 4));
    const third = (await nurseClient.get(`/api/staff/cases?limit=2&after=${second.nextCursor}`)).json();
    expect(third).toMatchObject({ nextCursor: null, items: [{ id: sent[4] }] });
  });

  it('shows what is late and due soon as time passes', async () => {
    const { unit, nurse, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.bestall_tid!)).json();
    t.clock.set(new Date('2026-11-25T12:00:00Z'));
    let nurseClient = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    expect((await nurseClient.get(`/api/staff/cases/${id}`)).json().deadlineState).toBe('due_soon');
    t.clock.set(new Date('2026-11-26T08:00:00Z'));
    nurseClient = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    expect((await nurseClient.get('/api/staff/cases?deadline=late')).json().items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await nurseClient.get('/api/staff/cases/counts')).json()).toMatchObject({ late: 1 });
    t.clock.set(new Date(NOW));
  });

  it('forwards to another unit, which takes over with the original deadline; the sender no longer sees it', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const other = await makeUnit(t.db.db, { name: 'Ortopedmottagningen Test' });
    const otherNurse = await makeStaff(t.db.db, { unitId: other.id, roles: ['clinician'] });
    const otherClient = await loginAs(t.app, t.db.db, { staffId: otherNurse.id });
    const { id } = (await send(patientClient, unit.id, forms.egenremiss!)).json();
    expect((await otherClient.get(`/api/staff/cases/${id}`)).statusCode).toBe(404);
    const forwarded = await nurseClient.post(`/api/staff/cases/${id}/forward`, { unitId: other.id, note: 'Gäller knä, er remiss.' });
    expect(forwarded.json()).toEqual({ forwardedTo: { id: other.id, name: 'Ortopedmottagningen Test' } });
    expect((await nurseClient.get(`/api/staff/cases/${id}`)).statusCode).toBe(404);
    const there = (await otherClient.get(`/api/staff/cases/${id}`)).json();
    expect(there).toMatchObject({ unit: { id: other.id }, status: 'received', deadlineAt: DEADLINE });
    expect(there.events.at(-1)).toMatchObject({ kind: 'forwarded', body: 'Gäller knä, er remiss.' });
    // The patient sees where it went, not the note between the units.
    const patientView = (await patientClient.get(`/api/patient/cases/${id}`)).json();
    expect(patientView.events.at(-1)).toMatchObject({ kind: 'forwarded', body: null, data: { toUnitName: 'Ortopedmottagningen Test' } });
  });

  it('closes with an outcome; closing keeps everything (nothing is deleted)', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.begar_intyg!)).json();
    expect((await nurseClient.post(`/api/staff/cases/${id}/close`, { outcome: 'certificate_issued', note: 'Skickat per post.' })).json()).toMatchObject({ status: 'closed', outcome: 'certificate_issued' });
    expect((await nurseClient.post(`/api/staff/cases/${id}/close`, { outcome: 'nonsense' })).statusCode).toBe(400);
    const refusal = (statement: Promise<unknown>) => statement.then(() => 'deleted', (error: Error & { cause?: Error }) => (error.cause ?? error).message);
    expect(await refusal(t.db.db.execute(sql`delete from case_events where case_id = ${id}`))).toMatch(/kept for the medical record/);
    expect(await refusal(t.db.db.execute(sql`delete from cases where id = ${id}`))).toMatch(/kept for the medical record/);
    expect((await patientClient.get('/api/patient/cases')).json().cases[0]).toMatchObject({ id, status: 'closed' });
  });

  it('a staff-started case takes exactly one reply from the patient (C5)', async () => {
    const { nurseClient, patient, patientClient } = await clinic();
    const key = { 'idempotency-key': crypto.randomUUID() };
    const started = await nurseClient.post('/api/staff/cases', { patientId: patient.id, subject: 'Provsvar', body: 'Dina prover var normala. Hur mår du nu?' }, key);
    expect(started.statusCode, started.body).toBe(201);
    expect((await nurseClient.post('/api/staff/cases', { patientId: patient.id, subject: 'Provsvar', body: 'Dina prover var normala. Hur mår du nu?' }, key)).json()).toEqual(started.json());
    const { id } = started.json();
    const opened = (await patientClient.get(`/api/patient/cases/${id}`)).json();
    expect(opened).toMatchObject({ origin: 'staff', status: 'awaiting_patient', mayReply: true, subject: 'Provsvar' });
    expect((await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'Bra, tack!' })).json()).toMatchObject({ mayReply: false, status: 'assigned' });
    expect((await patientClient.post(`/api/patient/cases/${id}/replies`, { body: 'En sak till' })).json().error.code).toBe('reply_not_open');
    expect((await nurseClient.post(`/api/staff/cases/${id}/messages`, { kind: 'counter_question', body: 'Mer?' })).statusCode).toBe(409);
  });
});

describe('access (C1, privacy)', () => {
  it('staff of another unit, another patient and a staff member without a unit see nothing', async () => {
    const { unit, patientClient } = await clinic();
    const { id } = (await send(patientClient, unit.id, forms.bestall_tid!)).json();
    const elsewhere = await makeStaff(t.db.db, { unitId: (await makeUnit(t.db.db)).id, roles: ['clinician'] });
    const elsewhereClient = await loginAs(t.app, t.db.db, { staffId: elsewhere.id });
    expect((await elsewhereClient.get(`/api/staff/cases/${id}`)).statusCode).toBe(404);
    expect((await elsewhereClient.post(`/api/staff/cases/${id}/messages`, { kind: 'final_answer', body: 'x' })).statusCode).toBe(404);
    expect((await elsewhereClient.get('/api/staff/cases')).json().items.map((item: { id: string }) => item.id)).not.toContain(id);
    const otherPatient = await loginAs(t.app, t.db.db, { personId: (await makePerson(t.db.db)).id });
    expect((await otherPatient.get(`/api/patient/cases/${id}`)).statusCode).toBe(404);
    expect((await otherPatient.get(`/api/staff/cases`)).statusCode).toBe(403);
    expect((await patientClient.get('/api/staff/cases')).statusCode).toBe(403);
  });
});

describe('a case with a Sök vård assessment attached (G5)', () => {
  type Question = { id: string; type: 'boolean' | 'choice' | 'number'; unit?: string; multiple?: boolean; options?: { id: string; code?: unknown }[] };
  /** Answers "no" to everything (the none-of-these option, a normal value) until the outcome. */
  async function assessment(client: TestClient) {
    const complaints = (await client.get('/api/triage/complaints?lang=sv')).json().complaints;
    const complaint = complaints.find((candidate: { display: string }) => /hals/i.test(candidate.display)) ?? complaints[0];
    let response = await client.post('/api/triage/sessions', { complaint: complaint.id, ageYears: 40, sex: 'female', forSomeoneElse: false, lang: 'sv' });
    expect(response.statusCode, response.body).toBe(201);
    const { sessionId } = response.json();
    let step = response.json().step;
    while (step.kind === 'question') {
      const question: Question = step.question;
      const none = question.options?.find((option) => !option.code)?.id ?? question.options?.[0]?.id;
      const answer = question.type === 'boolean' ? false : question.type === 'number' ? (question.unit === 'Cel' ? 37 : 2) : question.multiple ? [] : none;
      response = await client.post(`/api/triage/sessions/${sessionId}/answers`, { questionId: question.id, answer });
      expect(response.statusCode, response.body).toBe(200);
      step = response.json().step;
    }
    return { sessionId: sessionId as string, urgency: step.outcome.urgency as string };
  }

  it('carries the summary into the case for staff and the record; an expired assessment is refused clearly', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const { sessionId, urgency } = await assessment(patientClient);
    const sent = await send(patientClient, unit.id, forms.kontakta_mig!, { triageSessionId: sessionId });
    expect(sent.statusCode, sent.body).toBe(201);
    const view = (await nurseClient.get(`/api/staff/cases/${sent.json().id}`)).json();
    const triage = view.events.find((event: { kind: string }) => event.kind === 'triage');
    expect(triage).toMatchObject({ data: { urgency }, author: { kind: 'person' } });
    expect(triage.body).toContain('Sök vård – digital bedömning');
    expect((await nurseClient.get(`/api/staff/cases/${sent.json().id}/record-summary`)).json().text).toContain('Bedömning i Sök vård');

    const expired = await send(patientClient, unit.id, forms.kontakta_mig!, { triageSessionId: crypto.randomUUID() });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('triage_summary_expired');
  });
});

describe('proxies (ombud)', () => {
  it('act in cases only when the power of attorney covers cases', async () => {
    const { unit, patient, patientClient } = await clinic();
    const covered = await makePerson(t.db.db, { givenName: 'Karin' });
    const notCovered = await makePerson(t.db.db, { givenName: 'Kalle' });
    await makeProxy(t.db.db, patient.id, covered.id, { scopes: ['cases', 'messages'] });
    await makeProxy(t.db.db, patient.id, notCovered.id, { scopes: ['appointments'] });
    const { id } = (await send(patientClient, unit.id, forms.bestall_tid!)).json();

    const proxy = await loginAs(t.app, t.db.db, { personId: covered.id });
    expect((await proxy.post('/api/auth/acting-for', { personId: patient.id })).statusCode).toBe(200);
    expect((await proxy.get('/api/patient/cases')).json().cases.map((item: { id: string }) => item.id)).toEqual([id]);
    const sent = await send(proxy, unit.id, forms.skicka_meddelande!);
    expect(sent.statusCode).toBe(201);

    const other = await loginAs(t.app, t.db.db, { personId: notCovered.id });
    expect((await other.post('/api/auth/acting-for', { personId: patient.id })).statusCode).toBe(200);
    for (const response of [await other.get('/api/patient/cases'), await other.get(`/api/patient/cases/${id}`), await other.get(`/api/patient/units/${unit.id}/case-types`)]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('proxy_scope_excludes_cases');
    }
  });
});

describe('attachments (C1)', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  it('uploads a photo by content, attaches it to the case and shows it to staff; refuses other files clearly', async () => {
    const { unit, nurseClient, patientClient } = await clinic();
    const upload = await patientClient.post('/api/patient/attachments', png, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('utslag på armen.pdf') });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ fileName: 'utslag på armen.pdf', mediaType: 'image/png', byteSize: png.length });
    const { id } = (await send(patientClient, unit.id, forms.bestall_tid!, { attachmentIds: [upload.json().id] })).json();

    const view = (await nurseClient.get(`/api/staff/cases/${id}`)).json();
    expect(view.events[0].attachments).toEqual([upload.json()]);
    const file = await nurseClient.get(`/api/staff/cases/${id}/attachments/${upload.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await patientClient.get(`/api/patient/cases/${id}/attachments/${upload.json().id}`)).statusCode).toBe(200);

    // Already sent: cannot be attached a second time.
    expect((await send(patientClient, unit.id, forms.bestall_tid!, { attachmentIds: [upload.json().id] })).json().error.code).toBe('attachment_unknown');

    const text = await patientClient.post('/api/patient/attachments', Buffer.from('MZ not a photo'), { 'content-type': 'image/jpeg', 'x-file-name': 'virus.jpg' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('file_type_not_allowed');
    const big = await patientClient.post('/api/patient/attachments', Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]), { 'content-type': 'image/png' });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('file_too_large');
    const json = await patientClient.post('/api/patient/attachments', { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('another patient cannot attach someone else’s upload', async () => {
    const { unit, patientClient } = await clinic();
    const upload = (await patientClient.post('/api/patient/attachments', png, { 'content-type': 'image/png' })).json();
    const other = await makePerson(t.db.db);
    const otherClient = await loginAs(t.app, t.db.db, { personId: other.id });
    expect((await send(otherClient, unit.id, forms.bestall_tid!, { attachmentIds: [upload.id] })).json().error.code).toBe('attachment_unknown');
  });
});

describe('answer templates and certificates (unit administrator)', () => {
  it('the administrator keeps templates; staff see the active ones; others may not edit', async () => {
    const { adminClient, nurseClient } = await clinic();
    const created = await adminClient.post('/api/unit-admin/case-templates', { title: 'Recept förnyat', body: 'Ditt recept är förnyat och finns på apoteket.' });
    expect(created.statusCode).toBe(201);
    const hidden = await adminClient.post('/api/unit-admin/case-templates', { title: 'Gammal', body: 'Ej i bruk', active: false });
    expect((await nurseClient.get('/api/staff/case-templates')).json().templates.map((template: { id: string }) => template.id)).toEqual([created.json().id]);
    expect((await adminClient.get('/api/unit-admin/case-templates')).json().templates).toHaveLength(2);
    expect((await nurseClient.post('/api/unit-admin/case-templates', { title: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await adminClient.put(`/api/unit-admin/case-templates/${hidden.json().id}`, { title: 'Gammal', body: 'Nu i bruk', active: true })).json().active).toBe(true);
    expect((await adminClient.put('/api/unit-admin/certificates', { certificates: ['A', 'a'] })).statusCode).toBe(400);
  });
});
