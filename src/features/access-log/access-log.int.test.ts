import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../platform/testing/client.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('Vem har läst mina uppgifter?', () => {
  it("shows the patient which staff member at which unit read their data, and when", async () => {
    const unit = await makeUnit(t.db.db, { name: 'Vårdcentralen Loggby' });
    const nurse = await makeStaff(t.db.db, { unitId: unit.id, givenName: 'Sara', familyName: 'Nilsson', profession: 'nurse' });
    const patient = await makePerson(t.db.db);
    await makeCareRelation(t.db.db, unit.id, patient.id);
    const staffClient = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    t.clock.set('2026-11-23T09:15:00Z');
    await staffClient.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber });

    const patientClient = await loginAs(t.app, t.db.db, { personId: patient.id });
    const response = await patientClient.get('/api/me/access-log');
    expect(response.statusCode).toBe(200);
    expect(response.json().entries).toEqual([
      {
        id: expect.any(String),
        occurredAt: '2026-11-23T09:15:00.000Z',
        action: 'read',
        objectType: 'patient_summary',
        staffName: 'Sara Nilsson',
        profession: 'nurse',
        unitName: 'Vårdcentralen Loggby',
        emergencyReason: null,
      },
    ]);
  });

  it("does not show another patient's accesses, nor the patient's own reads", async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const someoneElse = await makePerson(t.db.db);
    const patient = await makePerson(t.db.db);
    await makeCareRelation(t.db.db, unit.id, someoneElse.id);
    await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).post('/api/staff/patients/lookup', { identityNumber: someoneElse.identityNumber });
    const client = await loginAs(t.app, t.db.db, { personId: patient.id });
    await client.get('/api/me/access-log');
    expect((await client.get('/api/me/access-log')).json().entries).toEqual([]);
  });

  it("shows a guardian the log of the child they act for", async () => {
    const unit = await makeUnit(t.db.db, { kind: 'barnavardscentral' });
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const guardian = await makePerson(t.db.db, { birthDate: '1988-04-12' });
    const child = await makePerson(t.db.db, { birthDate: '2020-06-03' });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    await makeCareRelation(t.db.db, unit.id, child.id, { kind: 'ongoing' });
    await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).post('/api/staff/patients/lookup', { identityNumber: child.identityNumber });

    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });
    expect((await client.get('/api/me/access-log')).json().entries).toEqual([]);
    await client.post('/api/auth/acting-for', { personId: child.id });
    expect((await client.get('/api/me/access-log')).json().entries).toHaveLength(1);
  });

  it('rejects a bad limit and staff callers', async () => {
    const patient = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { personId: patient.id });
    expect((await client.get('/api/me/access-log?limit=0')).json().error.code).toBe('validation_failed');
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    expect((await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).get('/api/me/access-log')).statusCode).toBe(403);
  });
});
