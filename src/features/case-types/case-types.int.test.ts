import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows, isUniqueViolation } from '../../platform/db/database.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import { checkTerms } from '../e-services/terms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

const URL = '/api/unit-admin/case-types';
const EXTRA = (code: string) => `/api/unit-admin/eservices/${code}/extra-questions`;

const yesNo = { linkId: 'q1', text: 'Har du tagit läkemedlet som ordinerat?', type: 'boolean', required: true };
const several = { linkId: 'q2', text: 'Vilka läkemedel gäller det?', type: 'multiple_choice', required: false, options: ['Blodtryck', 'Kolesterol', 'Astma'] };
const renewal = { name: 'Förnya recept', description: 'Förnya recept med fler kontrollfrågor.', questions: [yesNo, several] };

async function adminAtNewUnit() {
  const unit = await makeUnit(t.db.db);
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'] });
  return { unit, admin, client: await loginAs(t.app, t.db.db, { staffId: admin.id }) };
}

async function auditRows(objectId: string) {
  return executeRows<{ action: string; object_type: string; actor_staff_id: string; unit_id: string }>(
    t.db.db,
    sql`select action, object_type, actor_staff_id, unit_id from audit_log where object_id = ${objectId} order by seq`,
  );
}

describe('own case types (C2)', () => {
  it('builds one under the name of a standard case type, with its own terms, audited', async () => {
    const { unit, admin, client } = await adminAtNewUnit();
    const created = await client.post(URL, renewal);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Förnya recept', active: true, questions: [yesNo, several], terms: { version: 1 } });
    // The regional Kontakta mig text, titled with the case type's name, and valid by the regional rules.
    expect(body.terms.sv).toMatch(/^Villkor för Förnya recept\n/);
    expect(body.terms.en).toMatch(/^Terms for Förnya recept\n/);
    expect(checkTerms(body.terms.sv, 'sv')).toEqual([]);
    expect(checkTerms(body.terms.en, 'en')).toEqual([]);

    const list = (await client.get(URL)).json();
    expect(list.unitId).toBe(unit.id);
    expect(list.caseTypes).toEqual([body]);
    expect(await auditRows(body.id)).toEqual([{ action: 'create', object_type: 'unit_case_type', actor_staff_id: admin.id, unit_id: unit.id }]);
  });

  it('answers invalid input with 400 and a code, never 500', async () => {
    const { client } = await adminAtNewUnit();
    const cases: unknown[] = [
      { ...renewal, name: 'Nä' },
      { ...renewal, name: 'x'.repeat(81) },
      { ...renewal, questions: [] },
      { ...renewal, questions: Array.from({ length: 21 }, (_, i) => ({ ...yesNo, linkId: `q${i}` })) },
      { ...renewal, questions: [yesNo, { ...several, linkId: 'q1' }] },
      { ...renewal, questions: [{ ...several, options: ['Bara en'] }] },
      { ...renewal, questions: [{ ...yesNo, options: ['Ja', 'Nej'] }] },
      { ...renewal, questions: [{ ...yesNo, type: 'signature' }] },
      { ...renewal, questions: [{ ...yesNo, linkId: 'Fråga 1' }] },
      { ...renewal, questions: [{ ...yesNo, text: '' }] },
      { name: 'Utan frågor', description: '' },
      'not json at all',
    ];
    for (const payload of cases) {
      const response = await client.post(URL, payload, typeof payload === 'string' ? { 'content-type': 'application/json' } : {});
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toMatch(/^(validation_failed|invalid_json)$/);
    }
    expect((await client.get(URL)).json().caseTypes).toEqual([]);
  });

  it('refuses a second own case type with the same name at the unit, but not at another unit', async () => {
    const { client } = await adminAtNewUnit();
    expect((await client.post(URL, renewal)).statusCode).toBe(201);
    const again = await client.post(URL, { ...renewal, name: '  förnya RECEPT ' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('case_type_name_taken');
    expect((await (await adminAtNewUnit()).client.post(URL, renewal)).statusCode).toBe(201);
  });

  it('edits name, questions, active and terms; refuses terms that break the regional rules', async () => {
    const { client } = await adminAtNewUnit();
    const created = (await client.post(URL, renewal)).json();
    const edit = { name: 'Förnya recept – diabetes', description: 'För dig med diabetes.', questions: [several], active: false };
    const edited = await client.put(`${URL}/${created.id}`, edit);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ ...edit, terms: { version: 1 } });

    const badTerms = await client.put(`${URL}/${created.id}`, { ...edit, terms: { sv: 'Vi svarar när vi hinner.', en: created.terms.en } });
    expect(badTerms.statusCode).toBe(400);
    expect(badTerms.json().error).toMatchObject({ code: 'terms_invalid', details: { problems: [{ language: 'sv', problem: 'missing_two_working_days' }, { language: 'sv', problem: 'proxy_point_not_last' }] } });

    const sv = created.terms.sv.replace('- Ange hur och när', '- Beskriv dina besvär. Ange hur och när');
    const withTerms = await client.put(`${URL}/${created.id}`, { ...edit, terms: { sv, en: created.terms.en } });
    expect(withTerms.json().terms).toMatchObject({ version: 2, sv });
    const audit = await auditRows(created.id);
    expect(audit.map((row) => `${row.action} ${row.object_type}`)).toEqual(['create unit_case_type', 'update unit_case_type', 'update unit_case_type']);
    expect(await auditRows(withTerms.json().terms.versionId)).toEqual([expect.objectContaining({ action: 'create', object_type: 'unit_case_type_terms' })]);
  });

  it("treats another unit's case type as missing", async () => {
    const other = await adminAtNewUnit();
    const theirs = (await other.client.post(URL, renewal)).json();
    const { client } = await adminAtNewUnit();
    const edit = await client.put(`${URL}/${theirs.id}`, { ...renewal, active: false });
    expect(edit.statusCode).toBe(404);
    expect(edit.json().error.code).toBe('case_type_not_found');
    expect((await client.get(`${URL}/${theirs.id}/questionnaire`)).statusCode).toBe(404);
    expect((await client.get(URL)).json().caseTypes).toEqual([]);
    expect((await other.client.get(`${URL}/${theirs.id}/questionnaire`)).statusCode).toBe(200);
  });

  it('is for the unit administrator of the active unit only', async () => {
    const unit = await makeUnit(t.db.db);
    const clinician = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
    const client = await loginAs(t.app, t.db.db, { staffId: clinician.id });
    for (const response of [
      await client.get(URL),
      await client.post(URL, renewal),
      await client.get(EXTRA('fornya_recept')),
      await client.put(EXTRA('fornya_recept'), { questions: [] }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const withoutUnit = await makeStaff(t.db.db);
    expect((await (await loginAs(t.app, t.db.db, { staffId: withoutUnit.id })).get(URL)).statusCode).toBe(403);
  });

  it('gives one of two simultaneous creates with the same name a 409, and keeps one row', async () => {
    const { unit, client } = await adminAtNewUnit();
    const statuses = (await Promise.all([client.post(URL, renewal), client.post(URL, { ...renewal, name: ' förnya recept ' })])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409]);
    const rows = await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from unit_case_types where unit_id = ${unit.id}`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('has the database refuse a second name at a unit too, for what the service check might miss', async () => {
    const { unit } = await adminAtNewUnit();
    const insert = (name: string) =>
      t.db.db.execute(sql`insert into unit_case_types (unit_id, name, description, questions, created_at, updated_at)
        values (${unit.id}, ${name}, 'x', '[]'::jsonb, now(), now())`);
    await insert('Egen typ');
    const error = await insert('  egen typ ').catch((caught: unknown) => caught);
    expect(isUniqueViolation(error, 'unit_case_types_unit_name')).toBe(true);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });

  it('creates once per Idempotency-Key: a retry gets the first answer', async () => {
    const { unit, client } = await adminAtNewUnit();
    const key = { 'idempotency-key': 'c2-retry-0f9e8d7c' };
    const first = await client.post(URL, renewal, key);
    const retry = await client.post(URL, renewal, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const rows = await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from unit_case_types where unit_id = ${unit.id}`);
    expect(rows).toEqual([{ n: 1 }]);
    expect(await auditRows(first.json().id)).toHaveLength(1);

    const reused = await client.post(URL, { ...renewal, name: 'Något annat' }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect((await client.post(URL, renewal, { 'idempotency-key': 'short' })).statusCode).toBe(400);

    // Another staff member's key is their own, even if it is the same string.
    const colleague = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_admin'] });
    const theirs = await (await loginAs(t.app, t.db.db, { staffId: colleague.id })).post(URL, { ...renewal, name: 'Kollegans ärendetyp' }, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('creates once even when two requests with the same key arrive together, and forgets keys after 24 hours', async () => {
    const { unit, admin, client } = await adminAtNewUnit();
    const key = { 'idempotency-key': 'c2-concurrent-1a2b3c4d' };
    const [a, b] = await Promise.all([client.post(URL, renewal, key), client.post(URL, renewal, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const count = async () => (await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from unit_case_types where unit_id = ${unit.id}`))[0]!.n;
    expect(await count()).toBe(1);

    const start = t.clock.now();
    try {
      t.clock.advance(25 * 60 * 60 * 1000);
      const later = await loginAs(t.app, t.db.db, { staffId: admin.id });
      const again = await later.post(URL, { ...renewal, name: 'Förnya recept 2' }, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(await count()).toBe(2);
    } finally {
      t.clock.set(start);
    }
  });

  it('documents the routes, with the Idempotency-Key header, in the OpenAPI description', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const create = document.paths['/api/unit-admin/case-types'].post;
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false })]));
    expect(Object.keys(create.responses)).toContain('201');
    expect(document.paths['/api/unit-admin/eservices/{code}/extra-questions']).toHaveProperty('put');
  });

  it('gives the questions as a FHIR R4 Questionnaire', async () => {
    const { client } = await adminAtNewUnit();
    const single = { linkId: 'q3', text: 'Hur vill du bli kontaktad?', type: 'choice', required: true, options: ['Telefon', 'Meddelande'] };
    const created = (await client.post(URL, { ...renewal, questions: [yesNo, several, single, { linkId: 'q4', text: 'Hur många tabletter har du kvar?', type: 'number', required: false }] })).json();
    const response = await client.get(`${URL}/${created.id}/questionnaire`);
    expect(response.statusCode).toBe(200);
    const questionnaire = response.json();
    expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', id: created.id, status: 'active', title: 'Förnya recept' });
    expect(questionnaire.item).toEqual([
      { linkId: 'q1', text: yesNo.text, type: 'boolean', required: true },
      { linkId: 'q2', text: several.text, type: 'choice', required: false, repeats: true, answerOption: several.options.map((valueString) => ({ valueString })) },
      { linkId: 'q3', text: single.text, type: 'choice', required: true, answerOption: [{ valueString: 'Telefon' }, { valueString: 'Meddelande' }] },
      { linkId: 'q4', text: 'Hur många tabletter har du kvar?', type: 'decimal', required: false },
    ]);
  });
});

describe('extra questions on Förnya recept (C2, seed 002)', () => {
  const own = [
    { linkId: 'last-dose', text: 'När tog du senast läkemedlet?', type: 'date', required: false },
    { linkId: 'pharmacy', text: 'Vilket apotek vill du hämta ut på?', type: 'text', required: false },
  ];

  it('takes two after the built-in control questions, and shows them in order and as FHIR', async () => {
    const { unit, client } = await adminAtNewUnit();
    const before = (await client.get(EXTRA('fornya_recept'))).json();
    expect(before.own).toEqual([]);
    expect(before.builtIn.map((q: { linkId: string }) => q.linkId)).toEqual(['works', 'side-effects']);

    const saved = await client.put(EXTRA('fornya_recept'), { questions: own });
    expect(saved.statusCode).toBe(200);
    const after = (await client.get(EXTRA('fornya_recept'))).json();
    expect(after).toEqual(saved.json());
    expect(after.own).toEqual(own);
    expect(after.max).toBe(2);
    expect(after.questions.map((q: { linkId: string }) => q.linkId)).toEqual(['works', 'side-effects', 'last-dose', 'pharmacy']);
    expect(after.questionnaire).toMatchObject({ resourceType: 'Questionnaire', id: `fornya-recept-${unit.id}`, title: 'Förnya recept' });
    expect(after.questionnaire.item.map((item: { type: string }) => item.type)).toEqual(['boolean', 'boolean', 'date', 'text']);
    expect(await auditRows(`${unit.id}:fornya_recept`)).toEqual([expect.objectContaining({ action: 'update', object_type: 'unit_eservice' })]);

    // The activation (another part of the unit's settings) is untouched: a unit that had not turned it on still has not.
    const [row] = await executeRows<{ status: string }>(t.db.db, sql`select status from unit_eservices where unit_id = ${unit.id} and eservice_code = 'fornya_recept'`);
    expect(row?.status).toBe('inactive');
    expect((await client.put(EXTRA('fornya_recept'), { questions: [] })).json().questions).toHaveLength(2);
  });

  it('refuses a third question with a clear code and message', async () => {
    const { client } = await adminAtNewUnit();
    const three = [...own, { linkId: 'third', text: 'Har du fler frågor till läkaren?', type: 'text', required: false }];
    const response = await client.put(EXTRA('fornya_recept'), { questions: three });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'too_many_extra_questions', details: { max: 2, builtIn: 2 } });
    expect(response.json().error.message).toMatch(/egen ärendetyp/);
    expect((await client.put(EXTRA('fornya_recept'), { questions: three }, { 'accept-language': 'en' })).json().error.message).toMatch(/own case type/);
    expect((await client.get(EXTRA('fornya_recept'))).json().own).toEqual([]);
  });

  it('keeps the other standard case types locked', async () => {
    const { client } = await adminAtNewUnit();
    for (const code of ['bestall_tid', 'kontakta_mig', 'egenremiss']) {
      const response = await client.put(EXTRA(code), { questions: [own[0]] });
      expect(response.statusCode, code).toBe(409);
      expect(response.json().error.code).toBe('extra_questions_not_allowed');
      expect((await client.get(EXTRA(code))).statusCode).toBe(409);
    }
    const unknown = await client.put(EXTRA('finns_inte'), { questions: [] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('eservice_not_found');
  });

  it("refuses a question that reuses a built-in question's id, and invalid questions", async () => {
    const { client } = await adminAtNewUnit();
    const clash = await client.put(EXTRA('fornya_recept'), { questions: [{ ...own[0], linkId: 'works' }] });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error).toMatchObject({ code: 'question_link_id_reserved', details: { linkIds: ['works'] } });
    const invalid = await client.put(EXTRA('fornya_recept'), { questions: [{ ...own[0], type: 'choice' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
  });
});
