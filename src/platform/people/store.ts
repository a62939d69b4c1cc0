import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { organisations, careUnits } from '../organisations/tables.ts';
import { guardianships, organisationRoles, persons, proxies, staff, staffMemberships } from './tables.ts';

export type PersonRow = typeof persons.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;

export async function findPersonById(tx: Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersonByIdentityNumber(tx: Tx, normalised: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(eq(persons.identityNumber, normalised));
  return row;
}

export async function findPersonsByIds(tx: Tx, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(persons).where(inArray(persons.id, ids));
}

export async function findStaffById(tx: Tx, id: string): Promise<StaffRow | undefined> {
  const [row] = await tx.select().from(staff).where(eq(staff.id, id));
  return row;
}

export async function findStaffByIds(tx: Tx, ids: string[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(staff).where(inArray(staff.id, ids));
}

export async function listMemberships(tx: Tx, staffId: string) {
  return tx
    .select({ unitId: careUnits.id, unitName: careUnits.name, unitKind: careUnits.kind, roles: staffMemberships.roles })
    .from(staffMemberships)
    .innerJoin(careUnits, eq(careUnits.id, staffMemberships.unitId))
    .where(eq(staffMemberships.staffId, staffId))
    .orderBy(careUnits.name);
}

export async function listAdministeredOrganisations(tx: Tx, staffId: string) {
  return tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisationRoles)
    .innerJoin(organisations, eq(organisations.id, organisationRoles.organisationId))
    .where(and(eq(organisationRoles.staffId, staffId), eq(organisationRoles.role, 'organisation_admin')))
    .orderBy(organisations.name);
}

/** Everyone a person may represent, as guardian or proxy, with the facts the policy needs. */
export async function listRepresentationsOf(tx: Tx, personId: string) {
  const children = await tx
    .select({ person: persons })
    .from(guardianships)
    .innerJoin(persons, eq(persons.id, guardianships.childId))
    .where(eq(guardianships.guardianId, personId));
  const principals = await tx
    .select({ person: persons, proxy: proxies })
    .from(proxies)
    .innerJoin(persons, eq(persons.id, proxies.principalId))
    .where(eq(proxies.proxyId, personId));
  return [
    ...children.map(({ person }) => ({ person, representation: { basis: 'guardian' as const, childBirthDate: person.birthDate } })),
    ...principals.map(({ person, proxy }) => ({
      person,
      representation: {
        basis: 'proxy' as const,
        scopes: proxy.scopes,
        validFrom: proxy.validFrom,
        validUntil: proxy.validUntil,
      },
    })),
  ];
}

export async function listGuardiansOf(tx: Tx, childId: string): Promise<PersonRow[]> {
  const rows = await tx
    .select({ person: persons })
    .from(guardianships)
    .innerJoin(persons, eq(persons.id, guardianships.guardianId))
    .where(eq(guardianships.childId, childId));
  return rows.map((row) => row.person);
}

/**
 * Everyone working at a unit, with their roles there. With forUpdate the unit's
 * membership rows stay locked until the transaction ends, so a rule across them
 * (B6: a unit keeps at least one administrator) holds under concurrent changes.
 */
export async function listUnitStaff(tx: Tx, unitId: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({
      staffId: staff.id,
      hsaId: staff.hsaId,
      givenName: staff.givenName,
      familyName: staff.familyName,
      profession: staff.profession,
      roles: staffMemberships.roles,
    })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(eq(staffMemberships.unitId, unitId));
  return options.forUpdate ? await query.for('update', { of: staffMemberships }) : await query;
}

/** Grants or withdraws one role at one unit. Returns the roles afterwards, or undefined when the person does not work there. */
export async function setUnitRole(tx: Tx, staffId: string, unitId: string, role: string, granted: boolean): Promise<string[] | undefined> {
  const roles = granted
    ? sql`case when ${role}::text = any(${staffMemberships.roles}) then ${staffMemberships.roles} else array_append(${staffMemberships.roles}, ${role}::text) end`
    : sql`array_remove(${staffMemberships.roles}, ${role}::text)`;
  const [row] = await tx
    .update(staffMemberships)
    .set({ roles })
    .where(and(eq(staffMemberships.staffId, staffId), eq(staffMemberships.unitId, unitId)))
    .returning({ roles: staffMemberships.roles });
  return row?.roles;
}
