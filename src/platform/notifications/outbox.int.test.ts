import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { makePerson } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { enqueueNotification, enqueueToAddress, nudgeOutbox } from './outbox.ts';
import { MAX_ATTEMPTS } from './retry.ts';
import { notificationOutbox, personContactDetails } from './tables.ts';
import { createSinkTransports } from './transports/sink.ts';
import type { EmailTransport, Transports } from './transports/types.ts';
import { deliverDue, startOutboxWorker } from './worker.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const MINUTE = 60_000;
const PUBLIC_URL = 'https://nara.test.example';

async function personWith(details: { email?: string | null; mobile?: string | null; notifyByEmail?: boolean; notifyBySms?: boolean } | null) {
  const person = await makePerson(t.db.db);
  if (details) {
    await t.db.db.insert(personContactDetails).values({
      personId: person.id,
      email: details.email ?? null,
      mobile: details.mobile ?? null,
      notifyByEmail: details.notifyByEmail ?? false,
      notifyBySms: details.notifyBySms ?? false,
      updatedAt: t.clock.now(),
    });
  }
  return person;
}

const enqueue = (recipientPersonIds: string[], dedupeKey: string) =>
  t.db.db.transaction((tx) => enqueueNotification(tx, t.clock, { recipientPersonIds, template: 'new_message', dedupeKey }));

const rowsOf = (personIds: string[]) =>
  t.db.db.select().from(notificationOutbox).where(inArray(notificationOutbox.recipientPersonId, personIds)).orderBy(notificationOutbox.dedupeKey);

const rowById = async (id: string) => (await t.db.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id)))[0]!;

function capturingLog() {
  const lines: { level: string; object: object; message: string }[] = [];
  const at = (level: string) => (object: object, message: string) => lines.push({ level, object, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A transport that always fails, counting the attempts per address: with DATABASE_URL other
 * test files share the outbox, so a worker run may also pick up their due rows.
 */
const failingEmail = (message = '421 4.7.0 Try again later for someone@example.se'): EmailTransport & { calls: number; callsTo: (address: string) => number } => {
  const perAddress = new Map<string, number>();
  const transport = {
    name: 'flaky',
    calls: 0,
    callsTo: (address: string) => perAddress.get(address) ?? 0,
    send: async (mail: { to: string }) => {
      transport.calls++;
      perAddress.set(mail.to, (perAddress.get(mail.to) ?? 0) + 1);
      throw Object.assign(new Error(message), { code: 'ECONNECTION' });
    },
  };
  return transport;
};

describe('enqueueNotification', () => {
  it("follows each recipient's choice of channels, and skips those without details", async () => {
    const both = await personWith({ email: 'both@example.se', mobile: '+46701740601', notifyByEmail: true, notifyBySms: true });
    const emailOnly = await personWith({ email: 'email@example.se', mobile: '+46701740602', notifyByEmail: true, notifyBySms: false });
    const off = await personWith({ email: 'off@example.se', notifyByEmail: false });
    const noAddress = await personWith({ email: null, mobile: null, notifyByEmail: true, notifyBySms: true });
    const noDetails = await personWith(null);
    const ids = [both.id, emailOnly.id, off.id, noAddress.id, noDetails.id];

    expect(await enqueue([...ids, both.id], 'case-answer:e1')).toBe(3);
    const rows = await rowsOf(ids);
    expect(rows.map((row) => [row.recipientPersonId, row.channel, row.address, row.dedupeKey])).toEqual(
      [
        [both.id, 'email', 'both@example.se', `case-answer:e1:${both.id}:email`],
        [both.id, 'sms', '+46701740601', `case-answer:e1:${both.id}:sms`],
        [emailOnly.id, 'email', 'email@example.se', `case-answer:e1:${emailOnly.id}:email`],
      ].sort((a, b) => a[3]!.localeCompare(b[3]!)),
    );
    for (const row of rows) {
      expect(row).toMatchObject({ template: 'new_message', status: 'pending', attempts: 0, lastError: null, deliveredBy: null, sentAt: null });
      expect(row.nextAttemptAt).toEqual(t.clock.now());
      expect(row.createdAt).toEqual(t.clock.now());
    }
  });

  it('enqueues nothing twice for the same event, but again for the next', async () => {
    const person = await personWith({ email: 'dedupe@example.se', notifyByEmail: true });
    expect(await enqueue([person.id], 'case-answer:e2')).toBe(1);
    expect(await enqueue([person.id], 'case-answer:e2')).toBe(0);
    expect(await enqueue([person.id], 'case-answer:e3')).toBe(1);
    expect(await rowsOf([person.id])).toHaveLength(2);
    expect(await enqueue([], 'case-answer:e4')).toBe(0);
  });

  it('rolls back with the transaction that caused it', async () => {
    const person = await personWith({ email: 'rollback@example.se', notifyByEmail: true });
    await expect(
      t.db.db.transaction(async (tx) => {
        await enqueueNotification(tx, t.clock, { recipientPersonIds: [person.id], template: 'new_message', dedupeKey: 'case-answer:r1' });
        throw new Error('the answer could not be saved');
      }),
    ).rejects.toThrow('the answer could not be saved');
    expect(await rowsOf([person.id])).toEqual([]);
  });
});

describe('deliverDue', () => {
  it('sends due notifications through the transports and marks them sent', async () => {
    const person = await personWith({ email: 'send@example.se', mobile: '+46701740603', notifyByEmail: true, notifyBySms: true });
    await enqueue([person.id], 'case-answer:d1');
    const sent: unknown[] = [];
    const transports: Transports = {
      email: { name: 'test-email', send: async (message) => void sent.push(message) },
      sms: { name: 'test-sms', send: async (message) => void sent.push(message) },
    };
    t.clock.advance(5_000);
    const report = await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], batchSize: 50 });
    expect(report).toMatchObject({ retried: 0, failed: 0 });
    expect(report).toMatchObject({ claimed: 2, sent: 2 });
    const [email, sms] = await rowsOf([person.id]);
    expect(email).toMatchObject({ status: 'sent', attempts: 1, deliveredBy: 'test-email', lastError: null, sentAt: t.clock.now() });
    expect(sms).toMatchObject({ status: 'sent', attempts: 1, deliveredBy: 'test-sms', sentAt: t.clock.now() });
    const mine = (sent as { outboxId: string }[]).filter((message) => message.outboxId === email!.id || message.outboxId === sms!.id);
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining([
        {
          outboxId: email!.id,
          to: 'send@example.se',
          subject: 'Nytt meddelande i Nära / New message in Nära',
          text: expect.stringContaining(`Logga in på ${PUBLIC_URL} för att läsa det.`),
        },
        { outboxId: sms!.id, to: '+46701740603', text: expect.stringContaining('You have a new message in Nära') },
      ]),
    );
    // Nothing is sent twice.
    const before = sent.length;
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    expect(sent.slice(before).filter((message) => (message as { outboxId: string }).outboxId === email!.id)).toEqual([]);
  });

  it('does not send what is not due yet', async () => {
    const person = await personWith({ email: 'later@example.se', notifyByEmail: true });
    t.clock.advance(MINUTE);
    await enqueue([person.id], 'case-answer:d2');
    t.clock.advance(-MINUTE);
    const transports = createSinkTransports(capturingLog());
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    expect((await rowsOf([person.id]))[0]!.status).toBe('pending');
    t.clock.advance(MINUTE);
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    expect((await rowsOf([person.id]))[0]!.status).toBe('sent');
  });

  it('retries a failing transport with backoff (1, 2, 4 … minutes) and marks it failed after ten attempts', async () => {
    const address = `retry-${Date.now()}@example.se`;
    const person = await personWith({ email: address, notifyByEmail: true });
    await enqueue([person.id], 'case-answer:d3');
    const { id } = (await rowsOf([person.id]))[0]!;
    const email = failingEmail();
    const log = capturingLog();
    const transports: Transports = { email, sms: null };
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], log });
      expect(report.claimed).toBeGreaterThanOrEqual(1);
      const row = await rowById(id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('ECONNECTION: 421 4.7.0 Try again later for [address]');
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        const wait = row.nextAttemptAt.getTime() - t.clock.now().getTime();
        waits.push(wait / MINUTE);
        // Not a moment before.
        t.clock.advance(wait - 1000);
        await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
        expect((await rowById(id)).attempts).toBe(attempt);
        t.clock.advance(1000);
      } else {
        expect(row.status).toBe('failed');
        expect(row.sentAt).toBeNull();
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(email.callsTo(address)).toBe(MAX_ATTEMPTS);
    // Failed stays failed.
    t.clock.advance(24 * 60 * MINUTE);
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    expect(email.callsTo(address)).toBe(MAX_ATTEMPTS);
    // The log says which row and why, never to whom.
    const ours = log.lines.filter((line) => JSON.stringify(line.object).includes(id));
    expect(ours.map((line) => line.level)).toEqual([...Array(MAX_ATTEMPTS - 1).fill('warn'), 'error']);
    expect(JSON.stringify(log.lines)).not.toContain(address);
    expect(JSON.stringify(log.lines)).not.toContain('someone@example.se');
  });

  it('delivers after a failure once the transport recovers', async () => {
    const person = await personWith({ email: 'recover@example.se', notifyByEmail: true });
    await enqueue([person.id], 'case-answer:d4');
    await deliverDue(t.db.db, t.clock, { email: failingEmail(), sms: null }, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    t.clock.advance(MINUTE);
    await deliverDue(t.db.db, t.clock, createSinkTransports(capturingLog()), { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    expect((await rowsOf([person.id]))[0]).toMatchObject({ status: 'sent', attempts: 2, deliveredBy: 'sink', lastError: null });
  });

  it('marks an SMS failed at once when no SMS transport is configured', async () => {
    const person = await personWith({ mobile: '+46701740604', notifyBySms: true });
    await enqueue([person.id], 'case-answer:d5');
    const report = await deliverDue(t.db.db, t.clock, { email: failingEmail(), sms: null }, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], log: capturingLog() });
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect((await rowsOf([person.id]))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'no SMS transport configured' });
  });

  it('counts a send that hangs as a failed attempt', async () => {
    const person = await personWith({ email: 'hang@example.se', notifyByEmail: true });
    await enqueue([person.id], 'case-answer:d6');
    const hanging: Transports = { email: { name: 'hang', send: () => new Promise(() => {}) }, sms: null };
    await deliverDue(t.db.db, t.clock, hanging, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], sendTimeoutMs: 50 });
    expect((await rowsOf([person.id]))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ETIMEDOUT: no answer within 50 ms' });
    t.clock.advance(MINUTE);
    await deliverDue(t.db.db, t.clock, createSinkTransports(capturingLog()), { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
  });
});

describe('params: the time of an appointment', () => {
  const capture = () => {
    const sent: { outboxId: string; subject?: string; text: string }[] = [];
    const transports: Transports = { email: { name: 'capture', send: async (message) => void sent.push(message) }, sms: null };
    return { sent, transports };
  };

  it('are stored with the row and filled into the text when it is sent', async () => {
    const person = await personWith({ email: 'params@example.se', notifyByEmail: true });
    const startsAt = '2026-12-01T08:30:00.000Z';
    await t.db.db.transaction((tx) =>
      enqueueNotification(tx, t.clock, { recipientPersonIds: [person.id], template: 'appointment_booked', dedupeKey: 'appointment:p1', params: { startsAt } }),
    );
    const [row] = await rowsOf([person.id]);
    expect(row).toMatchObject({ template: 'appointment_booked', params: { startsAt } });
    const { sent, transports } = capture();
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], batchSize: 50 });
    const mine = sent.find((message) => message.outboxId === row!.id);
    expect(mine?.subject).toBe('Bokad tid i Nära / Appointment booked in Nära');
    expect(mine?.text).toContain('tisdag 1 december kl. 09.30');
    expect(mine?.text).toContain('Tuesday 1 December at 09:30');
    expect((await rowById(row!.id)).status).toBe('sent');
  });

  it("of a meeting invitation: the one-use link is sent, then no longer kept (the demo's sink keeps it)", async () => {
    // Invitations go to an address, not a person: a clock of its own, long ago, makes these the only due rows.
    const clock = fixedClock('2002-02-02T09:00:00Z');
    const invitationPath = `/inbjudan#${'x'.repeat(43)}`;
    const invite = (dedupeKey: string, channel: 'email' | 'sms') =>
      t.db.db.transaction((tx) => enqueueToAddress(tx, clock, { channel, address: channel === 'sms' ? '+46701740699' : 'tolk@example.se', template: 'meeting_invitation', dedupeKey, params: { invitationPath } }));
    await invite('meeting-invitation:o1', 'email');
    await invite('meeting-invitation:o2', 'sms');
    const { sent, transports } = capture();
    await deliverDue(t.db.db, clock, transports, { publicUrl: PUBLIC_URL }); // no SMS transport: the SMS fails at once
    const rows = await t.db.db.select().from(notificationOutbox).where(inArray(notificationOutbox.dedupeKey, ['meeting-invitation:o1:email', 'meeting-invitation:o2:sms'])).orderBy(notificationOutbox.dedupeKey);
    expect(rows.map((row) => [row.status, row.params])).toEqual([
      ['sent', {}],
      ['failed', {}],
    ]);
    expect(sent.find((message) => message.outboxId === rows[0]!.id)?.text).toContain(`${PUBLIC_URL}${invitationPath}`);

    await invite('meeting-invitation:o3', 'email');
    await deliverDue(t.db.db, clock, createSinkTransports(capturingLog()), { publicUrl: PUBLIC_URL });
    const [demo] = await t.db.db.select().from(notificationOutbox).where(eq(notificationOutbox.dedupeKey, 'meeting-invitation:o3:email'));
    expect(demo).toMatchObject({ status: 'sent', deliveredBy: 'sink', params: { invitationPath } });
  });

  it('refuses anything but the time when enqueuing', async () => {
    const person = await personWith({ email: 'params2@example.se', notifyByEmail: true });
    const smuggled = { startsAt: '2026-12-01T08:30:00.000Z', unit: 'Vårdcentralen Ekby' } as unknown as { startsAt: string };
    await expect(
      t.db.db.transaction((tx) => enqueueNotification(tx, t.clock, { recipientPersonIds: [person.id], template: 'appointment_booked', dedupeKey: 'appointment:p2', params: smuggled })),
    ).rejects.toThrow();
    expect(await rowsOf([person.id])).toEqual([]);
  });

  it('marks a row failed at once when its template needs a time it was not given', async () => {
    const person = await personWith({ email: 'params3@example.se', notifyByEmail: true });
    await t.db.db.transaction((tx) => enqueueNotification(tx, t.clock, { recipientPersonIds: [person.id], template: 'appointment_reminder', dedupeKey: 'appointment:p3' }));
    const { sent, transports } = capture();
    await deliverDue(t.db.db, t.clock, transports, { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id], batchSize: 50, log: capturingLog() });
    const [row] = await rowsOf([person.id]);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'cannot render appointment_reminder: template appointment_reminder needs params.startsAt' });
    expect(sent.filter((message) => message.outboxId === row!.id)).toEqual([]);
  });
});

describe('the development sink', () => {
  it('logs one line per notification with the outbox id and the channel only', async () => {
    const person = await personWith({ email: 'sink@example.se', mobile: '+46701740605', notifyByEmail: true, notifyBySms: true });
    await enqueue([person.id], 'case-answer:s1');
    const log = capturingLog();
    await deliverDue(t.db.db, t.clock, createSinkTransports(log), { publicUrl: PUBLIC_URL, recipientPersonIds: [person.id] });
    const rows = await rowsOf([person.id]);
    expect(rows.map((row) => row.deliveredBy)).toEqual(['sink', 'sink']);
    const mine = log.lines.filter((line) => rows.some((row) => (line.object as { outboxId?: string }).outboxId === row.id));
    expect(mine.map((line) => line.object)).toEqual(expect.arrayContaining(rows.map((row) => ({ outboxId: row.id, channel: row.channel }))));
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(log.lines)).not.toMatch(/sink@example\.se|46701740605|Nära/);
  });
});

describe('startOutboxWorker', () => {
  it('delivers at once when nudged, and stops cleanly', async () => {
    const log = capturingLog();
    let closed = 0;
    const transports = createSinkTransports(log);
    // A clock of its own, long ago: the worker takes everything due, and in a PostgreSQL database
    // shared with other test files only this test's notifications are due that early.
    const clock = fixedClock('2001-01-01T09:00:00Z');
    const enqueueThen = (recipientPersonIds: string[], dedupeKey: string) =>
      t.db.db.transaction((tx) => enqueueNotification(tx, clock, { recipientPersonIds, template: 'new_message', dedupeKey }));
    const worker = startOutboxWorker({
      db: t.db.db,
      clock,
      transports: { ...transports, email: { ...transports.email, close: () => void closed++ } },
      log,
      intervalMs: 60 * MINUTE,
      publicUrl: PUBLIC_URL,
    });
    try {
      // Let the first round (at start) finish, then enqueue and nudge.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const person = await personWith({ email: 'worker@example.se', notifyByEmail: true });
      await enqueueThen([person.id], 'case-answer:w1');
      nudgeOutbox();
      const deadline = Date.now() + 5000;
      while ((await rowsOf([person.id]))[0]!.status !== 'sent' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await rowsOf([person.id]))[0]!.status).toBe('sent');
    } finally {
      await worker.stop();
    }
    expect(closed).toBe(1);
    // A stopped worker ignores nudges.
    const person = await personWith({ email: 'stopped@example.se', notifyByEmail: true });
    await enqueueThen([person.id], 'case-answer:w2');
    nudgeOutbox();
    worker.nudge();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rowsOf([person.id]))[0]!.status).toBe('pending');
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
