import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../organisations/tables.ts';
import { persons, staff } from '../people/tables.ts';

/**
 * Server-side sessions. The cookie carries a random token; we store only its
 * SHA-256, so a copy of this table does not let anyone in.
 */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  kind: text('kind').notNull(),
  personId: uuid('person_id').references(() => persons.id),
  staffId: uuid('staff_id').references(() => staff.id),
  activeUnitId: uuid('active_unit_id').references(() => careUnits.id),
  actingForPersonId: uuid('acting_for_person_id').references(() => persons.id),
  authMethod: text('auth_method').notNull(),
  csrfToken: text('csrf_token').notNull(),
  idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

/** The seeded people one may log in as in demo mode. Never used outside demo mode. */
export const demoPersonas = pgTable('demo_personas', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  personId: uuid('person_id').references(() => persons.id),
  staffId: uuid('staff_id').references(() => staff.id),
  /** Which area the persona is meant to show: patient, staff or admin. */
  area: text('area').notNull(),
  titleSv: text('title_sv').notNull(),
  titleEn: text('title_en').notNull(),
  descriptionSv: text('description_sv').notNull(),
  descriptionEn: text('description_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
});
