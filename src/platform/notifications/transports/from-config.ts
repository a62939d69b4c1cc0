import type { Config } from '../../../server/config.ts';
import { createSinkTransports, type SinkLog } from './sink.ts';
import { createSmtpTransport } from './smtp.ts';
import type { Transports } from './types.ts';

/**
 * The transports the configuration asks for. NOTIFY_TRANSPORT=sink: e-mail and SMS go to the
 * development sink. NOTIFY_TRANSPORT=smtp: e-mail through SMTP_URL; there is no SMS gateway
 * adapter yet, so SMS notifications are marked failed (see types.ts for how one plugs in).
 */
export function transportsFromConfig(config: Config['notifications'], log: SinkLog): Transports {
  if (config.transport === 'sink') return createSinkTransports(log);
  if (!config.smtpUrl || !config.mailFrom) throw new Error('NOTIFY_TRANSPORT=smtp needs SMTP_URL and MAIL_FROM');
  return { email: createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom }), sms: null };
}
