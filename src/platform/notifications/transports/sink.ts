import type { EmailTransport, SmsTransport, Transports } from './types.ts';

export type SinkLog = { info: (object: object, message: string) => void };

/**
 * The development sink: delivers nothing. It writes one log line with the outbox id and the
 * channel — never the address or the text — and the worker records delivered_by = 'sink', so
 * the demo page /utskick (GET /api/dev/notifications, demo mode only) can show what would have
 * been sent, read back from the outbox.
 */
export const SINK_NAME = 'sink';

export function createSinkTransports(log: SinkLog): Transports & { email: EmailTransport; sms: SmsTransport } {
  return {
    email: {
      name: SINK_NAME,
      send: async ({ outboxId }) => log.info({ outboxId, channel: 'email' }, 'notification delivered to the development sink'),
    },
    sms: {
      name: SINK_NAME,
      send: async ({ outboxId }) => log.info({ outboxId, channel: 'sms' }, 'notification delivered to the development sink'),
    },
  };
}
