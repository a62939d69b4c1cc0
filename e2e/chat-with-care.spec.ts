import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/**
 * Issue 7, C8: Anna chats with the nurse Sara at Vårdcentralen Ekby in two browsers.
 * Messages and the queue arrive live both ways (the realtime socket, no reload); Anna's
 * socket is then dropped while Sara writes, and on reconnecting it resumes without losing
 * the message; Sara ends the chat and the transcript is a closed case under Mina ärenden.
 * Independent of the wall clock: Lena (the unit administrator) first opens the chat around
 * the clock through the admin API.
 */

const alwaysOpen = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]])),
  closedOnPublicHolidays: false,
  exceptions: [],
};

async function signedIn(browser: Browser, name: string, landsOn: '/start' | '/arbetsyta', controllableSocket = false): Promise<Page> {
  const context = await browser.newContext();
  if (controllableSocket) {
    // Lets the test drop the tab's WebSocket and keep it down for a while (then let it reconnect).
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      const state = window as unknown as { __naraSockets: WebSocket[]; __naraBlockSockets: boolean };
      state.__naraSockets = [];
      state.__naraBlockSockets = false;
      class Controlled extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          // A blocked attempt goes to a path with no socket (same origin, so the CSP allows it) and fails like a lost network.
          super(state.__naraBlockSockets ? String(url).replace('/api/realtime', '/api/realtime-blocked') : url, protocols);
          state.__naraSockets.push(this);
        }
      }
      window.WebSocket = Controlled;
    });
  }
  const page = await context.newPage();
  await loginAs(page, name, landsOn);
  return page;
}

/** The conversation itself (the polite live region repeats new messages for screen readers). */
const thread = (page: Page) => page.getByRole('list', { name: 'Konversationen' });

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

test('a patient chats with a nurse live; a dropped connection recovers without losing a message', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();

  // The administrator opens the chat around the clock, so the journey does not depend on the time of day.
  const admin = await signedIn(browser, 'Lena Åberg', '/arbetsyta');
  const saved = await admin.request.put('/api/unit-admin/chat-hours', { headers: { 'x-csrf-token': await csrf(admin) }, data: { hours: alwaysOpen } });
  expect(saved.status()).toBe(200);
  await admin.context().close();

  const patient = await signedIn(browser, 'Anna Lindqvist', '/start', true);
  const nurse = await signedIn(browser, 'Sara Nilsson', '/arbetsyta');

  // The nurse has the queue open: the patient will arrive in it live.
  await nurse.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Chatt' }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: 'Chatt' })).toBeVisible();
  await expect(nurse.getByText('Ingen väntar.')).toBeVisible();

  // The patient: Vårdcentralen Ekby's chat (the unit's e-service link leads here).
  const units = (await (await patient.request.get('/api/patient/case-units')).json()) as { units: { id: string; name: string }[] };
  const ekby = units.units.find((unit) => unit.name === 'Vårdcentralen Ekby')!;
  await patient.goto(`/start/kontakt/${ekby.id}/chatt`);
  await expect(patient.getByRole('heading', { level: 1, name: 'Chatta med vården' })).toBeVisible();
  await expect(patient.getByText('Chatten är öppen nu')).toBeVisible();
  await expect(patient.getByRole('link', { name: 'Skicka ett ärende' })).toBeVisible();
  await expectNoAxeViolations(patient);
  const reason = `Utslag på armen (${stamp})`;
  await patient.getByLabel('Vad vill du chatta om?').fill(reason);
  await patient.getByRole('button', { name: 'Starta chatten' }).click();
  await expect(patient.getByText('Du är näst på tur.')).toBeVisible();
  await expect(patient.getByText(/Beräknad väntetid: cirka \d+ minut/)).toBeVisible();
  await expectNoAxeViolations(patient);

  // The nurse sees Anna in the queue without reloading, and takes her.
  await expect(nurse.getByText('1 patient väntar.')).toBeVisible();
  await expect(nurse.getByText(reason)).toBeVisible();
  await expectNoAxeViolations(nurse);
  await nurse.getByRole('button', { name: 'Ta nästa patient' }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: /Anna Lindqvist/ })).toBeVisible();

  // The patient is told live who took the chat.
  await expect(patient.getByText('Du chattar med Sara Nilsson, sjuksköterska.')).toBeVisible();

  // Messages both ways, live; typing shows on the other side; read receipts.
  const nurseBox = nurse.getByLabel('Skriv ett meddelande');
  const patientBox = patient.getByLabel('Skriv ett meddelande');
  await nurseBox.fill('Hej Anna! Hur stort är utslaget?');
  await expect(patient.getByText('Vården skriver …')).toBeVisible();
  await nurseBox.press('Enter');
  await expect(thread(patient).getByText('Hej Anna! Hur stort är utslaget?')).toBeVisible();
  await expect(nurse.getByText('Läst')).toBeVisible();
  await patientBox.fill('Ungefär som en tia, och det kliar.');
  await expect(nurse.getByText('Patienten skriver …')).toBeVisible();
  await patient.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(thread(nurse).getByText('Ungefär som en tia, och det kliar.')).toBeVisible();
  await expectNoAxeViolations(patient);
  await expectNoAxeViolations(nurse);

  // The patient's connection drops and stays down while the nurse writes.
  await patient.evaluate(() => {
    const state = window as unknown as { __naraSockets: WebSocket[]; __naraBlockSockets: boolean };
    state.__naraBlockSockets = true;
    for (const socket of state.__naraSockets) socket.close();
  });
  const meanwhile = `Har du haft feber? (${stamp})`;
  await nurseBox.fill(meanwhile);
  await nurseBox.press('Enter');
  await expect(thread(nurse).getByText(meanwhile)).toBeVisible();
  await patient.waitForTimeout(1500);
  await expect(thread(patient).getByText(meanwhile)).toHaveCount(0);
  // Back online: the socket reconnects, resumes from the last event it saw, and the message arrives once.
  await patient.evaluate(() => {
    (window as unknown as { __naraBlockSockets: boolean }).__naraBlockSockets = false;
  });
  await expect(thread(patient).getByText(meanwhile)).toBeVisible({ timeout: 15_000 });
  await expect(thread(patient).getByText(meanwhile)).toHaveCount(1);
  await patientBox.fill('Nej, ingen feber.');
  await patientBox.press('Enter');
  await expect(thread(nurse).getByText('Nej, ingen feber.')).toBeVisible();

  // The nurse ends the chat with a summary; it is kept as a closed case the patient finds under Mina ärenden.
  await nurse.getByLabel('Sammanfattning').fill('Troligen eksem. Råd om mjukgörande kräm; återkom om ingen förbättring på en vecka.');
  await nurse.getByRole('button', { name: 'Avsluta chatten' }).click();
  await expect(nurse.getByText(/Chatten är avslutad och sparad som ärende \d+\./)).toBeVisible();
  await expect(patient.getByRole('heading', { name: 'Chatten är avslutad' })).toBeVisible();
  await expectNoAxeViolations(patient);
  await patient.getByRole('link', { name: 'Läs samtalet under Mina ärenden' }).click();
  await expect(patient.getByText(meanwhile)).toBeVisible();
  await expect(patient.getByText('Avslutat').first()).toBeVisible();
});
