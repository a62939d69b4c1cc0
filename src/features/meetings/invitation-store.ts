import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { meetingInvitations } from './tables.ts';

/** Reads and writes of meeting_invitations. Tokens are never stored, only their SHA-256. */

export type InvitationRow = typeof meetingInvitations.$inferSelect;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function insertInvitation(tx: Tx, values: typeof meetingInvitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await tx.insert(meetingInvitations).values(values).returning();
  return row!;
}

export async function updateInvitation(tx: Tx, id: string, values: Partial<typeof meetingInvitations.$inferInsert>): Promise<InvitationRow> {
  const [row] = await tx.update(meetingInvitations).set(values).where(eq(meetingInvitations.id, id)).returning();
  return row!;
}

/** With `forUpdate`, two people using the same link at once are serialised: one wins. */
export async function findInvitationByToken(tx: Tx, token: string, options: { forUpdate?: boolean } = {}): Promise<InvitationRow | undefined> {
  const query = tx.select().from(meetingInvitations).where(eq(meetingInvitations.tokenHash, hashToken(token)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findInvitationByGuestSession(tx: Tx, sessionToken: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(meetingInvitations).where(eq(meetingInvitations.guestSessionHash, hashToken(sessionToken)));
  return row;
}

export async function findInvitationById(tx: Tx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(meetingInvitations).where(eq(meetingInvitations.id, id));
  return row;
}

export async function findInvitation(tx: Tx, meetingId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .select()
    .from(meetingInvitations)
    .where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.id, id)));
  return row;
}

export async function listInvitations(tx: Tx, meetingId: string): Promise<InvitationRow[]> {
  return tx.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, meetingId)).orderBy(desc(meetingInvitations.createdAt)).limit(200);
}

/** The invitation a logged-in person or member of staff used for this meeting (not revoked): their basis for taking part. */
export async function findInvitationUsedBy(tx: Tx, meetingId: string, who: { personId: string } | { staffId: string }): Promise<InvitationRow | undefined> {
  const match = 'personId' in who ? eq(meetingInvitations.usedByPersonId, who.personId) : eq(meetingInvitations.usedByStaffId, who.staffId);
  const [row] = await tx
    .select()
    .from(meetingInvitations)
    .where(and(eq(meetingInvitations.meetingId, meetingId), match, isNull(meetingInvitations.revokedAt)))
    .limit(1);
  return row;
}

/** The invitations that became these participants (names and interpreter kinds for the views). */
export async function invitationsOfParticipants(tx: Tx, participantIds: string[]): Promise<InvitationRow[]> {
  if (participantIds.length === 0) return [];
  return tx.select().from(meetingInvitations).where(inArray(meetingInvitations.participantId, participantIds));
}
