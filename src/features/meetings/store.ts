import { and, asc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { ParticipantState } from './model.ts';
import { meetingMessages, meetingParticipants, meetings, meetingUnitSettings } from './tables.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type MessageRow = typeof meetingMessages.$inferSelect;

// ---- meetings ---------------------------------------------------------------------------

export async function insertMeeting(tx: Tx, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row!;
}

export async function updateMeeting(tx: Tx, id: string, values: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
  const [row] = await tx.update(meetings).set(values).where(eq(meetings.id, id)).returning();
  return row!;
}

/** With `forUpdate`, changes to one meeting (join, admit, end) are serialised on its row. */
export async function findMeeting(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow | undefined> {
  const query = tx.select().from(meetings).where(eq(meetings.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findMeetingOfAppointment(tx: Tx, appointmentId: string): Promise<MeetingRow | undefined> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.appointmentId, appointmentId));
  return row;
}

/** A unit's meetings planned in [from, to), and any still open whenever they were planned. */
export async function listUnitMeetings(tx: Tx, unitId: string, from: Date, to: Date): Promise<MeetingRow[]> {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.unitId, unitId), or(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to)), eq(meetings.status, 'open'))))
    .orderBy(asc(meetings.startsAt))
    .limit(500);
}

/** A patient's meetings that have not ended, and those that ended after `endedAfter`. */
export async function listPatientMeetings(tx: Tx, patientId: string, endedAfter: Date): Promise<MeetingRow[]> {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.patientId, patientId), or(ne(meetings.status, 'ended'), gte(meetings.endedAt, endedAfter))))
    .orderBy(asc(meetings.startsAt))
    .limit(100);
}

// ---- participants -------------------------------------------------------------------------

export async function listParticipants(tx: Tx, meetingId: string): Promise<ParticipantRow[]> {
  return tx.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId)).orderBy(asc(meetingParticipants.joinedAt));
}

export async function findParticipant(tx: Tx, meetingId: string, id: string): Promise<ParticipantRow | undefined> {
  const [row] = await tx
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.id, id)));
  return row;
}

export async function findParticipantOf(tx: Tx, meetingId: string, who: { personId: string } | { staffId: string }): Promise<ParticipantRow | undefined> {
  const match = 'personId' in who ? eq(meetingParticipants.personId, who.personId) : eq(meetingParticipants.staffId, who.staffId);
  const [row] = await tx
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), match));
  return row;
}

export async function insertParticipant(tx: Tx, values: typeof meetingParticipants.$inferInsert): Promise<ParticipantRow> {
  const [row] = await tx.insert(meetingParticipants).values(values).returning();
  return row!;
}

export async function updateParticipant(tx: Tx, id: string, values: Partial<typeof meetingParticipants.$inferInsert>): Promise<ParticipantRow> {
  const [row] = await tx.update(meetingParticipants).set(values).where(eq(meetingParticipants.id, id)).returning();
  return row!;
}

/** Waiting and admitted participants per meeting (for lists). */
export async function countByState(tx: Tx, meetingIds: string[]): Promise<Map<string, Partial<Record<ParticipantState, number>>>> {
  const counts = new Map<string, Partial<Record<ParticipantState, number>>>();
  if (meetingIds.length === 0) return counts;
  const rows = await tx
    .select({ meetingId: meetingParticipants.meetingId, state: meetingParticipants.state, n: sql<number>`count(*)::int` })
    .from(meetingParticipants)
    .where(inArray(meetingParticipants.meetingId, meetingIds))
    .groupBy(meetingParticipants.meetingId, meetingParticipants.state);
  for (const row of rows) counts.set(row.meetingId, { ...counts.get(row.meetingId), [row.state as ParticipantState]: row.n });
  return counts;
}

/**
 * Who may send signals in a meeting that has not ended: those let in, and those waiting (the
 * relay lets a waiting guest reach the host only, for the ID check; invitation-model.ts
 * maySignal). One small indexed query; the relay caches it for a moment (signals.ts).
 */
export async function signalMembersOfLiveMeeting(tx: Tx, meetingId: string) {
  return tx
    .select({
      id: meetingParticipants.id,
      personId: meetingParticipants.personId,
      staffId: meetingParticipants.staffId,
      clientId: meetingParticipants.clientId,
      state: meetingParticipants.state,
      role: meetingParticipants.role,
      requiredIdentification: meetings.requiredIdentification,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
    .where(and(eq(meetingParticipants.meetingId, meetingId), inArray(meetingParticipants.state, ['admitted', 'waiting']), ne(meetings.status, 'ended')));
}

// ---- chat -----------------------------------------------------------------------------------

export async function insertMessage(tx: Tx, values: typeof meetingMessages.$inferInsert): Promise<MessageRow> {
  const [row] = await tx.insert(meetingMessages).values(values).returning();
  return row!;
}

export async function listMessages(tx: Tx, meetingId: string): Promise<MessageRow[]> {
  return tx.select().from(meetingMessages).where(eq(meetingMessages.meetingId, meetingId)).orderBy(asc(meetingMessages.seq)).limit(1000);
}

// ---- unit settings ----------------------------------------------------------------------------

export async function findUnitSettings(tx: Tx, unitId: string) {
  const [row] = await tx.select().from(meetingUnitSettings).where(eq(meetingUnitSettings.unitId, unitId));
  return row;
}

export async function saveUnitSettings(tx: Tx, unitId: string, screenSharingAllowed: boolean, staffId: string, at: Date): Promise<void> {
  await tx
    .insert(meetingUnitSettings)
    .values({ unitId, screenSharingAllowed, decidedByStaffId: staffId, decidedAt: at })
    .onConflictDoUpdate({ target: meetingUnitSettings.unitId, set: { screenSharingAllowed, decidedByStaffId: staffId, decidedAt: at } });
}
