import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { needsTouch, sessionState, type SessionState } from './session-policy.ts';
import { sessions } from './tables.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionSettings = { patientIdleMinutes: number; staffIdleMinutes: number; absoluteHours: number };

export const SESSION_COOKIE = 'nara_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = {
  kind: 'citizen' | 'staff';
  personId?: string;
  staffId?: string;
  activeUnitId?: string | null;
  authMethod: 'demo' | 'bankid' | 'siths';
};

export async function createSession(tx: Tx, clock: Clock, settings: SessionSettings, input: NewSession) {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const idleMinutes = input.kind === 'citizen' ? settings.patientIdleMinutes : settings.staffIdleMinutes;
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      kind: input.kind,
      personId: input.personId ?? null,
      staffId: input.staffId ?? null,
      activeUnitId: input.activeUnitId ?? null,
      authMethod: input.authMethod,
      csrfToken: randomBytes(24).toString('base64url'),
      idleTimeoutSeconds: idleMinutes * 60,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + settings.absoluteHours * 3600_000),
    })
    .returning();
  return { token, session: row! };
}

export type LoadedSession = { state: 'active'; session: SessionRow } | { state: Exclude<SessionState, 'active'> | 'unknown' };

/**
 * Finds the session behind a cookie; ends it if it has timed out; keeps it alive if not —
 * unless the request is a page refreshing itself in the background (`touch: false`), which
 * must not keep an unattended session alive (A2, WCAG 2.2.1).
 */
export async function loadSession(tx: Tx, clock: Clock, token: string, options: { touch?: boolean } = {}): Promise<LoadedSession> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  if (!row) return { state: 'unknown' };
  const now = clock.now();
  const state = sessionState(row, now);
  if (state !== 'active') {
    if (state !== 'ended') await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, row.tokenHash));
    return { state };
  }
  if (options.touch !== false && needsTouch(row.lastSeenAt, now)) {
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, row.tokenHash));
    row.lastSeenAt = now;
  }
  return { state: 'active', session: row };
}

export async function endSession(tx: Tx, clock: Clock, tokenHash: string): Promise<void> {
  await tx.update(sessions).set({ endedAt: clock.now() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function updateSession(
  tx: Tx,
  tokenHash: string,
  changes: Partial<Pick<SessionRow, 'activeUnitId' | 'actingForPersonId'>>,
): Promise<void> {
  await tx.update(sessions).set(changes).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every open session of a person or a staff member ("log out everywhere"); returns how many. */
export async function endAllSessionsOf(tx: Tx, clock: Clock, who: { personId: string } | { staffId: string }): Promise<number> {
  const owner = 'personId' in who ? eq(sessions.personId, who.personId) : eq(sessions.staffId, who.staffId);
  const ended = await tx
    .update(sessions)
    .set({ endedAt: clock.now() })
    .where(and(owner, isNull(sessions.endedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/**
 * Which of these sessions are still active, in one query and without keeping any alive:
 * for long-lived connections (WebSockets) that must close when their session ends.
 */
export async function activeSessionTokens(tx: Tx, clock: Clock, tokens: string[]): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  const byHash = new Map(tokens.map((token) => [hashToken(token), token]));
  const rows = await tx.select().from(sessions).where(inArray(sessions.tokenHash, [...byHash.keys()]));
  const now = clock.now();
  return new Set(rows.filter((row) => sessionState(row, now) === 'active').map((row) => byHash.get(row.tokenHash)!));
}
