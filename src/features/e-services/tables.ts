import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { staff } from '../../platform/people/tables.ts';
import type { PatientGroup } from './model.ts';
import type { QuestionItem } from './questions.ts';

/** The region's catalogue of standard e-services (B3), maintained by the region administrator. */
export const eservices = pgTable('eservices', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionSv: text('description_sv').notNull(),
  descriptionEn: text('description_en').notNull(),
  termsTemplateSv: text('terms_template_sv').notNull(),
  termsTemplateEn: text('terms_template_en').notNull(),
  appliesToUnitKinds: text('applies_to_unit_kinds').array().notNull(),
  basicOffering: boolean('basic_offering').notNull(),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every saved terms text, so a case can say exactly which version the patient accepted (B5). */
export const termsVersions = pgTable(
  'terms_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    eserviceCode: text('eservice_code')
      .notNull()
      .references(() => eservices.code),
    version: integer('version').notNull(),
    textSv: text('text_sv').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
  },
  (table) => [unique('terms_versions_unit_service_version').on(table.unitId, table.eserviceCode, table.version)],
);

/** An e-service at a unit: on, off or not applicable, for whom, with which terms and extra questions (B4, J1). */
export const unitEservices = pgTable(
  'unit_eservices',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    eserviceCode: text('eservice_code')
      .notNull()
      .references(() => eservices.code),
    status: text('status').notNull(),
    offeredByPhoneOrDesk: boolean('offered_by_phone_or_desk').notNull().default(false),
    notApplicableReason: text('not_applicable_reason'),
    patientGroup: jsonb('patient_group').$type<PatientGroup>().notNull(),
    extraQuestions: jsonb('extra_questions').$type<QuestionItem[]>().notNull().default(sql`'[]'::jsonb`),
    currentTermsVersionId: uuid('current_terms_version_id').references(() => termsVersions.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByStaffId: uuid('updated_by_staff_id').references(() => staff.id),
  },
  (table) => [
    primaryKey({ columns: [table.unitId, table.eserviceCode] }),
    check('unit_eservices_status_check', sql`${table.status} in ('active', 'inactive', 'not_applicable')`),
    check('unit_eservices_reason_check', sql`${table.status} <> 'not_applicable' or ${table.notApplicableReason} is not null`),
  ],
);
