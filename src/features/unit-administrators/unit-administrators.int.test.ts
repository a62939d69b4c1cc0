import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { addMembership, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const LIST = '/api/unit-admin/staff';
const toggle = (staffId: string) => `/api/unit-admin/staff/${staffId}/administrator`;

/** A unit with a manager, one administrator and a nurse. */
async function unitWithStaff() {
  const unit = await makeUnit(t.db.db);
  const manager = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_manager', 'clinician'], profession: 'doctor', familyName: 'Wester' });
  const admin = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist', 'unit_admin'], profession: 'receptionist', familyName: 'Åberg' });
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], familyName: 'Andersson' });
  return { unit, manager, admin, nurse };
}

async function auditOf(staffId: string) {
  return executeRows<{ action: string; object_type: string; reason: string; actor_staff_id: string; unit_id: string }>(
    t.db.db,
    sql`select action, object_type, reason, actor_staff_id, unit_id from audit_log where object_type = 'unit_administrator' and object_id = ${staffId} order by seq`,
  );
}

describe('the unit administrators (B6)', () => {
  it('shows the unit manager the unit’s staff with roles, sorted by name, and lets them appoint', async () => {
    const { unit, manager, admin, nurse } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    const list = await client.get(LIST);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.unit).toEqual({ id: unit.id, name: unit.name });
    expect(body.canAppoint).toBe(true);
    // Swedish order: Å after W.
    expect(body.staff.map((s: { staffId: string }) => s.staffId)).toEqual([nurse.id, manager.id, admin.id]);
    expect(body.staff[2]).toMatchObject({ roles: ['receptionist', 'unit_admin'], administrator: true });

    const appoint = await client.put(toggle(nurse.id), { administrator: true });
    expect(appoint.statusCode).toBe(200);
    expect(appoint.json()).toEqual({ changed: true, member: expect.objectContaining({ staffId: nurse.id, roles: ['clinician', 'unit_admin'], administrator: true }) });
    // Asking again changes nothing and is not audited again.
    expect((await client.put(toggle(nurse.id), { administrator: true })).json().changed).toBe(false);

    const audit = await auditOf(nurse.id);
    expect(audit).toEqual([{ action: 'create', object_type: 'unit_administrator', reason: 'appointed', actor_staff_id: manager.id, unit_id: unit.id }]);
  });

  it('lets the manager remove an administrator while another remains, audited', async () => {
    const { manager, admin, nurse } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    await client.put(toggle(nurse.id), { administrator: true });
    const removal = await client.put(toggle(admin.id), { administrator: false });
    expect(removal.statusCode).toBe(200);
    expect(removal.json().member).toMatchObject({ roles: ['receptionist'], administrator: false });
    expect(await auditOf(admin.id)).toEqual([expect.objectContaining({ action: 'delete', reason: 'removed' })]);
    const staff = (await client.get(LIST)).json().staff as { staffId: string; administrator: boolean }[];
    expect(staff.filter((s) => s.administrator).map((s) => s.staffId)).toEqual([nurse.id]);
  });

  it('refuses to remove the last administrator with 409 last_administrator, and changes nothing', async () => {
    const { manager, admin } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    const refused = await client.put(toggle(admin.id), { administrator: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'last_administrator', message: expect.stringContaining('minst en administratör') });
    expect((await client.get(LIST)).json().staff.find((s: { staffId: string }) => s.staffId === admin.id).administrator).toBe(true);
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it('keeps one administrator when two removals race', async () => {
    const { manager, admin, nurse } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    await client.put(toggle(nurse.id), { administrator: true });
    const results = await Promise.all([client.put(toggle(admin.id), { administrator: false }), client.put(toggle(nurse.id), { administrator: false })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await client.get(LIST)).json().staff.filter((s: { administrator: boolean }) => s.administrator)).toHaveLength(1);
  });

  it('lets a manager appoint themselves, and a unit without administrators get its first', async () => {
    const unit = await makeUnit(t.db.db);
    const manager = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_manager'] });
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    expect((await client.get(LIST)).json().staff.every((s: { administrator: boolean }) => !s.administrator)).toBe(true);
    const appoint = await client.put(toggle(manager.id), { administrator: true });
    expect(appoint.json().member.roles).toEqual(['unit_manager', 'unit_admin']);
  });

  it('shows a unit administrator the list read-only and refuses their changes', async () => {
    const { admin, nurse } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: admin.id });
    const list = await client.get(LIST);
    expect(list.statusCode).toBe(200);
    expect(list.json().canAppoint).toBe(false);
    const refused = await client.put(toggle(nurse.id), { administrator: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(await auditOf(nurse.id)).toEqual([]);
  });

  it('refuses other staff both the list and changes', async () => {
    const { nurse, admin } = await unitWithStaff();
    const client = await loginAs(t.app, t.db.db, { staffId: nurse.id });
    expect((await client.get(LIST)).statusCode).toBe(403);
    expect((await client.put(toggle(admin.id), { administrator: false })).statusCode).toBe(403);
  });

  it('answers 404 for someone who does not work at the manager’s active unit, or does not exist', async () => {
    const { manager } = await unitWithStaff();
    const elsewhere = await makeUnit(t.db.db);
    const stranger = await makeStaff(t.db.db, { unitId: elsewhere.id, roles: ['clinician'] });
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    const response = await client.put(toggle(stranger.id), { administrator: true });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await client.put(toggle('00000000-0000-4000-8000-000000000000'), { administrator: true })).statusCode).toBe(404);
    expect((await client.put(toggle('not-a-uuid'), { administrator: true })).statusCode).toBe(400);
    expect((await client.put(toggle(stranger.id), { administrator: 'yes' })).statusCode).toBe(400);
    // Nothing happened at the other unit.
    expect(await auditOf(stranger.id)).toEqual([]);
  });

  it('acts only on the active unit: a manager of one unit is not a manager of the next', async () => {
    const { manager, nurse } = await unitWithStaff();
    const other = await makeUnit(t.db.db);
    await addMembership(t.db.db, manager.id, other.id, ['clinician']);
    await addMembership(t.db.db, nurse.id, other.id, ['clinician']);
    const client = await loginAs(t.app, t.db.db, { staffId: manager.id });
    const switched = await client.post('/api/auth/active-unit', { unitId: other.id });
    expect(switched.statusCode).toBe(200);
    expect((await client.put(toggle(nurse.id), { administrator: true })).statusCode).toBe(403);
  });

  it('needs a login', async () => {
    const response = await t.app.inject({ method: 'GET', url: LIST });
    expect(response.statusCode).toBe(401);
  });
});
