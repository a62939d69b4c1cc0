import { expect, test, type Browser } from '@playwright/test';
import { connectionStates, fakeMediaLaunchOptions, frameGrowth, framesDecoded, shootAtWidths, signedInPage, untilFirstFrame } from './support/meeting-media.ts';
import { demoPerson, expectNoAxeViolations } from './support/nara.ts';

/**
 * Issue 8: the doctor Erik Holm holds a video meeting with Anna Lindqvist at Vårdcentralen
 * Ekby, in two browsers. Both check camera and microphone first (E5), Anna waits in the
 * waiting room until Erik lets her in, and each must then receive the other's video: the
 * inbound video's framesDecoded grows in RTCPeerConnection.getStats(). Chromium's fake camera
 * and microphone stand in for real ones; media goes over loopback, browser to browser.
 * The time from "Släpp in" to the first decoded frame on each side is printed.
 */

test.use({ launchOptions: fakeMediaLaunchOptions });

const signedIn = (browser: Browser, name: string, landsOn: '/start' | '/arbetsyta') => signedInPage(browser, name, landsOn);
const shoot = shootAtWidths;

test('a clinician and a patient meet by video through the waiting room, and each receives the other’s video', async ({ browser }) => {
  test.setTimeout(120_000);
  const anna = demoPerson('anna');

  // The doctor starts a meeting with Anna from the day's meetings.
  const doctor = await signedIn(browser, 'Erik Holm', '/arbetsyta');
  // Erik works at two units; a session starts at Jourcentralen Västerfors, where Anna is not a patient.
  await doctor.getByLabel('Du arbetar på').selectOption({ label: 'Vårdcentralen Ekby' });
  await expect(doctor.getByRole('main').getByText(/^Läkare på Vårdcentralen Ekby/)).toBeVisible();
  await doctor.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Videomöten' }).click();
  await expect(doctor.getByRole('heading', { level: 1, name: 'Videomöten' })).toBeVisible();
  await expectNoAxeViolations(doctor);
  await shoot(doctor, 'meetings-list');
  await doctor.getByLabel('Patientens personnummer').fill(anna.identityNumber);
  await doctor.getByRole('button', { name: 'Skapa och öppna mötet' }).click();
  await expect(doctor).toHaveURL(/\/arbetsyta\/moten\/[0-9a-f-]{36}$/);
  await expect(doctor.getByRole('heading', { level: 1, name: 'Videomöte med Anna Lindqvist' })).toBeVisible();

  // The check before the meeting: own camera, the microphone level, the speaker test, the checklist.
  await expect(doctor.getByRole('heading', { level: 2, name: 'Kontrollera ljud och bild' })).toBeVisible();
  await expect(doctor.getByRole('region', { name: 'Kontrollera ljud och bild' }).locator('video')).toBeVisible();
  await expect(doctor.getByLabel('Mikrofonens ljudnivå')).toBeVisible();
  await expect(doctor.getByText('Ställ kameran i nivå med dina ögon')).toBeVisible();
  await expectNoAxeViolations(doctor);
  await doctor.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(doctor.getByRole('heading', { name: 'Väntrummet (0)' })).toBeVisible();

  // Anna finds the meeting under Videomöten, checks her sound and picture and goes to the waiting room.
  const patient = await signedIn(browser, 'Anna Lindqvist', '/start');
  await patient.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Videomöten' }).click();
  await patient.getByRole('link', { name: /^Till mötet med Vårdcentralen Ekby/ }).click();
  await expect(patient.getByRole('heading', { level: 2, name: 'Kontrollera ljud och bild' })).toBeVisible();
  // The level meter moves with the fake microphone's sound.
  await expect.poll(async () => Number(await patient.getByLabel('Mikrofonens ljudnivå').getAttribute('value')), { timeout: 5000 }).toBeGreaterThan(0);
  await patient.getByRole('button', { name: 'Testa högtalaren' }).click();
  await expect(patient.getByText('Hörde du två toner?')).toBeVisible();
  await expectNoAxeViolations(patient);
  await shoot(patient, 'meeting-check');
  await patient.getByRole('button', { name: 'Gå till väntrummet' }).click();
  await expect(patient.getByRole('heading', { level: 2, name: 'Du är i väntrummet' })).toBeVisible();
  await expect(patient.getByText('Vårdgivaren släpper in dig snart.')).toBeVisible();
  await expectNoAxeViolations(patient);
  await shoot(patient, 'meeting-waiting-room');

  // The doctor sees her waiting (live) and lets her in.
  const admitButton = doctor.getByRole('button', { name: 'Släpp in Anna Lindqvist' });
  await expect(admitButton).toBeVisible();
  const admittedAt = Date.now();
  await admitButton.click();
  const [patientFirstFrameMs, doctorFirstFrameMs] = await Promise.all([untilFirstFrame(patient, admittedAt), untilFirstFrame(doctor, admittedAt)]);
  console.log(`admit → first decoded remote video frame: patient ${patientFirstFrameMs} ms, clinician ${doctorFirstFrameMs} ms`);

  // Both keep receiving: frames decoded grow over two seconds, and the connections are up.
  const before = await Promise.all([framesDecoded(patient), framesDecoded(doctor)]);
  await patient.waitForTimeout(2000);
  const after = await Promise.all([framesDecoded(patient), framesDecoded(doctor)]);
  expect(after[0]).toBeGreaterThan(before[0]);
  expect(after[1]).toBeGreaterThan(before[1]);
  expect(await connectionStates(patient)).toEqual(['connected']);
  expect(await connectionStates(doctor)).toEqual(['connected']);
  await expect(patient.getByRole('figure').filter({ hasText: 'Erik Holm' }).locator('video')).toBeVisible();
  await expect(doctor.getByRole('figure').filter({ hasText: 'Anna Lindqvist' }).locator('video')).toBeVisible();

  // Inside: the participant list, chat and a raised hand, live on the other side.
  await expect(patient.getByRole('heading', { name: 'I mötet (2 av högst 6)' })).toBeVisible();
  await patient.getByLabel('Skriv ett meddelande').fill('Hej! Jag hör dig bra.');
  await patient.getByRole('button', { name: 'Skicka' }).click();
  await expect(doctor.getByRole('list', { name: 'Meddelanden i mötet' })).toContainText('Hej! Jag hör dig bra.');
  await patient.getByRole('button', { name: 'Räck upp handen' }).click();
  await expect(doctor.getByText('Räcker upp handen')).toBeVisible();
  // No screen sharing: Vårdcentralen Ekby's manager has not allowed it.
  await expect(doctor.getByRole('button', { name: 'Dela skärm' })).toHaveCount(0);
  await expectNoAxeViolations(patient);
  await expectNoAxeViolations(doctor);
  await shoot(doctor, 'meeting-room-host');
  await shoot(patient, 'meeting-room-patient');

  // Anna reloads the page: after the check she is back in at once (no waiting room) and the video flows again.
  await patient.reload();
  await expect(patient.getByText('Mötet är öppet i en annan flik eller på en annan enhet.')).toBeVisible();
  await patient.getByRole('button', { name: 'Gå in i mötet' }).click();
  await expect(patient.getByRole('heading', { name: 'I mötet (2 av högst 6)' })).toBeVisible();
  // The old connection froze when the page went; frames growing now come from the new one.
  await expect.poll(() => frameGrowth(doctor), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => frameGrowth(patient), { timeout: 15_000 }).toBeGreaterThan(0);

  // The doctor ends the meeting; both see the record.
  await doctor.getByRole('button', { name: 'Avsluta mötet för alla' }).click();
  await doctor.getByRole('button', { name: 'Ja, avsluta mötet' }).click();
  for (const page of [doctor, patient]) {
    await expect(page.getByRole('heading', { level: 2, name: 'Mötet är avslutat' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deltagare' })).toContainText('Anna Lindqvist');
    await expect(page.getByRole('table', { name: 'Deltagare' })).toContainText('Erik Holm');
  }
  await expectNoAxeViolations(patient);
  await shoot(patient, 'meeting-ended');
});
