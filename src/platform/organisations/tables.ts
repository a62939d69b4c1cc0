import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { careUnitKinds, organisationKinds } from './model.ts';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Organisationsnummer, e.g. 232100-0000. */
    organisationNumber: text('organisation_number').notNull().unique(),
    /** Seed 001: 1 information exchange (all), 2 school health journal, 3 municipal health care journal. */
    optionPackages: integer('option_packages').array().notNull().default(sql`'{}'::integer[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('organisations_kind_check', inList('kind', organisationKinds))],
);

export const careUnits = pgTable(
  'care_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** HSA-id, the national directory's id of the unit, e.g. SE2321000000-E001. */
    hsaId: text('hsa_id').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The place (ort) the unit is in, used in lists and search. */
    locality: text('locality').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('care_units_kind_check', inList('kind', careUnitKinds))],
);
