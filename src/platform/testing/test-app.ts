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
  options: { now?: string; demoMode?: boolean; env?: Record<string, string>; logStream?: Writable } = {},
): Promise<TestApp> {
  const url = process.env.DATABASE_URL;
  const db = url
    ? await openDatabase({ kind: 'postgres', url, poolSize: 4 })
    : await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: new Blob([fs.readFileSync(TEMPLATE_PATH)]) });
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
