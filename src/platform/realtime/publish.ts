import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { MAX_PAYLOAD_BYTES, splitForNotify, type RealtimeEvent, type RealtimePart, type Topic } from './model.ts';
import { realtimeEvents } from './tables.ts';

export const REALTIME_CHANNEL = 'nara_realtime';

/**
 * Publishes an event in the caller's transaction: stored (for resume) and announced with
 * NOTIFY, which PostgreSQL delivers to every server process only when the transaction
 * commits — a rolled-back change is never announced. Data: ids only, no patient data.
 */
export async function publishEvent(tx: Tx, clock: Clock, topic: Topic, kind: string, data: Record<string, unknown> = {}): Promise<void> {
  const createdAt = clock.now();
  const [row] = await tx.insert(realtimeEvents).values({ topic, kind, data, createdAt }).returning({ id: realtimeEvents.id });
  const event: RealtimeEvent = { id: row!.id, topic, kind, data, at: createdAt.toISOString() };
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`realtime event ${kind} too large for NOTIFY`);
  await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`);
}

/** The largest passing signal: a WebRTC offer or answer with room to spare (the socket's own limit is 64 KiB). */
export const MAX_SIGNAL_BYTES = 60 * 1024;

/**
 * A passing signal (someone is typing, a WebRTC offer for one participant): announced to
 * whoever listens now, not stored and not resumed. Its id is negative so clients neither
 * dedupe it away nor count it as the last event seen. One larger than a NOTIFY is sent as
 * parts in a single statement (delivered together, in order) and joined by the hub.
 */
export async function signalEvent(db: Database, clock: Clock, topic: Topic, kind: string, data: Record<string, unknown> = {}): Promise<void> {
  const id = -randomInt(1, 2 ** 47);
  const event: RealtimeEvent = { id, topic, kind, data, at: clock.now().toISOString() };
  const payload = JSON.stringify(event);
  const bytes = Buffer.byteLength(payload);
  if (bytes <= MAX_PAYLOAD_BYTES) {
    await db.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`);
    return;
  }
  if (bytes > MAX_SIGNAL_BYTES) throw new Error(`realtime signal ${kind} too large (${bytes} bytes)`);
  const pieces = splitForNotify(payload);
  const parts = pieces.map((text, n) => JSON.stringify({ part: { id, n, of: pieces.length, text } satisfies RealtimePart }));
  await db.execute(sql`select ${sql.join(
    parts.map((part) => sql`pg_notify(${REALTIME_CHANNEL}, ${part})`),
    sql`, `,
  )}`);
}
