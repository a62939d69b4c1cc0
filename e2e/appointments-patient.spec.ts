import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/**
 * Issue 5, the patient's side (D1–D4, D6): Anna sees her booked visits under Mina tider,
 * books a blood test at Vårdcentralen Ekby (someone else takes her first choice just
 * before her: she is told and sees the refreshed times), gets the confirmation and the
 * calendar file, moves the visit to another day and cancels it with the keyboard in the
 * confirmation dialog. Axe on every page; screenshots at 390 and 1280 px wide go to
 * test-results/appointments-patient/ to be looked at.
 */

const shots = 'test-results/appointments-patient';

/** The page as a phone (390 px) and as a desktop (1280 px) see it. */
async function screenshots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nav = (page: Page) => page.getByRole('navigation', { name: 'Invånare' });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('a patient books a time, gets the confirmation, rebooks to another day and cancels', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'Anna Lindqvist', '/start');
  await expect(page.getByRole('link', { name: /Mina tider/ }).first()).toBeVisible();

  // D1: her visits, upcoming first (the demo region books two for her), the past below.
  await nav(page).getByRole('link', { name: 'Mina tider' }).click();
  await expect(heading(page, 'Mina tider')).toBeVisible();
  const upcoming = page.getByRole('region', { name: 'Kommande besök' });
  await expect(upcoming.getByRole('article').first()).toBeVisible();
  await expect(upcoming.getByRole('article').filter({ hasText: 'Videobesök' }).getByRole('link', { name: 'Öppna videomötet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tidigare och avbokade besök' })).toContainText('Genomförd');
  await expectNoAxeViolations(page);
  await screenshots(page, '1-mina-tider');

  // Boka tid: her own unit first.
  await page.getByRole('link', { name: 'Boka tid', exact: true }).click();
  await expect(heading(page, 'Boka tid')).toBeVisible();
  await expect(page.getByRole('link', { name: /Vårdcentralen Ekby.*Listad här/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();

  // Visit types; not everything is bookable here, so Beställ tid stands beside (D5).
  await expect(heading(page, 'Boka tid hos Vårdcentralen Ekby')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Beställ tid' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '2-besokstyper');
  await page.getByRole('link', { name: /Provtagning 15 min/ }).click();

  // Free times, soonest first.
  await expect(heading(page, 'Välj tid: Provtagning 15 min')).toBeVisible();
  const slots = page.locator('a.slot');
  await expect(slots.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '3-lediga-tider');
  // Two days on, so that the time can still be changed online (24 h before) later in the journey.
  await page.getByRole('radio', { name: 'Välj datum' }).check();
  const today = new URL(page.url()).searchParams.get('datum')!;
  await page.getByLabel('Visa tider från och med').fill(daysAfter(today, 2));
  await expect(page).toHaveURL(new RegExp(`datum=${daysAfter(today, 2)}`));
  await expect(slots.first()).toBeVisible();
  await expectNoAxeViolations(page);
  const firstChoice = (await slots.first().textContent()) ?? '';
  await slots.first().click();

  // Confirm. Someone takes the time just before Anna clicks: she is told and sees the times again.
  await expect(heading(page, 'Bekräfta bokningen')).toBeVisible();
  await expect(page.getByText('Provtagningsrum')).toBeVisible();
  await expect(page.getByText(/Fasta från kl\. 22/)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '4-bekrafta');
  const chosen = new URL(page.url());
  const visitTypeId = chosen.pathname.split('/')[5]!;
  const taken = await page.request.post('/api/patient/appointments', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { visitTypeId, resourceId: chosen.searchParams.get('resurs'), startsAt: chosen.searchParams.get('start') },
  });
  expect(taken.status()).toBe(201);
  await page.getByRole('button', { name: 'Boka tiden' }).click();
  await expect(page.getByRole('alert')).toContainText('Tiden du valde hann bokas av någon annan');
  await expect(heading(page, 'Välj tid: Provtagning 15 min')).toBeVisible();
  await expect(slots.first()).not.toHaveText(firstChoice);
  await expectNoAxeViolations(page);
  // (The time taken in her name is cancelled again, so the journey ends with the list it began with.)
  const takenId = ((await taken.json()) as { id: string }).id;
  expect((await page.request.post(`/api/patient/appointments/${takenId}/cancel`, { headers: { 'x-csrf-token': await csrf(page) } })).status()).toBe(200);

  await slots.first().click();
  await expect(heading(page, 'Bekräfta bokningen')).toBeVisible();
  await page.getByRole('button', { name: 'Boka tiden' }).click();

  // The confirmation, with the calendar file: named by date, never by who it is for.
  await expect(heading(page, 'Din tid är bokad')).toBeVisible();
  await expect(page).toHaveURL(/\/start\/tider\/[0-9a-f-]{36}\?bokad=1$/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Lägg till i din kalender (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^besok-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(ics).toString('utf8')).toContain('SUMMARY:Provtagning 15 min\\, Vårdcentralen Ekby');
  await expectNoAxeViolations(page);
  await screenshots(page, '5-bokad');
  const bookedWhen = (await page.locator('.appointment-card__time').textContent()) ?? '';

  // D2: another day, a week on; the old time stays until the new one is booked.
  await page.getByRole('link', { name: 'Omboka', exact: true }).click();
  await expect(heading(page, 'Omboka: Provtagning 15 min')).toBeVisible();
  await page.getByRole('radio', { name: 'Välj datum' }).check();
  // A week after the first choice: another day.
  const weekLater = daysAfter(today, 9);
  await page.getByLabel('Visa tider från och med').fill(weekLater);
  await expect(page).toHaveURL(new RegExp(`datum=${weekLater}`));
  await expect(slots.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '6-omboka');
  await slots.first().click();
  await expect(heading(page, 'Bekräfta ombokningen')).toBeVisible();
  await expect(page.getByText(/Din nuvarande tid är .* Den släpps först när den nya tiden är bokad\./)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Omboka till den här tiden' }).click();
  await expect(heading(page, 'Din tid är ombokad')).toBeVisible();
  await expect(page.locator('.appointment-card__time')).not.toHaveText(bookedWhen);
  await expectNoAxeViolations(page);

  // D4: cancel, with the keyboard. Escape keeps the time; the safe choice has the focus first.
  const cancel = page.getByRole('button', { name: 'Avboka', exact: true });
  await cancel.click();
  const dialog = page.getByRole('dialog', { name: 'Vill du avboka tiden?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Nej, behåll tiden' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '7-avboka-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Ja, avboka' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tiden är avbokad.' })).toBeVisible();
  await expect(page.getByText('Avbokad', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await nav(page).getByRole('link', { name: 'Mina tider' }).click();
  await expect(page.getByRole('region', { name: 'Tidigare och avbokade besök' }).getByRole('listitem').filter({ hasText: 'Provtagning 15 min' }).first()).toContainText('Avbokad');
  await screenshots(page, '8-mina-tider-efter');
});

test('a guardian books a time for her child', async ({ page }) => {
  await loginAs(page, 'Anna Lindqvist', '/start');
  await page.getByLabel('Du sköter ärenden för').selectOption({ label: 'Elsa Lindqvist (som vårdnadshavare)' });
  await expect(page.getByText('Du agerar för: Elsa Lindqvist (som vårdnadshavare)')).toBeAttached();
  await nav(page).getByRole('link', { name: 'Mina tider' }).click();
  await expect(heading(page, 'Tider för Elsa Lindqvist')).toBeVisible();
  await page.getByRole('link', { name: 'Boka tid', exact: true }).click();
  await expect(page.getByText('Du bokar för Elsa Lindqvist.')).toBeVisible();
  await page.getByLabel('Mottagningens namn eller ort').fill('Ekby');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await page.getByRole('link', { name: /Provtagning 15 min/ }).click();
  await page.locator('a.slot').first().click();
  await expect(heading(page, 'Bekräfta bokningen')).toBeVisible();
  await expect(page.getByText('Tiden bokas för Elsa Lindqvist.')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '9-vardnadshavare-bekrafta');
  await page.getByRole('button', { name: 'Boka tiden' }).click();
  await expect(heading(page, 'Din tid är bokad')).toBeVisible();
  await nav(page).getByRole('link', { name: 'Mina tider' }).click();
  await expect(page.getByRole('region', { name: 'Kommande besök' }).getByRole('article').filter({ hasText: 'Provtagning 15 min' })).toBeVisible();

  // The same page in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(heading(page, 'Appointments for Elsa Lindqvist')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Upcoming visits' }).getByRole('link', { name: 'Add to calendar (.ics)' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, '10-english');
});
