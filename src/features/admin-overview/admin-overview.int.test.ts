import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { executeRows } from '../../platform/db/database.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { makeCareRelation, makeOrganisation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function regionWithMunicipality() {
  const region = await makeOrganisation(t.db.db, { kind: 'region', optionPackages: [1, 2, 3] });
  const municipality = await makeOrganisation(t.db.db, { kind: 'municipality', optionPackages: [1] });
  const unit = await makeUnit(t.db.db, { organisationId: municipality.id, kind: 'hemsjukvard' });
  await makeStaff(t.db.db, { unitId: unit.id });
  await makeCareRelation(t.db.db, unit.id, (await makePerson(t.db.db)).id, { kind: 'ongoing' });
  const regionAdmin = await makeStaff(t.db.db, { profession: 'administrator', administers: [region.id] });
  const municipalityAdmin = await makeStaff(t.db.db, { profession: 'administrator', administers: [municipality.id] });
  return { region, municipality, unit, regionAdmin, municipalityAdmin };
}

describe('administration overview', () => {
  it('shows a region administrator every organisation with units and counts', async () => {
    const { municipality, unit, regionAdmin } = await regionWithMunicipality();
    const client = await loginAs(t.app, t.db.db, { staffId: regionAdmin.id });
    const body = (await client.get('/api/admin/overview')).json();
    expect(body.isRegionAdministrator).toBe(true);
    const shown = body.organisations.find((o: { id: string }) => o.id === municipality.id);
    expect(shown).toMatchObject({ optionPackages: [1], canEditOptionPackages: true });
    expect(shown.units).toEqual([expect.objectContaining({ id: unit.id, staffCount: 1, patientCount: 1 })]);
  });

  it('shows a municipality administrator only their own organisation, read-only', async () => {
    const { municipality, municipalityAdmin } = await regionWithMunicipality();
    const client = await loginAs(t.app, t.db.db, { staffId: municipalityAdmin.id });
    const body = (await client.get('/api/admin/overview')).json();
    expect(body.organisations.map((o: { id: string }) => o.id)).toEqual([municipality.id]);
    expect(body.organisations[0].canEditOptionPackages).toBe(false);
    const change = await client.put('/api/admin/organisations/' + municipality.id + '/option-packages', { optionPackages: [1, 3] });
    expect(change.statusCode).toBe(403);
  });

  it('lets the region administrator change option packages, audited', async () => {
    const { municipality, regionAdmin } = await regionWithMunicipality();
    const client = await loginAs(t.app, t.db.db, { staffId: regionAdmin.id });
    const url = `/api/admin/organisations/${municipality.id}/option-packages`;
    expect((await client.put(url, { optionPackages: [3, 1] })).statusCode).toBe(200);
    const after = (await client.get('/api/admin/overview')).json().organisations.find((o: { id: string }) => o.id === municipality.id);
    expect(after.optionPackages).toEqual([1, 3]);
    const withoutBase = await client.put(url, { optionPackages: [2] });
    expect(withoutBase.statusCode).toBe(400);
    expect(withoutBase.json().error.code).toBe('invalid_option_packages');
    const audit = await executeRows(t.db.db, sql`select action, object_type from audit_log where object_id = ${municipality.id}`);
    expect(audit).toEqual([{ action: 'update', object_type: 'organisation_option_packages' }]);
  });

  it('refuses ordinary staff', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    expect((await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).get('/api/admin/overview')).statusCode).toBe(403);
  });
});

describe('the audit log', () => {
  it('verifies as an unbroken chain, refuses edits, and notices a forged row', async () => {
    const { regionAdmin } = await regionWithMunicipality();
    const client = await loginAs(t.app, t.db.db, { staffId: regionAdmin.id });
    const verified = (await client.get('/api/admin/audit/verification')).json();
    expect(verified).toMatchObject({ ok: true, firstProblem: null });
    expect(verified.rowsChecked).toBeGreaterThan(0);

    const refusedByTrigger = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(t.db.db.execute(sql`update audit_log set reason = 'x'`)).rejects.toMatchObject(refusedByTrigger);
    await expect(t.db.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(refusedByTrigger);

    // Someone with database access slips a row in without the chain: verification finds it.
    // Done in a transaction that is rolled back, so the shared test database stays intact.
    const rollback = new Error('rollback');
    await expect(
      t.db.db.transaction(async (tx) => {
        await tx.execute(sql`insert into audit_log (occurred_at, actor_kind, action, object_type, prev_hash, hash)
          values (now(), 'staff', 'read', 'patient_summary', 'forged', ${`forged-${Date.now()}`})`);
        const broken = await verifyAuditChain(tx);
        expect(broken.ok).toBe(false);
        expect(broken.firstProblem?.problem).toBe('broken_link');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await client.get('/api/admin/audit/verification')).json().ok).toBe(true);
  });
});
