import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/**
 * Issue 4's journey, both sides at once: Anna sends Förnya recept with Vårdcentralen Ekby's
 * own extra question; Sara sees it in the unit inbox with its deadline and sends a
 * counter-question; Anna answers; Sara gives the final answer; Anna reads it and was
 * notified — in the demo sink, with nothing about her medicine in the notification.
 */
async function signedIn(browser: Browser, name: string, landsOn: '/start' | '/arbetsyta'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, name, landsOn);
  return page;
}

test('Förnya recept: counter-question, the patient’s answer, the final answer and the notification', async ({ browser }) => {
  test.setTimeout(120_000);
  const medicine = `Enalapril 10 mg (${Date.now()})`;
  const patient = await signedIn(browser, 'Anna Lindqvist', '/start');
  const nurse = await signedIn(browser, 'Sara Nilsson', '/arbetsyta');

  // The nurse has the inbox open: the new case will arrive in it live (realtime socket, no reload).
  await nurse.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Ärenden' }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible();

  // The patient: the unit's form with the two control questions and the unit's own question.
  await patient.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Kontakta vården' }).click();
  await patient.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await patient.getByRole('link', { name: /Förnya recept/ }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Förnya recept' })).toBeVisible();
  await patient.getByLabel('Vilket läkemedel vill du förnya?').fill(medicine);
  await patient.getByRole('group', { name: 'Fungerar läkemedlet som det ska?' }).getByRole('radio', { name: 'Ja' }).check();
  await patient.getByRole('group', { name: 'Har du fått några biverkningar?' }).getByRole('radio', { name: 'Nej' }).check();
  await patient.getByLabel(/När tog du senast läkemedlet\?/).fill('2026-11-20');
  await patient.getByLabel('Jag har läst och godkänner villkoren').check();
  await expectNoAxeViolations(patient);
  await patient.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(patient.getByText('Ditt ärende är skickat.')).toBeVisible();
  const caseUrl = patient.url();

  // The nurse: the case in the inbox with time left, then the case with the patient's answers.
  const row = nurse.getByRole('row', { name: new RegExp(medicine.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText('Anna Lindqvist');
  await expect(row).toContainText('Förnya recept');
  await expect(row).toContainText(/kvar/);
  await expectNoAxeViolations(nurse);
  await row.getByRole('link', { name: medicine }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: medicine })).toBeVisible();
  await expect(nurse.getByText('När tog du senast läkemedlet?')).toBeVisible();

  const composer = nurse.getByRole('region', { name: 'Svara patienten' });
  await composer.getByRole('radio', { name: /Motfråga/ }).check();
  await composer.getByLabel('Meddelande till patienten').fill('Hur högt har ditt blodtryck varit när du mätt hemma?');
  await composer.getByRole('button', { name: 'Skicka motfrågan' }).click();
  await expect(nurse.getByText('Motfrågan är skickad.')).toBeVisible();
  await expect(nurse.getByText('Väntar på patienten').first()).toBeVisible();
  await expectNoAxeViolations(nurse);

  // The patient answers the counter-question.
  await patient.goto(caseUrl);
  await expect(patient.getByText('Hur högt har ditt blodtryck varit när du mätt hemma?')).toBeVisible();
  await patient.getByLabel('Ditt svar').fill('Runt 130/80 den senaste veckan.');
  await expectNoAxeViolations(patient);
  await patient.getByRole('button', { name: 'Skicka svar' }).click();
  await expect(patient.getByText('Runt 130/80 den senaste veckan.')).toBeVisible();
  // C7: the conversation stays open from her side until the unit closes the case.
  await expect(patient.getByText('Du kan skriva till mottagningen i ärendet tills det är avslutat.', { exact: false })).toBeVisible();

  // The nurse sees the answer live (the page is told by the socket) and gives the final answer.
  await expect(nurse.getByText('Runt 130/80 den senaste veckan.')).toBeVisible();
  await composer.getByRole('radio', { name: /Slutsvar/ }).check();
  await composer.getByLabel('Meddelande till patienten').fill('Receptet är förnyat och finns på apoteket inom en timme.');
  await composer.getByRole('button', { name: 'Skicka slutsvaret och avsluta' }).click();
  await expect(nurse.getByText('Slutsvaret är skickat och ärendet är avslutat.')).toBeVisible();

  // The patient reads the final answer; the case is closed.
  await patient.reload();
  await expect(patient.getByText('Receptet är förnyat och finns på apoteket inom en timme.')).toBeVisible();
  await expect(patient.getByText('Avslutat').first()).toBeVisible();
  await expectNoAxeViolations(patient);

  // The notifications in the demo sink: to Anna's address, saying only that there is a message.
  await patient.goto('/utskick');
  await expect(patient.getByRole('heading', { level: 1, name: 'Utskick (demo)' })).toBeVisible();
  const toAnna = patient.getByRole('row').filter({ hasText: 'anna.lindqvist@example.se' });
  // Delivery is asynchronous (the outbox worker); the page shows what the sink has received so far.
  await expect(async () => {
    await patient.reload();
    await expect(patient.getByRole('heading', { level: 1, name: 'Utskick (demo)' })).toBeVisible();
    await expect(toAnna.nth(1)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(toAnna.first()).toContainText('nytt meddelande');
  await expect(patient.getByRole('table')).not.toContainText('Enalapril');
  await expectNoAxeViolations(patient);
});
