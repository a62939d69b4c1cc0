import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency keys (see idempotency.ts): the first successful answer to a request that
 * carried an `Idempotency-Key`, per key, actor and route, so a retry gets the same answer
 * and creates nothing new.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    /** The staff id or person id of whoever sent the request (keys are never shared between actors). */
    actorId: text('actor_id').notNull(),
    /** Method and route pattern, e.g. "POST /api/unit-admin/case-types". */
    route: text('route').notNull(),
    /** SHA-256 of the request body, so the same key with a different request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.actorId, table.route] })],
);
