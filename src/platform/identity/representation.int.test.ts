import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.ts';
import { auditLog } from '../audit/tables.ts';
import { loginAs } from '../testing/client.ts';
import { makeCareRelation, makeGuardianship, makePerson, makeStaff, makeUnit } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-05-09T10:00:00Z', env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => t?.close());

const lastAuditRows = (limit: number) => t.db.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);

describe('guardian until the day the child turns 13', () => {
  it('offers the child on the day before the 13th birthday and not on the birthday', async () => {
    const guardian = await makePerson(t.db.db, { birthDate: '1980-01-01' });
    const child = await makePerson(t.db.db, { birthDate: '2013-05-10' });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    t.clock.set('2026-05-09T21:59:00Z'); // 23:59 on 9 May in Stockholm: the day before
    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });
    const before = (await client.get('/api/auth/session')).json();
    expect(before.citizen.representable.map((r: { id: string }) => r.id)).toContain(child.id);
    expect((await client.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(200);

    t.clock.set('2026-05-09T22:01:00Z'); // 00:01 on 10 May in Stockholm: the birthday
    const on = (await client.get('/api/auth/session')).json();
    expect(on.citizen.subject.id).toBe(guardian.id);
    expect(on.citizen.representable.map((r: { id: string }) => r.id)).not.toContain(child.id);
    expect((await client.post('/api/auth/acting-for', { personId: child.id })).statusCode).toBe(403);
    t.clock.set('2026-05-09T10:00:00Z');
  });
});

describe('protected identity', () => {
  it('marks every staff access to a person with protected identity in the audit log, and keeps the chain valid', async () => {
    const unit = await makeUnit(t.db.db);
    const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'] });
    const hidden = await makePerson(t.db.db, { protectedIdentity: true });
    const ordinary = await makePerson(t.db.db);
    await makeCareRelation(t.db.db, unit.id, hidden.id);
    await makeCareRelation(t.db.db, unit.id, ordinary.id);
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });

    const lookup = await client.post('/api/staff/patients/lookup', { identityNumber: hidden.identityNumber });
    expect(lookup.statusCode).toBe(200);
    expect(JSON.stringify(lookup.json())).not.toMatch(/address|adress|street|postal/i);
    const [hiddenRow] = await t.db.db.select().from(auditLog).where(eq(auditLog.patientId, hidden.id));
    expect(hiddenRow).toMatchObject({ patientProtected: true, actorStaffId: nurse.id });

    await client.post('/api/staff/patients/lookup', { identityNumber: ordinary.identityNumber });
    const [ordinaryRow] = await t.db.db.select().from(auditLog).where(eq(auditLog.patientId, ordinary.id));
    expect(ordinaryRow?.patientProtected).toBe(false);

    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it('records both the guardian and the protected child when the guardian acts for the child', async () => {
    const guardian = await makePerson(t.db.db, { birthDate: '1980-01-01' });
    const child = await makePerson(t.db.db, { birthDate: '2020-02-02', protectedIdentity: true });
    await makeGuardianship(t.db.db, guardian.id, child.id);
    const client = await loginAs(t.app, t.db.db, { personId: guardian.id });
    await client.post('/api/auth/acting-for', { personId: child.id });
    expect((await client.get('/api/me/access-log')).statusCode).toBe(200);
    const [row] = await lastAuditRows(1);
    expect(row).toMatchObject({ actorPersonId: guardian.id, actingForPersonId: child.id, patientId: child.id, patientProtected: true, actorRole: 'citizen_representative' });
  });
});
