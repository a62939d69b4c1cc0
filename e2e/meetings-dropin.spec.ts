import { expect, test } from '@playwright/test';
import { fakeMediaLaunchOptions, frameGrowth, shootAtWidths, signedInPage, untilFirstFrame } from './support/meeting-media.ts';
import { expectNoAxeViolations } from './support/nara.ts';

/**
 * E6, drop-in via video: the nurse Sara Nilsson opens Vårdcentralen Ekby's drop-in; Anna
 * Lindqvist joins its queue with a short reason, sees her place and checks camera and sound
 * while she waits; Sara takes the next patient, which opens a meeting with Anna already in
 * its waiting room; Anna's page follows by itself; Sara lets her in and both receive video.
 */

test.use({ launchOptions: fakeMediaLaunchOptions });

const shoot = shootAtWidths;

test('a patient joins the drop-in queue, the nurse takes the next patient, and they meet by video', async ({ browser }) => {
  test.setTimeout(120_000);
  const nurse = await signedInPage(browser, 'Sara Nilsson', '/arbetsyta');
  await nurse.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Videomöten' }).click();
  const panel = nurse.getByRole('region', { name: 'Drop-in via video' });
  await expect(panel.getByText('Drop-in är stängd.')).toBeVisible();
  await panel.getByLabel('Drop-in via video är öppen').check();
  await panel.getByRole('button', { name: 'Spara' }).click();
  await expect(panel.getByText('Drop-in är öppen.')).toBeVisible();
  await expectNoAxeViolations(nurse);

  // Anna finds the drop-in under Videomöten and joins the queue with a short reason.
  const patient = await signedInPage(browser, 'Anna Lindqvist', '/start');
  await patient.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Videomöten' }).click();
  await patient.getByRole('link', { name: 'Till drop-in' }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Drop-in via video' })).toBeVisible();
  await expect(patient.getByLabel('Mottagning')).toHaveValue(/.+/);
  await expect(patient.getByLabel('Mottagning').locator('option:checked')).toHaveText(/^Vårdcentralen Ekby/);
  await patient.getByLabel('Vad gäller det?').fill('Ont i halsen sedan tre dagar, vill fråga om jag behöver komma in.');
  await expectNoAxeViolations(patient);
  await shoot(patient, 'dropin-join');
  await patient.getByRole('button', { name: 'Ställ dig i kön' }).click();
  await expect(patient.getByRole('heading', { level: 2, name: 'Du står i kön hos Vårdcentralen Ekby' })).toBeVisible();
  await expect(patient.getByText('Du är näst på tur.')).toBeVisible();
  // The pre-meeting check while waiting: own camera and the microphone's level.
  await expect(patient.getByRole('heading', { level: 2, name: 'Kontrollera ljud och bild' })).toBeVisible();
  await expect.poll(async () => Number(await patient.getByLabel('Mikrofonens ljudnivå').getAttribute('value')), { timeout: 5000 }).toBeGreaterThan(0);
  await expectNoAxeViolations(patient);
  await shoot(patient, 'dropin-waiting');

  // Sara sees her in the queue (live) and takes the next patient.
  const queue = panel.getByRole('list', { name: 'I kön (1)' });
  await expect(queue).toContainText('Anna Lindqvist');
  await expect(queue).toContainText('Ont i halsen sedan tre dagar');
  await expectNoAxeViolations(nurse);
  await shoot(nurse, 'dropin-staff');
  await panel.getByRole('button', { name: 'Ta nästa patient' }).click();
  await expect(nurse).toHaveURL(/\/arbetsyta\/moten\/[0-9a-f-]{36}$/);
  await expect(nurse.getByRole('heading', { level: 1, name: 'Videomöte med Anna Lindqvist' })).toBeVisible();

  // Anna's page follows to the meeting, where she is already in the waiting room.
  await expect(patient).toHaveURL(/\/start\/moten\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(patient.getByRole('heading', { level: 2, name: 'Du är i väntrummet' })).toBeVisible();

  await nurse.getByRole('button', { name: 'Starta mötet' }).click();
  const admitButton = nurse.getByRole('button', { name: 'Släpp in Anna Lindqvist' });
  await expect(admitButton).toBeVisible();
  const admittedAt = Date.now();
  await admitButton.click();
  const [patientMs, nurseMs] = await Promise.all([untilFirstFrame(patient, admittedAt), untilFirstFrame(nurse, admittedAt)]);
  console.log(`drop-in — admit → first decoded remote video frame: patient ${patientMs} ms, nurse ${nurseMs} ms`);
  await expect.poll(() => frameGrowth(patient), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => frameGrowth(nurse), { timeout: 10_000 }).toBeGreaterThan(0);

  // Anna turns her microphone off: Sara sees it on her picture and in the list.
  await patient.getByRole('button', { name: 'Stäng av mikrofonen' }).click();
  await expect(nurse.getByRole('figure').filter({ hasText: 'Anna Lindqvist' })).toContainText('Mikrofonen är av');
  await expect(nurse.getByRole('region', { name: /^I mötet/ })).toContainText('Mikrofon av');
  await expectNoAxeViolations(nurse);
  await shoot(nurse, 'dropin-meeting-host');

  await nurse.getByRole('button', { name: 'Avsluta mötet för alla' }).click();
  await nurse.getByRole('button', { name: 'Ja, avsluta mötet' }).click();
  await expect(patient.getByRole('heading', { level: 2, name: 'Mötet är avslutat' })).toBeVisible();

  // Sara closes the drop-in again (the demo region is shared by the other journeys).
  await nurse.getByRole('link', { name: 'Alla videomöten' }).click();
  await panel.getByLabel('Drop-in via video är öppen').uncheck();
  await panel.getByRole('button', { name: 'Spara' }).click();
  await expect(panel.getByText('Drop-in är stängd.')).toBeVisible();
});
