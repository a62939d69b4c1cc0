/**
 * How the outbox worker hands a notification to the world. A transport gets the address and
 * the finished text (see ../templates.ts; never patient data) and either resolves — the
 * notification counts as sent — or throws, and the worker tries again later with backoff.
 * `name` is stored in notification_outbox.delivered_by.
 *
 * Transports should not log the address or the text; the outbox id is enough to find a row.
 */
export type EmailMessage = { outboxId: string; to: string; subject: string; text: string };
export type SmsMessage = { outboxId: string; to: string; text: string };

export type EmailTransport = {
  name: string;
  send: (message: EmailMessage) => Promise<void>;
  close?: () => Promise<void> | void;
};

/**
 * The SMS adapter interface. There is no SMS gateway adapter in Nära yet; a region plugs in
 * its provider by writing one function set like this (e.g. transports/sms-<provider>.ts):
 *
 *   export function createAcmeSmsTransport(config: { url: string; token: string }): SmsTransport {
 *     return {
 *       name: 'sms-acme',
 *       send: async ({ outboxId, to, text }) => {
 *         // `to` is E.164 (+4670…). Pass outboxId as the provider's idempotency/reference key
 *         // so that a retry after a timeout does not send twice. Throw on any non-2xx answer.
 *         const response = await fetch(config.url, { method: 'POST', headers: …, body: … });
 *         if (!response.ok) throw new Error(`gateway answered ${response.status}`);
 *       },
 *     };
 *   }
 *
 * and by choosing it in transports/from-config.ts (a new NOTIFY_SMS_… setting in
 * server/config.ts). The worker needs nothing else: retries, backoff and the failed state are
 * its business, not the adapter's.
 */
export type SmsTransport = {
  name: string;
  send: (message: SmsMessage) => Promise<void>;
  close?: () => Promise<void> | void;
};

/** What the worker delivers with. No SMS transport: SMS notifications are marked failed at once (nothing could send them). */
export type Transports = { email: EmailTransport; sms: SmsTransport | null };
