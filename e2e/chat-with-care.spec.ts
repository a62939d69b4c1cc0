import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoPerson, expectNoAxeViolations, loginAs } from './support/nara.ts';

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

/** Signs a citizen without a persona card in with BankID on this device (the simulator opens in a new tab). */
async function signedInWithBankId(browser: Browser, identityNumber: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  const appOpened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Öppna BankID (simulatorn, ny flik)' }).click();
  const app = await appOpened;
  await app.getByLabel('Personnummer').fill(`${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`);
  await app.getByRole('button', { name: 'Legitimera' }).click();
  await app.close();
  await expect(page).toHaveURL('/start');
  return page;
}

/** From the start page to Vårdcentralen Ekby's chat the way a patient goes: Kontakta vården, the unit, its chat beside the case types. */
async function openEkbyChat(page: Page) {
  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Kontakta vården' }).click();
  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await page.getByRole('region', { name: 'Fler sätt att nå mottagningen' }).getByRole('link', { name: /^Chatta med mottagningen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chatta med vården' })).toBeVisible();
  await expect(page.getByText(/Chatten är öppen nu/)).toBeVisible();
}

/**
 * G5 with C8: Anna answers Sök vård (burning when passing urine, and pregnant) to "Sök vård i dag"
 * and then chats with her health centre, sending the assessment along. Johan was queued first
 * without an assessment; the nurse still sees Anna first, marked with the assessment's priority,
 * and on taking the chat reads the assessment as Anna's first message. Both chats are closed
 * again (ended, left) so the unit's queue is empty for the journeys after this one.
 */
test('a patient sends her Sök vård assessment with a chat; the nurse sees it first in the queue and reads it', async ({ browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now();

  const admin = await signedIn(browser, 'Lena Åberg', '/arbetsyta');
  const saved = await admin.request.put('/api/unit-admin/chat-hours', { headers: { 'x-csrf-token': await csrf(admin) }, data: { hours: alwaysOpen } });
  expect(saved.status()).toBe(200);
  await admin.context().close();

  // Johan queues first, without an assessment.
  const johan = await signedInWithBankId(browser, demoPerson('johan').identityNumber);
  await openEkbyChat(johan);
  const johansReason = `Fråga om vaccination (${stamp})`;
  await johan.getByLabel('Vad vill du chatta om?').fill(johansReason);
  await johan.getByRole('button', { name: 'Starta chatten' }).click();
  await expect(johan.getByText('Du är näst på tur.')).toBeVisible();

  // Anna answers Sök vård: every question "no" except that she is pregnant.
  const anna = await signedIn(browser, 'Anna Lindqvist', '/start');
  await anna.getByRole('banner').getByRole('link', { name: 'Sök vård', exact: true }).click();
  await anna.getByLabel('Vad söker du för?').selectOption({ label: 'Sveda eller smärta när man kissar' });
  await anna.getByLabel('Ålder i år').fill('38');
  await anna.getByRole('radio', { name: 'Kvinna' }).check();
  await anna.getByRole('button', { name: 'Börja' }).click();
  const outcome = anna.getByRole('region', { name: 'Sök vård i dag' });
  for (let number = 1; number <= 25; number++) {
    // The next step has rendered: question n, or the outcome.
    await expect(outcome.or(anna.getByText(`Fråga ${number}.`))).toBeVisible();
    if (await outcome.isVisible()) break;
    const pregnant = anna.getByRole('checkbox', { name: 'Gravid' });
    const no = anna.getByRole('button', { name: 'Nej', exact: true });
    const none = anna.getByRole('radio', { name: 'Inget av detta' }).or(anna.getByRole('checkbox', { name: 'Inget av detta' }));
    if (await pregnant.isVisible()) {
      await pregnant.check();
      await anna.getByRole('button', { name: 'Nästa' }).click();
    } else if (await no.isVisible()) await no.click();
    else if (await none.isVisible()) {
      await none.check();
      await anna.getByRole('button', { name: 'Nästa' }).click();
    } else await anna.getByRole('button', { name: 'Vet inte' }).click();
  }
  await expect(outcome).toBeVisible();

  // Then she chats with her health centre, with the assessment.
  // (Which units the outcome lists depends on the time of day, so she goes by her start page.)
  await anna.getByRole('link', { name: 'Nära', exact: true }).click();
  await anna.getByRole('link', { name: 'Fortsätt till din startsida' }).click();
  await openEkbyChat(anna);
  await expect(anna.getByText('Du har gjort en bedömning i Sök vård (Sveda eller smärta när man kissar).')).toBeVisible();
  const include = anna.getByRole('checkbox', { name: 'Skicka med bedömningen från Sök vård' });
  await expect(include).toBeChecked();
  await expectNoAxeViolations(anna);
  const annasReason = `Svider när jag kissar, och jag är gravid (${stamp})`;
  await anna.getByLabel('Vad vill du chatta om?').fill(annasReason);
  await anna.getByRole('button', { name: 'Starta chatten' }).click();
  // Ahead of Johan, who came first.
  await expect(anna.getByText('Du är näst på tur.')).toBeVisible();

  // The nurse: Anna first in the queue, with the assessment's priority; Johan after her, without one.
  const nurse = await signedIn(browser, 'Sara Nilsson', '/arbetsyta');
  await nurse.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Chatt' }).click();
  await expect(nurse.getByText('2 patienter väntar.')).toBeVisible();
  const queue = nurse.getByRole('list', { name: 'Kön' }).getByRole('listitem');
  await expect(queue.first()).toContainText('1. Anna Lindqvist');
  await expect(queue.first()).toContainText(annasReason);
  await expect(queue.first().getByText('Prioritet 2')).toBeVisible();
  await expect(queue.nth(1)).toContainText('2. Johan Lindqvist');
  await expect(queue.nth(1).getByText(/Prioritet/)).toHaveCount(0);
  await expectNoAxeViolations(nurse);

  // Taking the next patient gives Anna; her first message is the assessment.
  await nurse.getByRole('button', { name: 'Ta nästa patient' }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: /Anna Lindqvist/ })).toBeVisible();
  const first = thread(nurse).getByRole('listitem').first();
  await expect(first).toContainText('Sök vård – digital bedömning: Sveda eller smärta när man kissar');
  await expect(first).toContainText('Sök vård i dag');
  await expect(first).toContainText('Gravid');
  await expect(anna.getByText('Du chattar med Sara Nilsson, sjuksköterska.')).toBeVisible();
  await expectNoAxeViolations(nurse);

  // Leaves the unit's queue empty: the nurse ends Anna's chat, Johan leaves the queue.
  await nurse.getByLabel('Sammanfattning').fill('Trolig urinvägsinfektion under graviditet; tid i dag hos barnmorska/läkare.');
  await nurse.getByRole('button', { name: 'Avsluta chatten' }).click();
  await expect(anna.getByRole('heading', { name: 'Chatten är avslutad' })).toBeVisible();
  await johan.getByRole('button', { name: 'Lämna kön' }).click();
  await expect(johan.getByRole('heading', { name: 'Du har lämnat kön.' })).toBeVisible();
});
