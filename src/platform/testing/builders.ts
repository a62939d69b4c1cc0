import { randomInt, randomUUID } from 'node:crypto';
import { luhnCheckDigit } from '../../lib/personnummer.ts';
import { careRelations } from '../access/tables.ts';
import type { UnitRole } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { careUnits, organisations } from '../organisations/tables.ts';
import type { CareUnitKind, OrganisationKind } from '../organisations/model.ts';
import { guardianships, organisationRoles, persons, proxies, staff, staffMemberships } from '../people/tables.ts';

/** Small builders: each test makes exactly the data it needs, with unique keys, so tests never share rows. */
const shortId = () => randomUUID().slice(0, 8).toUpperCase();

export async function makeOrganisation(db: Database, values: { kind?: OrganisationKind; name?: string; optionPackages?: number[] } = {}) {
  const [row] = await db
    .insert(organisations)
    .values({
      kind: values.kind ?? 'region',
      name: values.name ?? `Testregion ${shortId()}`,
      organisationNumber: `${randomInt(100000, 999999)}-${randomInt(1000, 9999)}`,
      optionPackages: values.optionPackages ?? [1],
    })
    .returning();
  return row!;
}

export async function makeUnit(db: Database, values: { organisationId?: string; name?: string; kind?: CareUnitKind; locality?: string } = {}) {
  const organisationId = values.organisationId ?? (await makeOrganisation(db)).id;
  const [row] = await db
    .insert(careUnits)
    .values({
      hsaId: `SE-TEST-${shortId()}`,
      name: values.name ?? `Vårdcentralen Test ${shortId()}`,
      kind: values.kind ?? 'vardcentral',
      organisationId,
      locality: values.locality ?? 'Testby',
    })
    .returning();
  return row!;
}

/** A valid, random personnummer for someone born on birthDate (YYYY-MM-DD). */
export function randomIdentityNumber(birthDate: string): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  // The birth number runs 001–999: 000 is never issued, and the parser refuses it.
  const nine = `${year.slice(2)}${month}${day}${String(randomInt(1, 1000)).padStart(3, '0')}`;
  return `${year.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}

export async function makePerson(
  db: Database,
  values: { birthDate?: string; givenName?: string; familyName?: string; protectedIdentity?: boolean } = {},
) {
  const birthDate = values.birthDate ?? `19${randomInt(40, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  // A random number may already exist in a shared PostgreSQL test database: draw again.
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await db
      .insert(persons)
      .values({
        identityNumber: randomIdentityNumber(birthDate),
        identityKind: 'personnummer',
        givenName: values.givenName ?? 'Test',
        familyName: values.familyName ?? `Person ${shortId()}`,
        birthDate,
        protectedIdentity: values.protectedIdentity ?? false,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error('could not draw a free identity number');
}

export async function makeStaff(
  db: Database,
  values: { unitId?: string; roles?: UnitRole[]; profession?: string; givenName?: string; familyName?: string; administers?: string[] } = {},
) {
  const [row] = await db
    .insert(staff)
    .values({
      hsaId: `SE-TEST-S-${shortId()}`,
      givenName: values.givenName ?? 'Testa',
      familyName: values.familyName ?? `Personal ${shortId()}`,
      profession: values.profession ?? 'nurse',
    })
    .returning();
  if (values.unitId) await db.insert(staffMemberships).values({ staffId: row!.id, unitId: values.unitId, roles: values.roles ?? ['clinician'] });
  for (const organisationId of values.administers ?? []) {
    await db.insert(organisationRoles).values({ staffId: row!.id, organisationId, role: 'organisation_admin' });
  }
  return row!;
}

export async function addMembership(db: Database, staffId: string, unitId: string, roles: UnitRole[]) {
  await db.insert(staffMemberships).values({ staffId, unitId, roles });
}

export async function makeCareRelation(db: Database, unitId: string, patientId: string, values: { kind?: 'listed' | 'ongoing'; endedAt?: Date } = {}) {
  await db.insert(careRelations).values({ unitId, patientId, kind: values.kind ?? 'listed', endedAt: values.endedAt ?? null });
}

export async function makeGuardianship(db: Database, guardianId: string, childId: string) {
  await db.insert(guardianships).values({ guardianId, childId });
}

export async function makeProxy(db: Database, principalId: string, proxyId: string, values: { scopes?: string[]; validFrom?: string; validUntil?: string } = {}) {
  await db.insert(proxies).values({
    principalId,
    proxyId,
    scopes: values.scopes ?? ['cases', 'appointments', 'messages'],
    validFrom: values.validFrom ?? '2026-01-01',
    validUntil: values.validUntil ?? '2027-12-31',
  });
}
