import { expect, test, type Page } from '@playwright/test';
import { fakeMediaLaunchOptions, shootAtWidths, signedInPage } from './support/meeting-media.ts';
import { demoPerson, expectNoAxeViolations } from './support/nara.ts';

/**
 * Issue 8 §2 (E2, E3): a three-party meeting. Erik Holm holds a video meeting with Anna
 * Lindqvist that accepts ID shown on camera, invites an Arabic interpreter by link, and the
 * interpreter — without any login, in a third browser — gives a name and waits. Erik sees the
 * interpreter's picture while they wait (only Erik does, and Erik sends them nothing), confirms
 * "Legitimation kontrollerad på kamera", lets them in, and then everyone receives video from
 * both others: framesDecoded grows on each page's connection to each remote.
 */

test.use({ launchOptions: fakeMediaLaunchOptions });

type Hooks = { __naraMeeting?: { byParticipant: () => Map<string, RTCPeerConnection> } };

/** Inbound video frames decoded so far, per remote participant, on this page. */
async function framesByRemote(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const result: Record<string, number> = {};
    for (const [id, pc] of (window as unknown as Hooks).__naraMeeting?.byParticipant() ?? new Map<string, RTCPeerConnection>()) {
      let frames = 0;
      (await pc.getStats()).forEach((report: { type: string; kind?: string; framesDecoded?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'video') frames += report.framesDecoded ?? 0;
      });
      result[id] = frames;
    }
    return result;
  });
}

/** Waits until this page decodes video from `count` remotes, each still growing over a second. */
async function receivesVideoFromEach(page: Page, count: number) {
  await expect.poll(async () => Object.values(await framesByRemote(page)).filter((frames) => frames > 0).length, { timeout: 30_000 }).toBe(count);
  const before = await framesByRemote(page);
  await page.waitForTimeout(1000);
  const after = await framesByRemote(page);
  expect(Object.keys(after)).toHaveLength(count);
  for (const [id, frames] of Object.entries(after)) expect(frames, `video from ${id}`).toBeGreaterThan(before[id] ?? 0);
}

test('a clinician, a patient and an interpreter invited by link meet by video; the interpreter’s ID is checked on camera', async ({ browser }) => {
  test.setTimeout(180_000);
  const anna = demoPerson('anna');

  // Erik creates a meeting with Anna that accepts ID shown on camera, and starts it.
  const doctor = await signedInPage(browser, 'Erik Holm', '/arbetsyta');
  await doctor.getByLabel('Du arbetar på').selectOption({ label: 'Vårdcentralen Ekby' });
  await expect(doctor.getByRole('main').getByText(/^Läkare på Vårdcentralen Ekby/)).toBeVisible();
  await doctor.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Videomöten' }).click();
  await doctor.getByLabel('Patientens personnummer').fill(anna.identityNumber);
  await doctor.getByLabel('Visa legitimation i kameran').check();
  await doctor.getByRole('button', { name: 'Skapa och öppna mötet' }).click();
  await expect(doctor).toHaveURL(/\/arbetsyta\/moten\/[0-9a-f-]{36}$/);
  await doctor.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(doctor.getByRole('heading', { name: 'Väntrummet (0)' })).toBeVisible();

  // The invitation: an interpreter in Arabic, the link shown to copy.
  const invite = doctor.getByRole('region', { name: 'Bjud in' });
  await invite.getByLabel('Roll').selectOption({ label: 'Tolk' });
  await invite.getByLabel('Typ av tolkning').selectOption({ label: 'talat språk' });
  await invite.getByLabel('Språk').fill('arabiska');
  await invite.getByRole('button', { name: 'Skapa inbjudan' }).click();
  const link = await invite.getByLabel('Inbjudningslänk').inputValue();
  expect(link).toMatch(/\/inbjudan#[A-Za-z0-9_-]{43}$/);
  await expect(invite.getByRole('listitem').filter({ hasText: 'Tolk (arabiska)' })).toContainText('Gäller');
  await expectNoAxeViolations(doctor);
  await shootAtWidths(doctor, 'interpreter-invite');

  // Anna joins and is let in.
  const patient = await signedInPage(browser, 'Anna Lindqvist', '/start');
  await patient.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Videomöten' }).click();
  await patient.getByRole('link', { name: /^Till mötet med Vårdcentralen Ekby/ }).click();
  await patient.getByRole('button', { name: 'Gå till väntrummet' }).click();
  await doctor.getByRole('button', { name: 'Släpp in Anna Lindqvist' }).click();
  await receivesVideoFromEach(patient, 1);

  // The interpreter opens the link in a browser of their own, without logging in.
  const interpreterContext = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ['camera', 'microphone'] });
  await interpreterContext.addInitScript(() => {
    (window as unknown as { __naraTestHooks: boolean }).__naraTestHooks = true;
  });
  const interpreter = await interpreterContext.newPage();
  await interpreter.goto(link);
  await expect(interpreter.getByRole('heading', { level: 1, name: 'Inbjudan till videomöte' })).toBeVisible();
  await expect(interpreter.getByText('Du är inbjuden som tolk (arabiska).')).toBeVisible();
  await expect(interpreter.getByText(/Anna|Lindqvist/)).toHaveCount(0);
  await expectNoAxeViolations(interpreter);
  await shootAtWidths(interpreter, 'interpreter-invitation');
  await interpreter.getByLabel('Ditt för- och efternamn').fill('Samira Haddad');
  await interpreter.getByRole('button', { name: 'Fortsätt till mötet' }).click();
  await expect(interpreter).toHaveURL(/\/mote\/[0-9a-f-]{36}$/);
  await expect(interpreter.getByRole('heading', { level: 2, name: 'Kontrollera ljud och bild' })).toBeVisible();
  await interpreter.getByRole('button', { name: 'Gå till väntrummet' }).click();
  await expect(interpreter.getByRole('heading', { level: 2, name: 'Du är i väntrummet' })).toBeVisible();
  await expectNoAxeViolations(interpreter);
  await shootAtWidths(interpreter, 'interpreter-waiting');

  // Erik sees the interpreter waiting with role and language, and their picture for the ID check;
  // letting them in is not possible before the check.
  const waiting = doctor.getByRole('region', { name: /^Väntrummet/ }).getByRole('listitem').filter({ hasText: 'Samira Haddad' });
  await expect(waiting).toContainText('Tolk (arabiska)');
  await expect(waiting.getByRole('button', { name: 'Släpp in Samira Haddad' })).toBeDisabled();
  await expect(waiting.getByRole('figure').locator('video')).toBeVisible({ timeout: 30_000 });
  await receivesVideoFromEach(doctor, 2);
  await expectNoAxeViolations(doctor);
  await shootAtWidths(doctor, 'interpreter-id-check');
  await waiting.getByRole('button', { name: 'Legitimation kontrollerad på kamera för Samira Haddad' }).click();
  await expect(waiting).toContainText('Legitimation kontrollerad');
  await waiting.getByRole('button', { name: 'Släpp in Samira Haddad' }).click();

  // All three receive video from both others.
  await Promise.all([receivesVideoFromEach(doctor, 2), receivesVideoFromEach(patient, 2), receivesVideoFromEach(interpreter, 2)]);
  await expect(patient.getByRole('heading', { name: 'I mötet (3 av högst 6)' })).toBeVisible();
  await expect(patient.getByRole('listitem').filter({ hasText: 'Samira Haddad' })).toContainText('Tolk (arabiska)');
  await expect(interpreter.getByRole('figure').filter({ hasText: 'Anna Lindqvist' }).locator('video')).toBeVisible();
  await expectNoAxeViolations(interpreter);
  await shootAtWidths(interpreter, 'interpreter-inside');
  await shootAtWidths(doctor, 'interpreter-three');

  // The record lists who took part, with their roles.
  await doctor.getByRole('button', { name: 'Avsluta mötet för alla' }).click();
  await doctor.getByRole('alertdialog').getByRole('button').first().click();
  const record = doctor.getByRole('table', { name: 'Deltagare' });
  await expect(record).toContainText('Samira Haddad');
  await expect(record.getByRole('row').filter({ hasText: 'Samira Haddad' })).toContainText('Tolk (arabiska)');
  await expect(interpreter.getByRole('heading', { name: 'Mötet är avslutat' })).toBeVisible();
  await interpreterContext.close();
});
