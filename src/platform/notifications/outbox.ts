import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { notificationParamsSchema, type NotificationParams } from './params.ts';
import { insertOutboxRows, listContactDetails, type OutboxInsert } from './store.ts';
import type { Channel, TemplateCode } from './templates.ts';

/**
 * The notification outbox, the side other code calls. A service that causes a notification
 * (staff answer a case) calls enqueueNotification() in its own transaction, so the
 * notification exists exactly when the change commits; the worker (worker.ts) delivers it
 * later, with retries. After the transaction has committed, nudgeOutbox() asks a running
 * worker to look now instead of at its next poll.
 */
export type EnqueueRequest = {
  /** Whose contact details to use; each person's own choice of channels decides what is sent. */
  recipientPersonIds: string[];
  template: TemplateCode;
  /**
   * Identifies the event, e.g. `case-answer:${eventId}`. Each row gets
   * `${dedupeKey}:${personId}:${channel}`, so calling again for the same event (a retried
   * request) enqueues nothing twice.
   */
  dedupeKey: string;
  /**
   * What the template fills in besides the link: only an appointment's start (the appointment_*
   * templates need it). Checked against notificationParamsSchema, so nothing else gets in.
   */
  params?: NotificationParams;
};

/**
 * For each recipient and each channel they have turned on and have an address for, one
 * pending notification, due now. Returns how many rows were enqueued (0 when nobody wants
 * one, or when they were enqueued before). Runs only in the caller's transaction.
 */
export async function enqueueNotification(tx: Tx, clock: Clock, request: EnqueueRequest): Promise<number> {
  const recipients = [...new Set(request.recipientPersonIds)];
  const details = await listContactDetails(tx, recipients);
  const now = clock.now();
  const params = request.params ? notificationParamsSchema.parse(request.params) : null;
  const rows: OutboxInsert[] = [];
  const add = (personId: string, channel: Channel, address: string) =>
    rows.push({
      recipientPersonId: personId,
      channel,
      address,
      template: request.template,
      params,
      dedupeKey: `${request.dedupeKey}:${personId}:${channel}`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
  for (const person of details) {
    if (person.notifyByEmail && person.email) add(person.personId, 'email', person.email);
    if (person.notifyBySms && person.mobile) add(person.personId, 'sms', person.mobile);
  }
  return (await insertOutboxRows(tx, rows)).length;
}

/**
 * One notification to an address that belongs to no registered person: an invitation to a
 * video meeting sent to the number or e-mail address the host typed (issue 8, E2). Only the
 * meeting_invitation template, whose text holds the link and nothing else (the table's check
 * refuses any other template without a recipient). Returns 0 when enqueued before (dedupeKey).
 */
export async function enqueueToAddress(
  tx: Tx,
  clock: Clock,
  request: { channel: Channel; address: string; template: 'meeting_invitation'; dedupeKey: string; params: NotificationParams },
): Promise<number> {
  const now = clock.now();
  const rows: OutboxInsert[] = [
    {
      recipientPersonId: null,
      channel: request.channel,
      address: request.address,
      template: request.template,
      params: notificationParamsSchema.parse(request.params),
      dedupeKey: `${request.dedupeKey}:${request.channel}`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    },
  ];
  return (await insertOutboxRows(tx, rows)).length;
}

const nudgeListeners = new Set<() => void>();

/**
 * Tells the running outbox worker that something was enqueued, so it delivers at once rather
 * than at its next poll. Call it after the enqueuing transaction has committed; it does
 * nothing when no worker runs (tests, scripts), and the worker's poll is the safety net.
 */
export function nudgeOutbox(): void {
  for (const listener of nudgeListeners) listener();
}

/** For worker.ts: a started worker listens for nudges until it stops. */
export function onOutboxNudge(listener: () => void): () => void {
  nudgeListeners.add(listener);
  return () => nudgeListeners.delete(listener);
}
