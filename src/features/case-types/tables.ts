import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { staff } from '../../platform/people/tables.ts';
import type { QuestionItem } from '../e-services/questions.ts';

/**
 * A unit's own case type (C2): its own questions, possibly under the same name as a
 * standard type, but never twice the same name at one unit. The service checks that
 * first (ignoring case, also for å, ä, ö); the index is the backstop when two requests
 * race.
 */
export const unitCaseTypes = pgTable(
  'unit_case_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    questions: jsonb('questions').$type<QuestionItem[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
  },
  (table) => [uniqueIndex('unit_case_types_unit_name').on(table.unitId, sql`lower(btrim(${table.name}))`)],
);

/**
 * The terms texts (villkorstexter) of a unit's own case type, every saved version (B5, C2).
 *
 * Own case types cannot use `terms_versions`: its `eservice_code` must name an entry of the
 * regional catalogue, and an own case type is not one (borrowing a standard code such as
 * kontakta_mig would mix the two services' version numbers). A text column on the case
 * type would lose the versions patients accepted. So the versions live here, one sequence
 * per case type; the current one is the highest version. A case of an own type records
 * the id of the version its patient accepted. (`unit_case_types.terms_version_id`, which
 * points into `terms_versions`, stays null for this reason.)
 */
export const caseTypeTermsVersions = pgTable(
  'case_type_terms_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseTypeId: uuid('case_type_id')
      .notNull()
      .references(() => unitCaseTypes.id),
    version: integer('version').notNull(),
    textSv: text('text_sv').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
  },
  (table) => [unique('case_type_terms_versions_type_version').on(table.caseTypeId, table.version)],
);
