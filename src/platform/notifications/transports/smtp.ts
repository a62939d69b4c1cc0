import nodemailer from 'nodemailer';
import type { EmailTransport } from './types.ts';

export type SmtpOptions = {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string;
  /** The From header, e.g. "Nära <no-reply@region.se>". */
  from: string;
};

/**
 * E-mail through an SMTP relay, with nodemailer. Short timeouts: the worker sends one
 * notification after the other, and a hanging server must not hold the batch's lease.
 */
export function createSmtpTransport(options: SmtpOptions): EmailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // nodemailer logs nothing unless asked; keep it so (its debug log would contain addresses).
    logger: false,
    debug: false,
  });
  return {
    name: 'smtp',
    send: async ({ outboxId, to, subject, text }) => {
      await transporter.sendMail({
        from: options.from,
        to,
        subject,
        text,
        headers: { 'X-Nara-Outbox-Id': outboxId, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}
