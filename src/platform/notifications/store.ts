import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { notificationOutbox, personContactDetails } from './tables.ts';

/** Queries of the notification tables; the services and the worker open the transactions. */

export type ContactDetailsRow = typeof personContactDetails.$inferSelect;
export type OutboxInsert = typeof notificationOutbox.$inferInsert;

export async function findContactDetails(tx: Tx, personId: string): Promise<ContactDetailsRow | null> {
  const [row] = await tx.select().from(personContactDetails).where(eq(personContactDetails.personId, personId));
  return row ?? null;
}

export async function listContactDetails(tx: Tx, personIds: string[]): Promise<ContactDetailsRow[]> {
  if (personIds.length === 0) return [];
  return tx.select().from(personContactDetails).where(inArray(personContactDetails.personId, personIds));
}

export async function saveContactDetails(tx: Tx, values: ContactDetailsRow): Promise<ContactDetailsRow> {
  const { personId, ...changes } = values;
  const [row] = await tx
    .insert(personContactDetails)
    .values(values)
    .onConflictDoUpdate({ target: personContactDetails.personId, set: changes })
    .returning();
  return row!;
}

/** Inserts outbox rows; a dedupe key already there is skipped. Returns the ids actually inserted. */
export async function insertOutboxRows(tx: Tx, rows: OutboxInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing({ target: notificationOutbox.dedupeKey })
    .returning({ id: notificationOutbox.id });
  return inserted.map((row) => row.id);
}

export type ClaimedRow = Pick<typeof notificationOutbox.$inferSelect, 'id' | 'channel' | 'address' | 'template' | 'params' | 'attempts'>;

/**
 * Claims up to `limit` due notifications in one statement (so one short transaction): the
 * rows are picked with FOR UPDATE SKIP LOCKED, their attempt counted and their next attempt
 * moved to `leaseUntil`. Another worker (another process on PostgreSQL) skips them meanwhile;
 * if this process dies while sending, they become due again when the lease runs out.
 */
export async function claimDueRows(db: Database, now: Date, leaseUntil: Date, limit: number, recipientPersonIds?: string[]): Promise<ClaimedRow[]> {
  if (recipientPersonIds?.length === 0) return [];
  const due = db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(
      and(
        eq(notificationOutbox.status, 'pending'),
        lte(notificationOutbox.nextAttemptAt, now),
        recipientPersonIds ? inArray(notificationOutbox.recipientPersonId, recipientPersonIds) : undefined,
      ),
    )
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(notificationOutbox)
    .set({ attempts: sql`${notificationOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(inArray(notificationOutbox.id, due))
    .returning({
      id: notificationOutbox.id,
      channel: notificationOutbox.channel,
      address: notificationOutbox.address,
      template: notificationOutbox.template,
      params: notificationOutbox.params,
      attempts: notificationOutbox.attempts,
    });
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A meeting invitation's link carries its one-use token, a key to the meeting: once the
 * notification is sent or given up the row need not hold it (only the token's hash is kept
 * elsewhere). The demo's development sink keeps it, so the demo page can show the link.
 */
const forgetInvitationLink = sql`${notificationOutbox.params} - 'invitationPath'`;

export async function markSent(db: Database, id: string, sentAt: Date, deliveredBy: string, options: { keepInvitationLink: boolean }): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({ status: 'sent', sentAt, deliveredBy, lastError: null, ...(options.keepInvitationLink ? {} : { params: forgetInvitationLink }) })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'pending')));
}

export async function markRetry(db: Database, id: string, nextAttemptAt: Date, lastError: string): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({ nextAttemptAt, lastError })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'pending')));
}

export async function markFailed(db: Database, id: string, lastError: string): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({ status: 'failed', lastError, params: forgetInvitationLink })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'pending')));
}

/** The latest deliveries a transport made (the demo page shows the sink's). */
export async function listDeliveredBy(db: Database, deliveredBy: string, limit: number) {
  return db
    .select({
      id: notificationOutbox.id,
      channel: notificationOutbox.channel,
      address: notificationOutbox.address,
      template: notificationOutbox.template,
      params: notificationOutbox.params,
      sentAt: notificationOutbox.sentAt,
    })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.deliveredBy, deliveredBy), eq(notificationOutbox.status, 'sent')))
    .orderBy(desc(notificationOutbox.sentAt), desc(notificationOutbox.id))
    .limit(limit);
}
