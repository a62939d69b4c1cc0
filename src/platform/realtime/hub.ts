import { and, asc, gt, inArray, lt } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../db/database.ts';
import { PartAssembler, resumeFrom, type RealtimeEvent, type RealtimePart } from './model.ts';
import { REALTIME_CHANNEL } from './publish.ts';
import { realtimeEvents } from './tables.ts';

/** What a connection receives: events on its topics, or a request to catch up after a gap. */
export type Subscriber = { onEvent: (event: RealtimeEvent) => void; onGap: () => void };

const BACKLOG_LIMIT = 500;
const SESSION_RECHECK_MS = 60_000;
/** Token hashes per query when re-checking sessions (PostgreSQL takes far more; this keeps statements small). */
const SESSION_CHECK_BATCH = 1000;
const KEEP_EVENTS_MS = 24 * 3600_000;
const CLEANUP_EVERY_MS = 3600_000;

/**
 * One per server process: LISTENs for events every process publishes (PostgreSQL NOTIFY;
 * in-process on PGlite) and hands each to the connections subscribed to its topic.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly parts = new PartAssembler();
  private stopListening: (() => Promise<void>) | undefined;
  private cleanup: NodeJS.Timeout | undefined;
  private sessionCheck: NodeJS.Timeout | undefined;
  /** Open sockets by session token, each with how to close it when the session ends. */
  private readonly sessionBound = new Map<string, Set<() => void>>();

  private readonly handle: DatabaseHandle;
  private readonly now: () => Date;
  /** Which of these session tokens are still active (the auth platform decides). */
  private readonly activeTokens: (tokens: string[]) => Promise<Set<string>>;

  constructor(handle: DatabaseHandle, now: () => Date, activeTokens: (tokens: string[]) => Promise<Set<string>>) {
    this.handle = handle;
    this.now = now;
    this.activeTokens = activeTokens;
  }

  async start(): Promise<void> {
    this.stopListening = await this.handle.listen(
      REALTIME_CHANNEL,
      (payload) => this.receive(payload),
      // Notifications sent while the LISTEN connection was down are lost: everyone catches up from the table.
      () => this.everyone((subscriber) => subscriber.onGap()),
    );
    this.cleanup = setInterval(() => void this.deleteOldEvents().catch(() => {}), CLEANUP_EVERY_MS);
    this.cleanup.unref();
    this.sessionCheck = setInterval(() => void this.closeEndedSessions().catch(() => {}), SESSION_RECHECK_MS);
    this.sessionCheck.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.cleanup);
    clearInterval(this.sessionCheck);
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

  /**
   * A socket outlives requests, so it must end when its session does. One check per process
   * for all its sockets (one query per thousand sessions), rather than a query per socket.
   */
  bindToSession(token: string, close: () => void): () => void {
    const closers = this.sessionBound.get(token) ?? new Set();
    closers.add(close);
    this.sessionBound.set(token, closers);
    return () => {
      closers.delete(close);
      if (closers.size === 0) this.sessionBound.delete(token);
    };
  }

  async closeEndedSessions(): Promise<void> {
    const tokens = [...this.sessionBound.keys()];
    if (tokens.length === 0) return;
    for (let offset = 0; offset < tokens.length; offset += SESSION_CHECK_BATCH) {
      const batch = tokens.slice(offset, offset + SESSION_CHECK_BATCH);
      const active = await this.activeTokens(batch);
      for (const token of batch) if (!active.has(token)) for (const close of this.sessionBound.get(token) ?? []) close();
    }
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

  /** A NOTIFY payload: an event, or one part of a large passing signal (joined here, then handed on whole). */
  private receive(payload: string) {
    const message = JSON.parse(payload) as RealtimeEvent | { part: RealtimePart };
    if (!('part' in message)) return this.dispatch(message);
    // Wall time, not the app clock: this is how long a transport waits for its pieces.
    const whole = this.parts.add(message.part, Date.now());
    if (whole !== null) this.dispatch(JSON.parse(whole) as RealtimeEvent);
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
