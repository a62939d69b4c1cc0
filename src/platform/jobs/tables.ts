import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Scheduled jobs (reminders, later checks), durable in the database so they survive a
 * restart and run once across several server processes (`for update skip locked`). A job
 * is scheduled in the same transaction as the change that causes it; `key` names it, so
 * scheduling again replaces the pending one and cancelling finds it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which handler runs it, e.g. appointment-reminder. */
    name: text('name').notNull(),
    /** Unique among jobs, e.g. appointment-reminder:<appointment id>. */
    key: text('key').notNull().unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** While a worker runs it; a crashed worker's job is taken again after this. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    check('jobs_status', sql`${table.status} in ('pending', 'done', 'failed', 'cancelled')`),
    index('jobs_due').on(table.runAt).where(sql`${table.status} = 'pending'`),
  ],
);
