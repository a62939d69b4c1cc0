import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function auditRowsFor(patientId: string) {
  return executeRows<{ action: string; object_type: string; reason: string | null; actor_staff_id: string }>(
    t.db.db,
    sql`select action, object_type, reason, actor_staff_id from audit_log where patient_id = ${patientId} order by seq`,
  );
}

describe('staff look a patient up', () => {
  it('shows the patient to staff at a unit with a care relation, and audits the read', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const patient = await makePerson(t.db.db, { givenName: 'Gunnar', familyName: 'Ek', birthDate: '1936-01-25' });
    await makeCareRelation(t.db.db, unit.id, patient.id);
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });

    const response = await client.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: patient.id, givenName: 'Gunnar', age: 90, accessBasis: 'care_relation' });
    expect(response.json().identityNumber).toMatch(/^19360125-\d{4}$/);
    expect(await auditRowsFor(patient.id)).toEqual([{ action: 'read', object_type: 'patient_summary', reason: null, actor_staff_id: nurse.id }]);
  });

  it('accepts the ten-digit form with a dash', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const patient = await makePerson(t.db.db, { birthDate: '1988-04-12' });
    await makeCareRelation(t.db.db, unit.id, patient.id);
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    const tenDigits = `${patient.identityNumber.slice(2, 8)}-${patient.identityNumber.slice(8)}`;
    expect((await client.post('/api/staff/patients/lookup', { identityNumber: tenDigits })).json().id).toBe(patient.id);
  });

  it('refuses without a care relation and writes nothing to the log', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const patient = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    const response = await client.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('no_care_relation');
    expect(await auditRowsFor(patient.id)).toEqual([]);
  });

  it('allows a clinician emergency access with a stated reason, logged as such', async () => {
    const unit = await makeUnit(t.db.db, { kind: 'akutmottagning' });
    const doctor = await makeStaff(t.db.db, { unitId: unit.id, profession: 'doctor' });
    const patient = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { staffId: doctor.id });
    const tooShort = await client.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber, emergencyReason: 'akut' });
    expect(tooShort.statusCode).toBe(403);
    const reason = 'Medvetslös vid ankomst, behöver läkemedelslista';
    const response = await client.post('/api/staff/patients/lookup', { identityNumber: patient.identityNumber, emergencyReason: reason });
    expect(response.json().accessBasis).toBe('emergency');
    expect(await auditRowsFor(patient.id)).toEqual([{ action: 'emergency_read', object_type: 'patient_summary', reason, actor_staff_id: doctor.id }]);
  });

  it('does not let a receptionist use emergency access', async () => {
    const unit = await makeUnit(t.db.db);
    const receptionist = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist'], profession: 'receptionist' });
    const patient = await makePerson(t.db.db);
    const client = await loginAs(t.app, t.db.db, { staffId: receptionist.id });
    const response = await client.post('/api/staff/patients/lookup', {
      identityNumber: patient.identityNumber,
      emergencyReason: 'Patienten står i kassan och behöver hjälp',
    });
    expect(response.statusCode).toBe(403);
  });

  it('lists guardians of a child and flags a protected identity', async () => {
    const unit = await makeUnit(t.db.db, { kind: 'barnavardscentral' });
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const child = await makePerson(t.db.db, { birthDate: '2022-02-02', protectedIdentity: true });
    const guardian = await makePerson(t.db.db, { givenName: 'Kristian', familyName: 'Ström' });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    await makeCareRelation(t.db.db, unit.id, child.id, { kind: 'ongoing' });
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    const body = (await client.post('/api/staff/patients/lookup', { identityNumber: child.identityNumber })).json();
    expect(body).toMatchObject({ protectedIdentity: true, guardians: [{ displayName: 'Kristian Ström' }], careRelationsAtUnit: [{ kind: 'ongoing' }] });
  });

  it('answers invalid and unknown numbers with clear 4xx errors', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id });
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    const invalid = await client.post('/api/staff/patients/lookup', { identityNumber: '19880412-2384' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('invalid_identity_number');
    const unknown = await client.post('/api/staff/patients/lookup', { identityNumber: '18991231-9999'.replace(/9$/, '8') });
    expect([400, 404]).toContain(unknown.statusCode);
    const missing = await client.post('/api/staff/patients/lookup', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
  });

  it('is closed to citizens and to anonymous callers', async () => {
    const person = await makePerson(t.db.db);
    const citizen = await loginAs(t.app, t.db.db, { personId: person.id });
    expect((await citizen.post('/api/staff/patients/lookup', { identityNumber: person.identityNumber })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/staff/patients/lookup', payload: { identityNumber: person.identityNumber }, headers: { 'x-csrf-token': 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
