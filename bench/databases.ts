import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerCleanup, throwIfAborted } from './cleanup.ts';
import { repoRoot } from './server-process.ts';

/**
 * The databases a run is measured on, each brand new and thrown away afterwards:
 * PGlite in a temporary data folder, PostgreSQL as a database nara_bench_<random>
 * on the local server when one answers.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export type BenchDatabase = {
  kind: DatabaseKind;
  /** E.g. "PGlite 0.5.16", "PostgreSQL 15.20". */
  name: string;
  /** What the server needs in its environment to use it. */
  env: Record<string, string>;
  /** Removes the folder or drops the database. Idempotent. */
  dispose: () => Promise<void>;
};

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const ADMIN_URL = `postgres://${POSTGRES.user}@${POSTGRES.host}:${POSTGRES.port}/postgres`;

export async function preparePglite(): Promise<BenchDatabase> {
  throwIfAborted();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nara-bench-'));
  const dispose = registerCleanup({
    label: `remove ${dir}`,
    run: () => fs.promises.rm(dir, { recursive: true, force: true }),
    runSync: () => fs.rmSync(dir, { recursive: true, force: true }),
  });
  const { version } = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  return { kind: 'pglite', name: `PGlite ${version}`, env: { DATA_DIR: dir }, dispose };
}

/** Whether PostgreSQL answers at 127.0.0.1:5432 and lets us in; the reason when not. */
export async function postgresAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await withAdmin(async () => {});
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `no PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} (${error instanceof Error ? error.message : String(error)})` };
  }
}

export async function preparePostgres(): Promise<BenchDatabase> {
  const database = `nara_bench_${randomBytes(4).toString('hex')}`;
  const drop = `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`;
  throwIfAborted();
  let version = '';
  await withAdmin(async (client) => {
    version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    await client.query(`CREATE DATABASE ${database}`);
  });
  const dispose = registerCleanup({
    label: `drop database ${database}`,
    run: () => withAdmin(async (client) => void (await client.query(drop))),
    runSync: () => {
      const result = spawnSync('psql', ['-h', POSTGRES.host, '-U', POSTGRES.user, '-d', 'postgres', '-c', drop], { timeout: 10_000 });
      if (result.status !== 0) process.stderr.write(`Could not drop ${database}; drop it by hand.\n`);
    },
  });
  return {
    kind: 'postgres',
    name: `PostgreSQL ${version.split(' ')[0]}`,
    env: { DATABASE_URL: `postgres://${POSTGRES.user}@${POSTGRES.host}:${POSTGRES.port}/${database}` },
    dispose,
  };
}

async function withAdmin(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
