import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { idempotencyKeys } from './tables.ts';

/**
 * Idempotency keys for requests that create something (IETF draft "The Idempotency-Key
 * HTTP Header Field"). A client that may retry — a flaky mobile network, a double click —
 * sends `Idempotency-Key: <unique string>`; a retry with the same key by the same actor
 * on the same route gets the first answer back (same status and body, plus
 * `Idempotent-Replayed: true`) and creates nothing new.
 *
 * How to use it in a feature:
 *   route:   schema: { headers: idempotencyHeadersSchema, ... }
 *            const scope = idempotencyScope(request, actor);
 *            const result = await createThing(contextOf(request), actor, request.body, scope);
 *            return sendIdempotent(reply, result);
 *   service: return context.db.transaction((tx) => idempotent(tx, context.clock, scope, 201, async () => { ...create, audit...; return body; }));
 *
 * - The record is written in the same transaction as the change, so either both commit or
 *   neither: a failed attempt (any error) stores nothing and may be retried with the same key.
 * - Requests with the same key are serialised by a transaction-scoped advisory lock, so two
 *   concurrent retries cannot both create (on PostgreSQL with several processes too).
 * - The same key with a different body is refused (422 `idempotency_key_reused`).
 * - Keys are kept for 24 hours; after that the key counts as new. Without the header the
 *   request is simply not idempotent.
 * - The body must be plain JSON (ISO strings, not Dates): a replay returns it as stored.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

// Two-int advisory locks live in their own key space, apart from the audit chain's one-bigint lock.
const IDEMPOTENCY_LOCK_CLASS = 7_361_003;

/** Header schema for a route that accepts a key; loose, so the other headers stay as they are. */
export const idempotencyHeadersSchema = z.looseObject({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .regex(/^[\x21-\x7e]{8,255}$/, 'Idempotency-Key: 8–255 visible ASCII characters, e.g. a UUID')
    .optional(),
});

export type IdempotencyScope = { key: string; actorId: string; route: string; requestHash: string };
export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

function actorIdOf(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `staff:${actor.staffId}`;
    case 'citizen':
      return `person:${actor.personId}`;
    case 'system':
      return `system:${actor.name}`;
  }
}

/** The scope of a request's key, or null when it sent none. */
export function idempotencyScope(request: FastifyRequest, actor: Actor): IdempotencyScope | null {
  const header = request.headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) return null;
  return {
    key,
    actorId: actorIdOf(actor),
    route: `${request.method} ${request.routeOptions.url ?? request.url}`,
    // The path's ids count as part of the request: the same key and body sent to another
    // booking or case (…/:id/cancel) is another request, not a retry of the first.
    requestHash: createHash('sha256')
      .update(JSON.stringify({ params: request.params ?? null, body: request.body ?? null }))
      .digest('hex'),
  };
}

/**
 * Runs `create` once per key. Call it inside the service's transaction, around everything
 * the request changes (including its audit row).
 */
export async function idempotent<T>(tx: Tx, clock: Clock, scope: IdempotencyScope | null, status: number, create: () => Promise<T>): Promise<IdempotentResult<T>> {
  if (!scope) return { status, body: await create(), replayed: false };
  const lockName = `${scope.actorId}\n${scope.route}\n${scope.key}`;
  await tx.execute(sql`select pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}, hashtext(${lockName}))`);
  const where = and(eq(idempotencyKeys.key, scope.key), eq(idempotencyKeys.actorId, scope.actorId), eq(idempotencyKeys.route, scope.route));
  const [stored] = await tx.select().from(idempotencyKeys).where(where);
  const now = clock.now();
  if (stored && now.getTime() - stored.createdAt.getTime() < IDEMPOTENCY_TTL_MS) {
    if (stored.requestHash !== scope.requestHash) {
      throw new AppError('idempotency_key_reused', 422, {
        sv: 'Samma Idempotency-Key har redan använts för en annan begäran. Använd en ny nyckel.',
        en: 'This Idempotency-Key was already used for a different request. Use a new key.',
      });
    }
    return { status: stored.status, body: stored.response as T, replayed: true };
  }
  const body = await create();
  const values = { ...scope, status, response: body as unknown, createdAt: now };
  await tx
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoUpdate({ target: [idempotencyKeys.key, idempotencyKeys.actorId, idempotencyKeys.route], set: values });
  return { status, body, replayed: false };
}

/** Sends an idempotent result: its status, and `Idempotent-Replayed: true` on a replay. */
export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  reply.status(result.status);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.body;
}
