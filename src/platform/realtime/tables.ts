import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Everything pushed to browsers, kept for a day so a client that lost its connection can
 * ask for what it missed (resume). Rows hold ids and kinds only, never patient data: the
 * browser fetches what changed through the normal, access-checked API.
 */
export const realtimeEvents = pgTable(
  'realtime_events',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    /** person:<id>, staff:<id> or unit:<id>. */
    topic: text('topic').notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('realtime_events_topic_id').on(table.topic, table.id), index('realtime_events_created').on(table.createdAt)],
);
