import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { makeOrganisation, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from './content.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());

async function unitAdministrator(kind: 'vardcentral' | 'akutmottagning' = 'vardcentral') {
  const unit = await makeUnit(t.db.db, { kind });
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_admin', 'receptionist'] });
  return { unit, client: await loginAs(t.app, t.db.db, { staffId: admin.id }) };
}

const activate = { status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: null, maxAge: null } };

describe('a unit administrator and the unit\'s e-services', () => {
  it('lists every catalogue service, inactive with the regional terms until touched', async () => {
    const { client } = await unitAdministrator();
    const body = (await client.get('/api/unit-admin/eservices')).json();
    const renew = body.eservices.find((e: { code: string }) => e.code === 'fornya_recept');
    expect(renew).toMatchObject({ status: 'inactive', appliesToUnit: true, extraQuestionsAllowed: true, terms: { version: 0, isRegionalTemplate: true } });
    expect(renew.terms.sv).toContain('två arbetsdagar');
  });

  it('activates Förnya recept only when the unit prescribes by phone too, and audits it', async () => {
    const { unit, client } = await unitAdministrator();
    const refused = await client.put('/api/unit-admin/eservices/fornya_recept/activation', { ...activate, offeredByPhoneOrDesk: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'activation_refused', details: { problems: ['not_offered_by_phone_or_desk'] } });

    expect((await client.put('/api/unit-admin/eservices/fornya_recept/activation', activate)).statusCode).toBe(200);
    const renew = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'fornya_recept');
    expect(renew).toMatchObject({ status: 'active', offeredByPhoneOrDesk: true, terms: { version: 1, isRegionalTemplate: true } });
    const audit = await executeRows(t.db.db, sql`select object_type, object_id from audit_log where object_id = ${`${unit.id}:fornya_recept`}`);
    expect(audit).toEqual([{ object_type: 'unit_eservice', object_id: `${unit.id}:fornya_recept` }]);
  });

  it('limits an activation to listed patients in an age band (staged rollout)', async () => {
    const { client } = await unitAdministrator();
    const group = { listedOnly: true, minAge: 18, maxAge: 64 };
    await client.put('/api/unit-admin/eservices/chatt/activation', { ...activate, patientGroup: group });
    const chat = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'chatt');
    expect(chat.patientGroup).toEqual(group);
  });

  it('marks a service not applicable only with a reason', async () => {
    const { client } = await unitAdministrator();
    expect((await client.put('/api/unit-admin/eservices/egenremiss/activation', { status: 'not_applicable', reason: '' })).statusCode).toBe(400);
    expect((await client.put('/api/unit-admin/eservices/egenremiss/activation', { status: 'not_applicable', reason: 'Vi tar inte emot egenremisser.' })).statusCode).toBe(200);
  });

  it('refuses a service the region has not opened for the unit kind', async () => {
    const { client } = await unitAdministrator('akutmottagning');
    const response = await client.put('/api/unit-admin/eservices/bestall_tid/activation', activate);
    expect(response.json().error.details.problems).toEqual(['service_not_for_unit_kind']);
  });

  it('answers 404 for an unknown service and 403 for staff who are not administrators', async () => {
    const { client } = await unitAdministrator();
    expect((await client.put('/api/unit-admin/eservices/no_such_thing/activation', activate)).statusCode).toBe(404);
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
    expect((await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).get('/api/unit-admin/eservices')).statusCode).toBe(403);
  });
});

describe('terms texts (B5)', () => {
  it('saves an adjusted text as a new version', async () => {
    const { client } = await unitAdministrator();
    const current = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'fornya_recept').terms;
    const sv = current.sv.replace('- Det du skriver', '- Recept på antibiotika förnyas inte utan besök.\n- Det du skriver');
    const saved = await client.put('/api/unit-admin/eservices/fornya_recept/terms', { sv, en: current.en });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(1);
    const again = await client.put('/api/unit-admin/eservices/fornya_recept/terms', { sv: `${sv}`, en: current.en });
    expect(again.json().version).toBe(2);
    const after = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'fornya_recept').terms;
    expect(after).toMatchObject({ version: 2, isRegionalTemplate: false });
    expect(after.sv).toContain('antibiotika');
  });

  it('refuses a text without the two-working-day sentence, with a clear message', async () => {
    const { client } = await unitAdministrator();
    const template = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'kontakta_mig').template;
    const sv = template.sv.replace(/- Du får svar inom två arbetsdagar[^\n]*\n/, '');
    const response = await client.put('/api/unit-admin/eservices/kontakta_mig/terms', { sv, en: template.en });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'terms_invalid',
      message: 'Villkorstexten måste säga att patienten får svar inom två arbetsdagar. (svenska texten)',
      details: { problems: [{ language: 'sv', problem: 'missing_two_working_days' }] },
    });
  });

  it('refuses a text where the proxy point is no longer last', async () => {
    const { client } = await unitAdministrator();
    const template = (await client.get('/api/unit-admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'kontakta_mig').template;
    const response = await client.put('/api/unit-admin/eservices/kontakta_mig/terms', { sv: `${template.sv}\n- Ring oss hellre.`, en: template.en });
    expect(response.json().error.details.problems).toEqual([{ language: 'sv', problem: 'proxy_point_not_last' }]);
  });
});

describe("the region's basic-offering overview", () => {
  it('shows each unit × basic service as active, missing or not applicable, with counts', async () => {
    const region = await makeOrganisation(t.db.db, { kind: 'region' });
    const regionAdmin = await makeStaff(t.db.db, { administers: [region.id] });
    const { unit, client } = await unitAdministrator();
    await client.put('/api/unit-admin/eservices/fornya_recept/activation', activate);
    await client.put('/api/unit-admin/eservices/begar_intyg/activation', { status: 'not_applicable', reason: 'Inte aktuellt här.' });

    const admin = await loginAs(t.app, t.db.db, { staffId: regionAdmin.id });
    const overview = (await admin.get('/api/admin/basic-offering')).json();
    const row = overview.units.find((u: { id: string }) => u.id === unit.id);
    expect(row.cells.fornya_recept).toEqual({ cell: 'active', reason: null });
    expect(row.cells.begar_intyg).toEqual({ cell: 'not_applicable', reason: 'Inte aktuellt här.' });
    expect(row.cells.egenremiss).toEqual({ cell: 'not_applicable', reason: 'region' }); // the catalogue does not offer it to health centres
    expect(row.cells.bestall_tid).toEqual({ cell: 'missing', reason: null });
    expect(overview.services.map((s: { code: string }) => s.code)).not.toContain('egenmonitorering'); // not part of the basic offering
    const renew = overview.services.find((s: { code: string }) => s.code === 'fornya_recept');
    expect(renew.counts.active).toBeGreaterThanOrEqual(1);
    expect((await client.get('/api/admin/basic-offering')).statusCode).toBe(403);
  });

  it('lets the region edit a catalogue entry, keeping the template rules', async () => {
    const region = await makeOrganisation(t.db.db, { kind: 'region' });
    const admin = await loginAs(t.app, t.db.db, { staffId: (await makeStaff(t.db.db, { administers: [region.id] })).id });
    const entry = (await admin.get('/api/admin/eservices')).json().eservices.find((e: { code: string }) => e.code === 'formular');
    const update = { description: entry.description, termsTemplate: entry.termsTemplate, appliesToUnitKinds: entry.appliesToUnitKinds };
    expect((await admin.put('/api/admin/eservices/formular', update)).statusCode).toBe(200);
    const broken = await admin.put('/api/admin/eservices/formular', { ...update, termsTemplate: { sv: 'Inga villkor.', en: entry.termsTemplate.en } });
    expect(broken.json().error.code).toBe('terms_invalid');
  });
});
