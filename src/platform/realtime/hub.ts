import { and, asc, gt, inArray, lt } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../db/database.ts';
import { resumeFrom, type RealtimeEvent } from './model.ts';
import { REALTIME_CHANNEL } from './publish.ts';
import { realtimeEvents } from './tables.ts';

/** What a connection receives: events on its topics, or a request to catch up after a gap. */
export type Subscriber = { onEvent: (event: RealtimeEvent) => void; onGap: () => void };

const BACKLOG_LIMIT = 500;
const KEEP_EVENTS_MS = 24 * 3600_000;
const CLEANUP_EVERY_MS = 3600_000;

/**
 * One per server process: LISTENs for events every process publishes (PostgreSQL NOTIFY;
 * in-process on PGlite) and hands each to the connections subscribed to its topic.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private stopListening: (() => Promise<void>) | undefined;
  private cleanup: NodeJS.Timeout | undefined;

  private readonly handle: DatabaseHandle;
  private readonly now: () => Date;

  constructor(handle: DatabaseHandle, now: () => Date) {
    this.handle = handle;
    this.now = now;
  }

  async start(): Promise<void> {
    this.stopListening = await this.handle.listen(
      REALTIME_CHANNEL,
      (payload) => this.dispatch(JSON.parse(payload) as RealtimeEvent),
      // Notifications sent while the LISTEN connection was down are lost: everyone catches up from the table.
      () => this.everyone((subscriber) => subscriber.onGap()),
    );
    this.cleanup = setInterval(() => void this.deleteOldEvents().catch(() => {}), CLEANUP_EVERY_MS);
    this.cleanup.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.cleanup);
    await this.stopListening?.();
  }

  subscribe(topics: readonly string[], subscriber: Subscriber): () => void {
    for (const topic of topics) {
      const set = this.subscribers.get(topic) ?? new Set();
      set.add(subscriber);
      this.subscribers.set(topic, set);
    }
    return () => {
      for (const topic of topics) {
        const set = this.subscribers.get(topic);
        set?.delete(subscriber);
        if (set?.size === 0) this.subscribers.delete(topic);
      }
    };
  }

  /** The stored events on these topics after (about) the last one the client saw, oldest first. */
  async backlog(topics: readonly string[], lastSeenId: number | null): Promise<RealtimeEvent[]> {
    if (lastSeenId === null || topics.length === 0) return [];
    const rows = await (this.handle.db as Database)
      .select()
      .from(realtimeEvents)
      .where(and(inArray(realtimeEvents.topic, [...topics]), gt(realtimeEvents.id, resumeFrom(lastSeenId))))
      .orderBy(asc(realtimeEvents.id))
      .limit(BACKLOG_LIMIT);
    return rows.map((row) => ({ id: row.id, topic: row.topic, kind: row.kind, data: row.data, at: row.createdAt.toISOString() }));
  }

  connectionCount(): number {
    const all = new Set<Subscriber>();
    for (const set of this.subscribers.values()) for (const subscriber of set) all.add(subscriber);
    return all.size;
  }

  private dispatch(event: RealtimeEvent) {
    for (const subscriber of this.subscribers.get(event.topic) ?? []) subscriber.onEvent(event);
  }

  private everyone(fn: (subscriber: Subscriber) => void) {
    const all = new Set<Subscriber>();
    for (const set of this.subscribers.values()) for (const subscriber of set) all.add(subscriber);
    for (const subscriber of all) fn(subscriber);
  }

  private async deleteOldEvents() {
    await this.handle.db.delete(realtimeEvents).where(lt(realtimeEvents.createdAt, new Date(this.now().getTime() - KEEP_EVENTS_MS)));
  }
}
