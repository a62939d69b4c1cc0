import { doublePrecision, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import { careUnits } from '../../platform/organisations/tables.ts';

/**
 * What a citizen needs to know to find and reach a unit (B1). search_text is
 * kept by the service (name, place, kind, care offered, common abbreviations);
 * the migration adds a Swedish full-text vector generated from it and a trigram
 * index, so search is both stemmed and typo-tolerant.
 */
export const unitProfiles = pgTable('unit_profiles', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => careUnits.id),
  streetAddress: text('street_address').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  phone: text('phone').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  descriptionSv: text('description_sv').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  careOffered: text('care_offered').array().notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  searchText: text('search_text').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
