import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { enqueueNotification } from '../outbox.ts';
import { notificationOutbox, personContactDetails } from '../tables.ts';
import { deliverDue } from '../worker.ts';
import { createSmtpTransport } from './smtp.ts';

/** An SMTP server in the test process, on 127.0.0.1 and a free port: what it received, and recipients it refuses. */
type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
const refused = new Set<string>();
let server: SMTPServer;
let url: string;
let t: TestApp;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The headers and body as a reader sees them: encoded words and quoted-printable undone. */
const fromHex = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
function decode(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw
    .slice(0, split)
    .replace(/\?=\r?\n[ \t]+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_match, word: string) => fromHex(word.replace(/_/g, ' ')));
  const body = fromHex(raw.slice(split).replace(/=\r?\n/g, ''));
  return headers + body;
}

describe('the SMTP transport', () => {
  it('delivers a message to the SMTP server', async () => {
    const transport = createSmtpTransport({ url, from: 'Nära <no-reply@nara.test.example>' });
    try {
      await transport.send({ outboxId: 'b0c1d2e3-0000-4000-8000-000000000001', to: 'anna@example.se', subject: 'Nytt meddelande i Nära / New message in Nära', text: 'Hej!\nDu har ett nytt meddelande i Nära.' });
    } finally {
      await transport.close?.();
    }
    const message = received.at(-1)!;
    expect(message.from).toBe('no-reply@nara.test.example');
    expect(message.to).toEqual(['anna@example.se']);
    expect(message.raw).toMatch(/^X-Nara-Outbox-Id: b0c1d2e3-0000-4000-8000-000000000001$/im);
    expect(message.raw).toContain('Auto-Submitted: auto-generated');
    const readable = decode(message.raw);
    expect(readable).toContain('Du har ett nytt meddelande i Nära.');
    expect(readable).toContain('Subject: Nytt meddelande i Nära / New message in Nära');
  });

  it('rejects when the server refuses the recipient', async () => {
    refused.add('refused@example.se');
    const transport = createSmtpTransport({ url, from: 'Nära <no-reply@nara.test.example>' });
    try {
      await expect(transport.send({ outboxId: 'b0c1d2e3-0000-4000-8000-000000000002', to: 'refused@example.se', subject: 's', text: 't' })).rejects.toThrow();
    } finally {
      await transport.close?.();
    }
  });

  it('carries an outbox notification end to end, and a refusal becomes a retry without the address', async () => {
    const accepted = await makePerson(t.db.db);
    const refusedPerson = await makePerson(t.db.db);
    refused.add('karin.refused@example.se');
    for (const [person, email] of [
      [accepted, 'anna.smtp@example.se'],
      [refusedPerson, 'karin.refused@example.se'],
    ] as const) {
      await t.db.db.insert(personContactDetails).values({ personId: person.id, email, notifyByEmail: true, notifyBySms: false, updatedAt: t.clock.now() });
    }
    await t.db.db.transaction((tx) =>
      enqueueNotification(tx, t.clock, { recipientPersonIds: [accepted.id, refusedPerson.id], template: 'new_message', dedupeKey: 'case-answer:smtp1' }),
    );
    const transport = createSmtpTransport({ url, from: 'Nära <no-reply@nara.test.example>' });
    try {
      await deliverDue(t.db.db, t.clock, { email: transport, sms: null }, { publicUrl: 'https://nara.test.example', recipientPersonIds: [accepted.id, refusedPerson.id] });
    } finally {
      await transport.close?.();
    }
    const [sent] = await t.db.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipientPersonId, accepted.id));
    expect(sent).toMatchObject({ status: 'sent', deliveredBy: 'smtp', attempts: 1 });
    const message = received.find((entry) => entry.to.includes('anna.smtp@example.se'))!;
    expect(decode(message.raw)).toContain('Logga in på https://nara.test.example för att läsa det.');
    expect(message.raw.toLowerCase()).toContain(`x-nara-outbox-id: ${sent!.id}`);

    const [retry] = await t.db.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipientPersonId, refusedPerson.id));
    expect(retry).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retry!.lastError).toMatch(/550|rejected/i);
    expect(retry!.lastError).not.toContain('karin');
  });
});
