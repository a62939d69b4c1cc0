/**
 * Anonymous triage sessions, kept in this process's memory: a session is a complaint, an
 * age and sex and the answers — no identity — and lives 2 hours after its last step. This is
 * enough for one server process; with several processes behind a load balancer, sessions need
 * sticky routing or a table (see ARCHITECTURE.md, "Sök vård"). Bounded: the oldest sessions are
 * dropped beyond MAX_SESSIONS.
 */
import type { TriageState, Urgency } from './model.ts';

export type StoredSession = {
  id: string;
  state: TriageState;
  lang: 'sv' | 'en';
  position?: { lat: number; lon: number };
  createdAt: Date;
  touchedAt: Date;
  outcome?: { urgency: Urgency; at: Date };
  /** The random id of this session's anonymous row in triage_outcomes (statistics.ts), once it has an outcome. */
  statisticsId?: string;
};

export const SESSION_TTL_MS = 2 * 60 * 60 * 1000;
export const MAX_SESSIONS = 100_000;

export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  get(id: string, now: Date): StoredSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (now.getTime() - session.touchedAt.getTime() > SESSION_TTL_MS) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  save(session: StoredSession, now: Date) {
    session.touchedAt = now;
    // Re-inserting keeps the Map in last-touched order, so the first entries are the oldest.
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
  }

  get size() {
    return this.sessions.size;
  }
}
