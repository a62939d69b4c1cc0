import pino from 'pino';
import { systemClock } from '../platform/clock.ts';
import { databaseOptionsFrom, openDatabase } from '../platform/db/connect.ts';
import { DataDirLockedError } from '../platform/db/lockfile.ts';
import { migrate } from '../platform/db/migrate.ts';
import { startJobWorker, type JobWorker } from '../platform/jobs/worker.ts';
import { transportsFromConfig } from '../platform/notifications/transports/from-config.ts';
import { startOutboxWorker, type OutboxWorker } from '../platform/notifications/worker.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadContent } from './content.ts';

/**
 * The process (started by main.ts): configuration, database, migrations, demo data, HTTP, and an
 * orderly stop on SIGINT/SIGTERM (stop taking requests, finish those in flight,
 * checkpoint and close the database, release the data folder's lock).
 */
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const startedAt = performance.now();

async function main() {
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFrom(config));
  let ready = false;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    try {
      await app?.close();
    } finally {
      // The worker finishes the notification in hand before the database closes.
      await jobWorker?.stop().catch((error: unknown) => log.error({ err: error }, 'job worker did not stop cleanly'));
      await outboxWorker?.stop().catch((error: unknown) => log.error({ err: error }, 'outbox worker did not stop cleanly'));
      await db.close();
      log.info('stopped');
      process.exit(0);
    }
  };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let outboxWorker: OutboxWorker | undefined;
  let jobWorker: JobWorker | undefined;
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const session = await db.openSession();
  try {
    const applied = await migrate(session);
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
  } finally {
    await session.release();
  }
  await loadContent(db.db, systemClock, { demoMode: config.demoMode, log });
  app = await buildApp({ config, db, clock: systemClock, isReady: () => ready });
  await app.listen({ port: config.port, host: config.host });
  ready = true;
  const outboxLog = log.child({ component: 'outbox' });
  outboxWorker = startOutboxWorker({
    db: db.db,
    clock: systemClock,
    transports: transportsFromConfig(config.notifications, outboxLog),
    log: outboxLog,
    intervalMs: config.notifications.pollIntervalMs,
    publicUrl: config.notifications.publicUrl,
  });
  // After the app is built, so every feature's job handlers and recurring jobs (the self-monitoring
  // check, the clean-up of finished jobs) are registered; it first plans their next rounds.
  jobWorker = startJobWorker({ db: db.db, clock: systemClock, log: log.child({ component: 'jobs' }), pollMs: config.jobs.pollIntervalMs });
  log.info(
    {
      url: `http://localhost:${config.port}`,
      database: config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})`,
      demoMode: config.demoMode,
      notifications: config.notifications.transport,
      startupMs: Math.round(performance.now() - startedAt),
    },
    'Nära is ready',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    log.fatal(error.message);
  } else {
    log.fatal({ err: error }, 'could not start');
  }
  process.exit(1);
});
