import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { persons } from '../../platform/people/tables.ts';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import { RECENT_CHATS } from './model.ts';
import { chatHours, chatMessages, chatParticipants, chatReadPositions, chats } from './tables.ts';

export type ChatRow = typeof chats.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type ParticipantRow = typeof chatParticipants.$inferSelect;

// ---- hours ------------------------------------------------------------------------------

export async function findChatHours(tx: Tx, unitId: string): Promise<OpeningHours | null> {
  const [row] = await tx.select({ hours: chatHours.hours }).from(chatHours).where(eq(chatHours.unitId, unitId));
  return row?.hours ?? null;
}

export async function saveChatHours(tx: Tx, unitId: string, hours: OpeningHours, at: Date, staffId: string | null): Promise<void> {
  await tx
    .insert(chatHours)
    .values({ unitId, hours, updatedAt: at, updatedByStaffId: staffId })
    .onConflictDoUpdate({ target: chatHours.unitId, set: { hours, updatedAt: at, updatedByStaffId: staffId } });
}

export async function countChatHours(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(chatHours);
  return row?.n ?? 0;
}

// ---- chats ------------------------------------------------------------------------------

export async function insertChat(tx: Tx, values: typeof chats.$inferInsert): Promise<ChatRow> {
  const [row] = await tx.insert(chats).values(values).returning();
  return row!;
}

export async function updateChat(tx: Tx, id: string, values: Partial<typeof chats.$inferInsert>): Promise<ChatRow> {
  const [row] = await tx.update(chats).set(values).where(eq(chats.id, id)).returning();
  return row!;
}

export async function findChat(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ChatRow | undefined> {
  const query = tx.select().from(chats).where(eq(chats.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findLiveChat(tx: Tx, patientId: string, unitId: string): Promise<ChatRow | undefined> {
  const [row] = await tx
    .select()
    .from(chats)
    .where(and(eq(chats.patientId, patientId), eq(chats.unitId, unitId), inArray(chats.status, ['queued', 'active'])));
  return row;
}

export async function listPatientChats(tx: Tx, patientId: string, liveOnly: boolean): Promise<ChatRow[]> {
  return tx
    .select()
    .from(chats)
    .where(and(eq(chats.patientId, patientId), liveOnly ? inArray(chats.status, ['queued', 'active']) : undefined))
    .orderBy(desc(chats.queuedAt))
    .limit(50);
}

/** The unit's queue (unordered; the model orders it). */
export async function listQueued(tx: Tx, unitId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(chats)
    .where(and(eq(chats.unitId, unitId), eq(chats.status, 'queued')))
    .orderBy(asc(chats.queuedAt))
    .limit(500);
}

/** The queue locked for taking; a concurrent taker skips what another holds. */
export async function listQueuedForTaking(tx: Tx, unitId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(chats)
    .where(and(eq(chats.unitId, unitId), eq(chats.status, 'queued')))
    .limit(500)
    .for('update', { skipLocked: true });
}

export async function listActiveAtUnit(tx: Tx, unitId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(chats)
    .where(and(eq(chats.unitId, unitId), eq(chats.status, 'active')))
    .limit(500);
}

/** How long the unit's recent chats took from taken to ended, for the wait estimate. */
export async function recentHandlingMs(tx: Tx, unitId: string): Promise<number[]> {
  const rows = await tx
    .select({ takenAt: chats.takenAt, endedAt: chats.endedAt })
    .from(chats)
    .where(and(eq(chats.unitId, unitId), eq(chats.status, 'ended'), isNotNull(chats.takenAt)))
    .orderBy(desc(chats.endedAt))
    .limit(RECENT_CHATS);
  return rows.map((row) => row.endedAt!.getTime() - row.takenAt!.getTime());
}

// ---- participants -------------------------------------------------------------------------

export async function listParticipants(tx: Tx, chatId: string): Promise<ParticipantRow[]> {
  return tx.select().from(chatParticipants).where(eq(chatParticipants.chatId, chatId)).orderBy(asc(chatParticipants.joinedAt));
}

export async function joinChat(tx: Tx, chatId: string, staffId: string, at: Date): Promise<void> {
  await tx
    .insert(chatParticipants)
    .values({ chatId, staffId, joinedAt: at })
    .onConflictDoUpdate({ target: [chatParticipants.chatId, chatParticipants.staffId], set: { joinedAt: at, leftAt: null } });
}

export async function leaveChat(tx: Tx, chatId: string, staffId: string, at: Date): Promise<void> {
  await tx
    .update(chatParticipants)
    .set({ leftAt: at })
    .where(and(eq(chatParticipants.chatId, chatId), eq(chatParticipants.staffId, staffId), isNull(chatParticipants.leftAt)));
}

/** Live chats a member of staff is in now. */
export async function listChatsOfStaff(tx: Tx, unitId: string, staffId: string): Promise<ChatRow[]> {
  const rows = await tx
    .select({ chat: chats })
    .from(chatParticipants)
    .innerJoin(chats, eq(chats.id, chatParticipants.chatId))
    .where(and(eq(chatParticipants.staffId, staffId), isNull(chatParticipants.leftAt), eq(chats.unitId, unitId), eq(chats.status, 'active')))
    .orderBy(asc(chats.takenAt));
  return rows.map((row) => row.chat);
}

// ---- messages and read positions -------------------------------------------------------------

export async function insertMessage(tx: Tx, values: typeof chatMessages.$inferInsert): Promise<ChatMessageRow> {
  const [row] = await tx.insert(chatMessages).values(values).returning();
  return row!;
}

export async function listMessages(tx: Tx, chatId: string): Promise<ChatMessageRow[]> {
  return tx.select().from(chatMessages).where(eq(chatMessages.chatId, chatId)).orderBy(asc(chatMessages.seq)).limit(5000);
}

export async function lastMessageSeq(tx: Tx, chatId: string): Promise<number> {
  const [row] = await tx.select({ seq: sql<number | null>`max(${chatMessages.seq})` }).from(chatMessages).where(eq(chatMessages.chatId, chatId));
  return Number(row?.seq ?? 0);
}

export type ReaderKind = 'person' | 'staff';

/** Moves a reader's position forward (never back). */
export async function markRead(tx: Tx, chatId: string, reader: { kind: ReaderKind; id: string }, seq: number, at: Date): Promise<void> {
  await tx
    .insert(chatReadPositions)
    .values({ chatId, readerKind: reader.kind, readerId: reader.id, lastReadSeq: seq, updatedAt: at })
    .onConflictDoUpdate({
      target: [chatReadPositions.chatId, chatReadPositions.readerKind, chatReadPositions.readerId],
      set: { lastReadSeq: sql`greatest(${chatReadPositions.lastReadSeq}, excluded.last_read_seq)`, updatedAt: at },
    });
}

/** The furthest any reader of that kind has read. */
export async function readSeqOf(tx: Tx, chatId: string, kind: ReaderKind): Promise<number> {
  const [row] = await tx
    .select({ seq: sql<number | null>`max(${chatReadPositions.lastReadSeq})` })
    .from(chatReadPositions)
    .where(and(eq(chatReadPositions.chatId, chatId), eq(chatReadPositions.readerKind, kind)));
  return Number(row?.seq ?? 0);
}

export async function readSeqOfReader(tx: Tx, chatId: string, kind: ReaderKind, id: string): Promise<number> {
  const [row] = await tx
    .select({ seq: chatReadPositions.lastReadSeq })
    .from(chatReadPositions)
    .where(and(eq(chatReadPositions.chatId, chatId), eq(chatReadPositions.readerKind, kind), eq(chatReadPositions.readerId, id)));
  return row?.seq ?? 0;
}

/**
 * Active chats whose newest staff message is older than `before`, beyond what the patient's
 * side has read and beyond what was last notified: the patient has not seen it.
 */
export async function listUnreadByPatient(tx: Tx, before: Date): Promise<{ chatId: string; patientId: string; seq: number }[]> {
  const rows = await tx.execute(sql`
    select c.id as chat_id, c.patient_id, m.seq
    from ${chats} c
    join lateral (
      select seq, created_at from ${chatMessages} m
      where m.chat_id = c.id and m.author_staff_id is not null
      order by seq desc limit 1
    ) m on true
    where c.status = 'active'
      and m.created_at <= ${before.toISOString()}::timestamptz
      and m.seq > c.notified_through_seq
      and m.seq > coalesce((select max(r.last_read_seq) from ${chatReadPositions} r where r.chat_id = c.id and r.reader_kind = 'person'), 0)
    limit 200
    for update of c skip locked`);
  return (rows as unknown as { rows: { chat_id: string; patient_id: string; seq: string | number }[] }).rows.map((row) => ({
    chatId: row.chat_id,
    patientId: row.patient_id,
    seq: Number(row.seq),
  }));
}

export async function personNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((row) => [row.id, `${row.givenName} ${row.familyName}`]));
}
