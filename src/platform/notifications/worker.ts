import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { startPoller } from '../poller.ts';
import { onOutboxNudge } from './outbox.ts';
import { afterFailure, shortError } from './retry.ts';
import { claimDueRows, markFailed, markRetry, markSent, type ClaimedRow } from './store.ts';
import { SINK_NAME } from './transports/sink.ts';
import { isTemplateCode, renderNotification, type RenderedNotification } from './templates.ts';
import type { Transports } from './transports/types.ts';

/**
 * Delivers the outbox. Never inside a long transaction: rows are claimed in one statement
 * (a lease, see claimDueRows), sent with no transaction open — on PGlite the process has one
 * database session, and a transaction held across an SMTP conversation would stall every
 * request — and each outcome is written in a statement of its own. Delivery is at least once:
 * a crash between sending and recording means the notification is sent again after the lease.
 */
export type WorkerLog = {
  info: (object: object, message: string) => void;
  warn: (object: object, message: string) => void;
  error: (object: object, message: string) => void;
};

export type DeliverOptions = {
  /** The address the texts link to (config.notifications.publicUrl). */
  publicUrl: string;
  /** How many notifications one call claims at most. */
  batchSize?: number;
  /** A send that takes longer counts as failed (and is retried). */
  sendTimeoutMs?: number;
  /**
   * Only the notifications to these people. The worker takes everything due; tests that share
   * a PostgreSQL database with other test files deliver only their own (as runDueJobs' `keys`).
   */
  recipientPersonIds?: string[];
  log?: WorkerLog;
};

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number };

const DEFAULT_BATCH_SIZE = 10;
const DEFAULT_SEND_TIMEOUT_MS = 60_000;
/** Long enough for a whole batch of slow sends; a claimed row becomes due again after it. */
const LEASE_MS = 15 * 60_000;

/** A failure that trying again cannot cure. */
class Permanent extends Error {}

class SendTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new SendTimeout(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The row's text; a template or params it cannot be rendered with will never send. */
function render(row: ClaimedRow, publicUrl: string): RenderedNotification {
  if (!isTemplateCode(row.template)) throw new Permanent(`unknown template ${row.template}`);
  try {
    return renderNotification(row.template, row.channel === 'sms' ? 'sms' : 'email', { publicUrl, params: row.params });
  } catch (error) {
    throw new Permanent(`cannot render ${row.template}: ${error instanceof Error ? error.message.split('\n')[0] : 'invalid params'}`);
  }
}

/** Sends one claimed notification; resolves with the transport's name, or throws. */
async function sendOne(row: ClaimedRow, transports: Transports, publicUrl: string, timeoutMs: number): Promise<string> {
  const rendered = render(row, publicUrl);
  if (row.channel === 'email') {
    await withTimeout(transports.email.send({ outboxId: row.id, to: row.address, subject: rendered.subject ?? '', text: rendered.text }), timeoutMs);
    return transports.email.name;
  }
  if (!transports.sms) throw new Permanent('no SMS transport configured');
  await withTimeout(transports.sms.send({ outboxId: row.id, to: row.address, text: rendered.text }), timeoutMs);
  return transports.sms.name;
}

/** Claims the due notifications and delivers them: sent, or retried later with backoff, or failed after the last attempt. */
export async function deliverDue(db: Database, clock: Clock, transports: Transports, options: DeliverOptions): Promise<DeliveryReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const claimedAt = clock.now();
  const rows = await claimDueRows(db, claimedAt, new Date(claimedAt.getTime() + LEASE_MS), batchSize, options.recipientPersonIds);
  const report: DeliveryReport = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    try {
      const deliveredBy = await sendOne(row, transports, options.publicUrl, options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS);
      await markSent(db, row.id, clock.now(), deliveredBy, { keepInvitationLink: deliveredBy === SINK_NAME });
      report.sent++;
    } catch (error) {
      const lastError = shortError(error, row.address);
      const outcome = error instanceof Permanent ? ({ status: 'failed' } as const) : afterFailure(row.attempts, clock.now());
      if (outcome.status === 'failed') {
        await markFailed(db, row.id, lastError);
        report.failed++;
        options.log?.error({ outboxId: row.id, channel: row.channel, attempts: row.attempts, error: lastError }, 'notification failed for good');
      } else {
        await markRetry(db, row.id, outcome.nextAttemptAt, lastError);
        report.retried++;
        options.log?.warn(
          { outboxId: row.id, channel: row.channel, attempts: row.attempts, nextAttemptAt: outcome.nextAttemptAt.toISOString(), error: lastError },
          'notification not delivered, will retry',
        );
      }
    }
  }
  return report;
}

export type OutboxWorker = {
  /** Stops polling, waits for the batch in hand and closes the transports. */
  stop: () => Promise<void>;
  /** Deliver now rather than at the next poll (also reached through nudgeOutbox()). */
  nudge: () => void;
};

/**
 * Runs deliverDue at once, then every intervalMs and whenever nudged, until stopped
 * (platform/poller.ts): a full batch is followed at once by the next; errors (the database, say)
 * are logged and the next poll tries again. Started by server/serve.ts after the app listens;
 * tests do not start it.
 */
export function startOutboxWorker(options: {
  db: Database;
  clock: Clock;
  transports: Transports;
  log: WorkerLog;
  intervalMs: number;
  publicUrl: string;
  batchSize?: number;
}): OutboxWorker {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const poller = startPoller({
    intervalMs: options.intervalMs,
    round: async () =>
      (await deliverDue(options.db, options.clock, options.transports, { publicUrl: options.publicUrl, batchSize, log: options.log })).claimed >= batchSize,
    onError: (error) => options.log.error({ err: error }, 'outbox delivery round failed'),
  });
  const stopListening = onOutboxNudge(poller.nudge);
  let stopped = false;
  return {
    nudge: poller.nudge,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      stopListening();
      await poller.stop();
      await options.transports.email.close?.();
      await options.transports.sms?.close?.();
    },
  };
}
