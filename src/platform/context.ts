import type { FastifyRequest } from 'fastify';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';

/** What a service needs from the world: the database, the clock and the request's id for the audit log. */
export type ServiceContext = { db: Database; clock: Clock; requestId?: string };

export function contextOf(request: FastifyRequest): ServiceContext {
  return { db: request.server.deps.db.db, clock: request.server.deps.clock, requestId: request.id };
}
