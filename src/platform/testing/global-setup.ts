import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { TEMPLATE_PATH } from './template.ts';

/**
 * Runs once before the integration tests. On PostgreSQL it migrates the database
 * in DATABASE_URL. On PGlite it migrates one in-memory database and saves it, so
 * each test file starts from a copy in ~0.4 s instead of a 2–3 s initdb.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  const options: DatabaseOptions = url ? { kind: 'postgres', url, poolSize: 1 } : { kind: 'pglite', dataDir: undefined };
  const handle = await openDatabase(options);
  try {
    const session = await handle.openSession();
    try {
      await migrate(session);
    } finally {
      await session.release();
    }
    if (handle.snapshot) {
      const snapshot = await handle.snapshot();
      fs.mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
      fs.writeFileSync(TEMPLATE_PATH, Buffer.from(await snapshot.arrayBuffer()));
    }
  } finally {
    await handle.close();
  }
}
