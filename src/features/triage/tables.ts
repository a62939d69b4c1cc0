import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../platform/people/tables.ts';
import type { RoutingRule } from './routing.ts';

/**
 * Sök vård's own rows. Triage sessions themselves stay in process memory (sessions.ts); these
 * tables hold the region's routing rules and the anonymous outcome statistics.
 */

/**
 * The routing rules (G4), one row per saved version; the newest row is the current one. `rules`
 * null means "the region's standard" (content/triage/routing.json), written by "Återställ".
 * No row at all means the standard too.
 */
export const triageRoutingVersions = pgTable(
  'triage_routing_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Save order (the clock alone cannot order two saves in the same millisecond). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    rules: jsonb('rules').$type<RoutingRule[]>(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedByStaffId: uuid('saved_by_staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (table) => [index('triage_routing_versions_seq').on(table.seq)],
);

export const ageBands = ['0-1', '1-5', '6-12', '13-17', '18-39', '40-64', '65-79', '80+'] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * One row per finished assessment (issue 9 §8): no identity and no answers — the complaint, the
 * urgency, an age band and when (Stockholm date and hour). The id is random and known only to the
 * in-memory session, so a changed answer that leads to another outcome updates the same row.
 */
export const triageOutcomes = pgTable(
  'triage_outcomes',
  {
    id: uuid('id').primaryKey(),
    complaintId: text('complaint_id').notNull(),
    urgency: text('urgency').notNull(),
    ageBand: text('age_band').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    hour: smallint('hour').notNull(),
  },
  (table) => [
    check('triage_outcomes_urgency', sql`${table.urgency} in ('call-112', 'emergency-now', 'care-today', 'care-days', 'self-care')`),
    check('triage_outcomes_age_band', sql`${table.ageBand} in ('0-1', '1-5', '6-12', '13-17', '18-39', '40-64', '65-79', '80+')`),
    check('triage_outcomes_hour', sql`${table.hour} between 0 and 23`),
    index('triage_outcomes_occurred_on').on(table.occurredOn),
  ],
);
