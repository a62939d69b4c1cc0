import fs from 'node:fs';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { parseIdentityNumber } from '../../lib/personnummer.ts';
import { careRelations } from '../access/tables.ts';
import { demoPersonas } from '../auth/tables.ts';
import type { Database } from '../db/database.ts';
import { careUnits, organisations } from '../organisations/tables.ts';
import { personContactDetails } from '../notifications/tables.ts';
import { guardianships, organisationRoles, persons, proxies, staff, staffMemberships } from '../people/tables.ts';
import { regionFileSchema, type RegionFile } from './region-file.ts';

export const demoRegionPath = path.resolve(import.meta.dirname, '../../../content/demo-region/region.json');

export function readRegionFile(file = demoRegionPath): RegionFile {
  return regionFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Loads the demo region into an empty database, in one transaction. Returns counts, or null if data was already there. */
export async function loadDemoRegionIfEmpty(db: Database, file = demoRegionPath) {
  const region = readRegionFile(file);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(organisations);
    if (existing!.n > 0) return null;
    const ids = new Map<string, string>();
    const idOf = (kind: string, key: string) => {
      const id = ids.get(`${kind}:${key}`);
      if (!id) throw new Error(`demo region: unknown ${kind} "${key}"`);
      return id;
    };

    for (const organisation of region.organisations) {
      const { key, ...values } = organisation;
      const [row] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
      ids.set(`organisation:${key}`, row!.id);
    }
    for (const unit of region.units) {
      const { key, organisation, ...values } = unit;
      const [row] = await tx.insert(careUnits).values({ ...values, organisationId: idOf('organisation', organisation) }).returning({ id: careUnits.id });
      ids.set(`unit:${key}`, row!.id);
    }
    for (const member of region.staff) {
      const { key, memberships, administers, ...values } = member;
      const [row] = await tx.insert(staff).values(values).returning({ id: staff.id });
      ids.set(`staff:${key}`, row!.id);
      for (const membership of memberships) {
        await tx.insert(staffMemberships).values({ staffId: row!.id, unitId: idOf('unit', membership.unit), roles: membership.roles });
      }
      for (const organisation of administers) {
        await tx.insert(organisationRoles).values({ staffId: row!.id, organisationId: idOf('organisation', organisation), role: 'organisation_admin' });
      }
    }
    for (const person of region.persons) {
      const identity = parseIdentityNumber(person.identityNumber);
      if (!identity) throw new Error(`demo region: invalid identity number for "${person.key}"`);
      const [row] = await tx
        .insert(persons)
        .values({
          identityNumber: identity.normalised,
          identityKind: identity.kind,
          givenName: person.givenName,
          familyName: person.familyName,
          birthDate: identity.birthDate,
          protectedIdentity: person.protectedIdentity,
        })
        .returning({ id: persons.id });
      ids.set(`person:${person.key}`, row!.id);
      for (const relation of person.careRelations) {
        await tx.insert(careRelations).values({ unitId: idOf('unit', relation.unit), patientId: row!.id, kind: relation.kind });
      }
      if (person.contactDetails) {
        const { email, mobile, notifyByEmail, notifyBySms } = person.contactDetails;
        await tx.insert(personContactDetails).values({ personId: row!.id, email: email ?? null, mobile: mobile ?? null, notifyByEmail, notifyBySms, updatedAt: sql`now()` });
      }
    }
    for (const { guardian, child } of region.guardianships) {
      await tx.insert(guardianships).values({ guardianId: idOf('person', guardian), childId: idOf('person', child) });
    }
    for (const proxy of region.proxies) {
      await tx.insert(proxies).values({
        principalId: idOf('person', proxy.principal),
        proxyId: idOf('person', proxy.proxy),
        scopes: proxy.scopes,
        validFrom: proxy.validFrom,
        validUntil: proxy.validUntil,
      });
    }
    for (const [index, persona] of region.personas.entries()) {
      await tx.insert(demoPersonas).values({
        id: persona.id,
        kind: persona.kind,
        personId: persona.person ? idOf('person', persona.person) : null,
        staffId: persona.staff ? idOf('staff', persona.staff) : null,
        area: persona.area,
        titleSv: persona.title.sv,
        titleEn: persona.title.en,
        descriptionSv: persona.description.sv,
        descriptionEn: persona.description.en,
        sortOrder: index,
      });
    }
    return { organisations: region.organisations.length, units: region.units.length, staff: region.staff.length, persons: region.persons.length };
  });
}
