import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The Drizzle handle every store function receives. It is the same type for the
 * outer database and for a transaction, so a store function cannot tell — and
 * must not care — whether it runs inside one. Services open the transaction.
 */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Database;

/** A raw session for the migration runner: one connection, plain SQL. */
export type SqlSession = {
  query: <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;
  exec: (sql: string) => Promise<void>;
  /** Runs fn in one transaction on this session. */
  transaction: (fn: (session: SqlSession) => Promise<void>) => Promise<void>;
  release: () => Promise<void>;
};

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Database;
  openSession: () => Promise<SqlSession>;
  ping: () => Promise<void>;
  /**
   * LISTEN on a channel: `onPayload` gets each NOTIFY's payload (after the sender's commit).
   * PostgreSQL: one dedicated connection, reconnected if it drops (`onReconnect` is told,
   * since notifications sent meanwhile are lost); PGlite: in-process. Returns a stop function.
   */
  listen: (channel: string, onPayload: (payload: string) => void, onReconnect?: () => void) => Promise<() => Promise<void>>;
  /** PGlite only: the whole database as a tarball, loadable with loadDataDir (test templates). */
  snapshot?: () => Promise<Blob>;
  close: () => Promise<void>;
};

/** Raw SQL with typed rows; both drivers answer { rows }. Prefer the query builder; this is for the odd statement it cannot express. */
export async function executeRows<Row>(db: Database, query: Parameters<Database['execute']>[0]): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Whether an error (as Drizzle wraps it, from either driver) is PostgreSQL's unique
 * violation (23505), optionally on one named constraint or index: the backstop that
 * turns a race the service's own check could not see into the same clear 409.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return isConstraintViolation(error, '23505', constraint);
}

/** The same for an exclusion constraint (23P01), e.g. two bookings of one time. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return isConstraintViolation(error, '23P01', constraint);
}

function isConstraintViolation(error: unknown, sqlState: string, constraint?: string): boolean {
  for (let current = error; current instanceof Error || (typeof current === 'object' && current !== null); current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (candidate.code === sqlState) {
      return constraint === undefined || candidate.constraint === constraint || String(candidate.message ?? '').includes(constraint);
    }
    if (!('cause' in candidate)) return false;
  }
  return false;
}
