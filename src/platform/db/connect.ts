import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle, SqlSession } from './database.ts';
import { acquireDataDirLock } from './lockfile.ts';

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined: in memory (tests). */
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    openSession: async () => {
      const client = await pool.connect();
      const session: SqlSession = {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        exec: async (sql) => {
          await client.query(sql);
        },
        transaction: async (fn) => {
          await client.query('BEGIN');
          try {
            await fn(session);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        },
        release: async () => client.release(),
      };
      return session;
    },
    ping: async () => {
      await pool.query('select 1');
    },
    listen: (channel, onPayload, onReconnect) => listenOnPostgres(url, channel, onPayload, onReconnect),
    close: async () => {
      await pool.end();
    },
  };
}

async function openPglite(options: { dataDir: string | undefined; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(options.dataDir ? `${options.dataDir}/pgdata` : undefined, {
      loadDataDir: options.loadDataDir,
      // Extensions the migrations create must be loaded into PGlite's WASM build first.
      extensions: { pg_trgm, btree_gist },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Database;
  // PGlite is one session: the "session" is the instance itself. Its transaction()
  // holds PGlite's mutex for the whole callback, so nothing else interleaves.
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): SqlSession => ({
    query: async (sql, params) => (await target.query(sql, params)).rows as never,
    exec: async (sql) => {
      await target.exec(sql);
    },
    transaction: async (fn) => {
      await client.transaction(async (tx) => fn(wrap(tx)));
    },
    release: async () => {},
  });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    openSession: async () => wrap(client),
    ping: async () => {
      await client.query('select 1');
    },
    snapshot: async () => client.dumpDataDir('none'),
    listen: async (channel, onPayload) => {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => {
        if (!closed) await unsubscribe();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        // Write everything to the data files so the next start does not replay WAL.
        if (options.dataDir) await client.exec('CHECKPOINT');
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

const LISTEN_RETRY_MS = 1000;

/**
 * A connection of its own for LISTEN (a pooled one would be handed to queries). If it
 * drops it is opened again after a second, and the caller is told so it can catch up.
 */
async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let stopped = false;
  let current: pg.Client | undefined;
  const connect = async (isReconnect: boolean): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    client.on('error', () => {
      if (stopped || current !== client) return;
      current = undefined;
      void client.end().catch(() => {});
      setTimeout(() => void retry(), LISTEN_RETRY_MS);
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    current = client;
    if (isReconnect) onReconnect?.();
  };
  const retry = async () => {
    if (stopped) return;
    try {
      await connect(true);
    } catch {
      setTimeout(() => void retry(), LISTEN_RETRY_MS);
    }
  };
  await connect(false);
  return async () => {
    stopped = true;
    const client = current;
    current = undefined;
    await client?.end().catch(() => {});
  };
}

/** Reads the database choice from configuration: PostgreSQL when a URL is set. */
export function databaseOptionsFrom(config: { databaseUrl: string | undefined; dataDir: string | undefined }): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}
