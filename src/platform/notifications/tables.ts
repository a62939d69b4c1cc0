import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from '../people/tables.ts';
import type { NotificationParams } from './params.ts';

/**
 * How a person wants to hear that something new waits in Nära. Only the address; what we
 * send never says more than "there is a new message" (no medical content).
 */
export const personContactDetails = pgTable('person_contact_details', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id),
  email: text('email'),
  mobile: text('mobile'),
  notifyByEmail: boolean('notify_by_email').notNull().default(false),
  notifyBySms: boolean('notify_by_sms').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The outbox: a notification is written in the same transaction as the change that
 * causes it, then delivered by the worker with retries. `dedupe_key` makes a retried
 * change enqueue nothing twice.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The registered person it goes to. Null only for an invitation to a video meeting, sent to
     * an address the host typed (an interpreter, a social worker: not a registered person).
     */
    recipientPersonId: uuid('recipient_person_id').references(() => persons.id),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    /** Which fixed text to send (e.g. new_message); the texts hold no patient data. */
    template: text('template').notNull(),
    /**
     * What the template fills in besides the link, restricted by notificationParamsSchema
     * (params.ts) to the appointment's time: never a name, unit or anything medical.
     */
    params: jsonb('params').$type<NotificationParams>(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    /** Which transport delivered it (smtp, sms, sink). */
    deliveredBy: text('delivered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    check('notification_outbox_channel_check', sql`${table.channel} in ('email', 'sms')`),
    check('notification_outbox_status_check', sql`${table.status} in ('pending', 'sent', 'failed')`),
    check('notification_outbox_recipient_check', sql`${table.recipientPersonId} is not null or ${table.template} = 'meeting_invitation'`),
    index('notification_outbox_due').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
  ],
);
