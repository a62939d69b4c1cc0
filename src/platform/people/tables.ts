import { sql } from 'drizzle-orm';
import { boolean, check, date, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { careUnits, organisations } from '../organisations/tables.ts';

/** A person the region knows: patient, guardian, proxy. Identified by personnummer or samordningsnummer. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Twelve digits, no separator: YYYYMMDDNNNN. */
    identityNumber: text('identity_number').notNull().unique(),
    identityKind: text('identity_kind').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** Skyddad identitet / sekretessmarkering: address never shown, extra care in every view. */
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('persons_identity_kind_check', sql`${table.identityKind} in ('personnummer', 'samordningsnummer')`),
    check('persons_identity_number_check', sql`${table.identityNumber} ~ '^[0-9]{12}$'`),
  ],
);

/** A member of staff, identified by HSA-id (SITHS card). */
export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  hsaId: text('hsa_id').notNull().unique(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  profession: text('profession').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where a member of staff works, and as what. */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    roles: text('roles').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.unitId] })],
);

/** Administrators of a whole organisation (region or municipality). */
export const organisationRoles = pgTable(
  'organisation_roles',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.organisationId, table.role] })],
);

/** Vårdnadshavare ↔ barn. Whether the guardian may act for the child depends on the child's age (see access policy). */
export const guardianships = pgTable(
  'guardianships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => persons.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('guardianships_pair').on(table.guardianId, table.childId)],
);

/** Ombud: a person appointed to act for another within a scope until an end date. */
export const proxies = pgTable(
  'proxies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => persons.id),
    proxyId: uuid('proxy_id')
      .notNull()
      .references(() => persons.id),
    scopes: text('scopes').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('proxies_period_check', sql`${table.validUntil} >= ${table.validFrom}`)],
);
