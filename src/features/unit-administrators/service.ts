import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import { unitRoles, type StaffActor, type UnitRole } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { listUnitStaff, setUnitRole } from '../../platform/people/store.ts';
import type { AdministratorResponse, UnitStaffList, UnitStaffMember } from './contract.ts';

const ADMIN_ROLE: UnitRole = 'unit_admin';

type StaffRow = Awaited<ReturnType<typeof listUnitStaff>>[number];

function toMember(row: StaffRow): UnitStaffMember {
  const roles = row.roles.filter((role): role is UnitRole => (unitRoles as readonly string[]).includes(role));
  return {
    staffId: row.staffId,
    hsaId: row.hsaId,
    givenName: row.givenName,
    familyName: row.familyName,
    profession: row.profession,
    roles,
    administrator: roles.includes(ADMIN_ROLE),
  };
}

const byName = (a: StaffRow, b: StaffRow) =>
  a.familyName.localeCompare(b.familyName, 'sv') || a.givenName.localeCompare(b.givenName, 'sv') || a.staffId.localeCompare(b.staffId);

/** The unit the caller is working at now; administration is always of that unit. */
function activeUnit(actor: StaffActor): string {
  if (!actor.unitId) {
    throw errors.forbidden({ sv: 'Välj först vilken enhet du arbetar på.', en: 'First choose the unit you are working at.' });
  }
  return actor.unitId;
}

async function unitName(tx: Tx, unitId: string): Promise<string> {
  const [unit] = await tx.select({ name: careUnits.name }).from(careUnits).where(eq(careUnits.id, unitId));
  if (!unit) throw errors.notFound({ sv: 'Enheten finns inte.', en: 'No such unit.' });
  return unit.name;
}

/** The unit's staff and who administers it: for the unit manager (who may change it) and the unit's administrators (who may see it). */
export async function listStaffOfUnit(context: ServiceContext, actor: StaffActor): Promise<UnitStaffList> {
  const unitId = activeUnit(actor);
  const isManager = actor.unitRoles.includes('unit_manager');
  if (!isManager && !actor.unitRoles.includes(ADMIN_ROLE)) {
    throw errors.forbidden({
      sv: 'Bara verksamhetschefen och enhetens administratörer ser enhetens administratörer.',
      en: "Only the unit manager and the unit's administrators can see the unit's administrators.",
    });
  }
  return context.db.transaction(async (tx) => {
    const rows = await listUnitStaff(tx, unitId);
    return { unit: { id: unitId, name: await unitName(tx, unitId) }, canAppoint: isManager, staff: rows.sort(byName).map(toMember) };
  });
}

/**
 * Appoints or removes an administrator of the caller's active unit (B6). Only the
 * unit manager may; the person must work at the unit. Once a unit has an
 * administrator it keeps at least one: removing the last is refused, so the manager
 * appoints the successor first. The unit's memberships are locked meanwhile, so two
 * simultaneous removals cannot both pass the check.
 */
export async function setAdministrator(context: ServiceContext, actor: StaffActor, staffId: string, administrator: boolean): Promise<AdministratorResponse> {
  const unitId = activeUnit(actor);
  if (!actor.unitRoles.includes('unit_manager')) {
    throw errors.forbidden({
      sv: 'Bara verksamhetschefen kan utse och ta bort enhetens administratörer.',
      en: "Only the unit manager can appoint and remove the unit's administrators.",
    });
  }
  return context.db.transaction(async (tx) => {
    const rows = await listUnitStaff(tx, unitId, { forUpdate: true });
    const target = rows.find((row) => row.staffId === staffId);
    if (!target) {
      throw errors.notFound({ sv: 'Personen arbetar inte på den här enheten.', en: 'This person does not work at this unit.' });
    }
    if (target.roles.includes(ADMIN_ROLE) === administrator) return { member: toMember(target), changed: false };
    if (!administrator) {
      const others = rows.filter((row) => row.staffId !== staffId && row.roles.includes(ADMIN_ROLE));
      if (others.length === 0) {
        throw new AppError('last_administrator', 409, {
          sv: 'Enheten måste ha minst en administratör. Utse en ny administratör innan du tar bort den sista.',
          en: 'The unit must have at least one administrator. Appoint a new administrator before removing the last one.',
        });
      }
    }
    const roles = await setUnitRole(tx, staffId, unitId, ADMIN_ROLE, administrator);
    if (!roles) throw errors.notFound({ sv: 'Personen arbetar inte på den här enheten.', en: 'This person does not work at this unit.' });
    await recordAudit(tx, context, actor, {
      action: administrator ? 'create' : 'delete',
      objectType: 'unit_administrator',
      objectId: staffId,
      reason: administrator ? 'appointed' : 'removed',
    });
    return { member: toMember({ ...target, roles }), changed: true };
  });
}
