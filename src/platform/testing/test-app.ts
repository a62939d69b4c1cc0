import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Writable } from 'node:stream';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { fixedClock } from '../clock.ts';
import { openDatabase } from '../db/connect.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { TEMPLATE_PATH } from './template.ts';

export type TestApp = {
  app: FastifyInstance;
  db: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  close: () => Promise<void>;
};

/**
 * A real server on a real database for one test file: a copy of the migrated
 * PGlite template, or the shared PostgreSQL in DATABASE_URL (tests then create
 * their own rows with the builders and never rely on others' data).
 */
export async function createTestApp(
  options: {
    now?: string;
    demoMode?: boolean;
    env?: Record<string, string>;
    logStream?: Writable;
    /**
     * PGlite on disk in this folder instead of in memory: the template is copied in when the folder
     * holds no database yet, else the database there is opened again (a restart). Ignored on
     * PostgreSQL, where every app opens the same DATABASE_URL anyway.
     */
    dataDir?: string;
    /** PostgreSQL only: connections in the pool (4 unless a test needs requests to really run at once). */
    poolSize?: number;
  } = {},
): Promise<TestApp> {
  const url = process.env.DATABASE_URL;
  const template = () => new Blob([fs.readFileSync(TEMPLATE_PATH)]);
  const db = url
    ? await openDatabase({ kind: 'postgres', url, poolSize: options.poolSize ?? 4 })
    : options.dataDir
      ? await openDatabase({ kind: 'pglite', dataDir: options.dataDir, loadDataDir: fs.existsSync(`${options.dataDir}/pgdata`) ? undefined : template() })
      : await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: template() });
  const clock = fixedClock(options.now ?? '2026-11-23T09:00:00Z');
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: String(options.demoMode ?? true),
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    ...options.env,
  });
  const app = await buildApp({ config, db, clock, isReady: () => true }, options.logStream ? { logStream: options.logStream } : { logger: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
