import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SqlSession } from './database.ts';

/**
 * Our migration runner. Drizzle's own migrator takes no lock and silently skips a
 * migration whose timestamp is older than the newest applied one (drizzle#874,
 * #5769); in a care system both are unacceptable. This one:
 * - holds a PostgreSQL advisory lock, so two starting servers never migrate at once;
 * - records each file's SHA-256 and refuses to start if an applied file was edited;
 * - refuses a new file that sorts before the newest applied one (out of order);
 * - applies each file in its own transaction.
 */
export const migrationsFolder = path.resolve(import.meta.dirname, '../../../db/migrations');
const ADVISORY_LOCK_KEY = 7_361_002_117; // "Nära migrations"; any constant unique to this app

export class MigrationError extends Error {}

export type MigrationFile = { name: string; sql: string; sha256: string };

export function readMigrationFiles(folder = migrationsFolder): MigrationFile[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(folder, name), 'utf8');
      return { name, sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Pure: which files to apply, or why we must not. */
export function planMigrations(files: MigrationFile[], applied: { name: string; sha256: string }[]): MigrationFile[] {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!file) throw new MigrationError(`Applied migration ${row.name} is missing from db/migrations.`);
    if (file.sha256 !== row.sha256) {
      throw new MigrationError(`Migration ${row.name} was changed after it was applied; write a new migration instead.`);
    }
  }
  const appliedNames = new Set(applied.map((row) => row.name));
  const newestApplied = applied.map((row) => row.name).sort().at(-1);
  const pending = files.filter((file) => !appliedNames.has(file.name));
  const outOfOrder = newestApplied ? pending.filter((file) => file.name < newestApplied) : [];
  if (outOfOrder.length > 0) {
    throw new MigrationError(
      `Migration ${outOfOrder.map((f) => f.name).join(', ')} sorts before the already applied ${newestApplied}; ` +
        'rename it so that it comes last.',
    );
  }
  return pending;
}

export async function migrate(session: SqlSession, folder = migrationsFolder): Promise<string[]> {
  await session.query('select pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await session.exec(`create table if not exists nara_migrations (
      name text primary key,
      sha256 text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = await session.query<{ name: string; sha256: string }>('select name, sha256 from nara_migrations');
    const pending = planMigrations(readMigrationFiles(folder), applied);
    for (const file of pending) {
      await session.transaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.query('insert into nara_migrations (name, sha256) values ($1, $2)', [file.name, file.sha256]);
      });
    }
    return pending.map((file) => file.name);
  } finally {
    await session.query('select pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}
