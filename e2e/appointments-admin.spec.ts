import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/** A Stockholm calendar date `days` from today, as the date inputs want it. */
function stockholmDatePlus(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));
}

async function screenshot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/appointments-admin-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Lena Åberg is receptionist and unit administrator at Vårdcentralen Ekby. The demo region has
// six visit types there, and Sara Nilsson's schedule carries Anna Lindqvist's nurse visit a few days ahead.
test('a unit administrator creates a visit type, puts it on a nurse’s schedule and sets an absence', async ({ page }) => {
  // Six axe runs and screenshots at two widths take their time.
  test.setTimeout(90_000);
  await loginAs(page, 'Lena Åberg', '/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Besökstyper och scheman' }).click();
  await expect(page).toHaveURL('/arbetsyta/enhet/besokstyper');
  await expect(page.getByRole('heading', { level: 1, name: 'Besökstyper' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Enhetens besökstyper' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /Hälsosamtal 60 min/ })).toContainText('Ingen – bara personalen bokar');
  await expect(table.getByRole('row', { name: /Hälsosamtal 60 min/ })).toContainText('Ej publicerad');
  await expectNoAxeViolations(page);

  // A new visit type; a too short length is pointed out before anything is sent.
  await page.getByRole('button', { name: 'Ny besökstyp' }).click();
  const form = page.getByRole('region', { name: 'Ny besökstyp' });
  await expect(form.getByRole('heading', { name: 'Ny besökstyp' })).toBeFocused();
  await form.getByLabel('Namn').fill('Diabetesbesök hos sjuksköterska 45 min');
  await form.getByLabel('Förberedelser för patienten').fill('Ta med din blodsockerdagbok och dina mediciner.');
  await form.getByLabel('Längd i minuter').fill('3');
  await form.getByRole('button', { name: 'Skapa besökstypen' }).click();
  await expect(form.getByRole('alert')).toContainText('mellan 5 och 480 minuter');
  await expectNoAxeViolations(page);
  await form.getByLabel('Längd i minuter').fill('45');
  await form.getByRole('radio', { name: 'Patienter listade på enheten' }).check();
  await form.getByLabel(/Avbokning och ombokning via webben/).fill('24');
  await form.getByRole('button', { name: 'Skapa besökstypen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Besökstypen Diabetesbesök hos sjuksköterska 45 min är skapad.' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Diabetesbesök/ })).toContainText('45 min');
  await screenshot(page, 'visit-types');

  // Sara Nilsson's schedule: add the new type, an absence over her next days, and see what it leaves uncovered.
  await page.getByRole('navigation', { name: 'Tidbokning på enheten' }).getByRole('link', { name: 'Scheman' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scheman' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Sara Nilsson/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schema: Sara Nilsson' })).toBeFocused();
  await expect(page.getByRole('group', { name: 'Måndag' }).getByLabel('Måndag pass 2 Till')).toHaveValue('16:30');
  await page.getByRole('checkbox', { name: 'Diabetesbesök hos sjuksköterska 45 min' }).check();

  // An overlapping interval is refused at the field.
  const friday = page.getByRole('group', { name: 'Fredag' });
  await friday.getByRole('button', { name: 'Lägg till pass Fredag' }).click();
  await friday.getByLabel('Fredag pass 3 Från').fill('14:00');
  await friday.getByLabel('Fredag pass 3 Till').fill('16:00');
  await page.getByRole('button', { name: 'Spara schemat' }).click();
  await expect(page.getByRole('alert')).toContainText('överlappar');
  await expect(friday.getByLabel('Fredag pass 3 Från')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await friday.getByRole('button', { name: 'Ta bort passet Fredag pass 3' }).click();

  const absences = page.getByRole('group', { name: 'Frånvaro', exact: true });
  await absences.getByRole('button', { name: 'Lägg till frånvaro' }).click();
  await absences.getByLabel('Första dagen').fill(stockholmDatePlus(1));
  await absences.getByLabel('Sista dagen').fill(stockholmDatePlus(12));
  await page.getByRole('button', { name: 'Kontrollera bokningar' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\d+ bokning(ar)? framåt ligger utanför schemat/ })).toBeVisible();
  await page.getByRole('button', { name: 'Spara schemat' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Schemat är sparat.' });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('De flyttas inte och avbokas inte.');
  await expectNoAxeViolations(page);
  await screenshot(page, 'schedule');

  // Saved: the list shows the new type on Sara's schedule.
  await page.getByRole('link', { name: 'Alla scheman' }).click();
  await expect(page.getByRole('row', { name: /Sara Nilsson/ })).toContainText('Diabetesbesök hos sjuksköterska 45 min');

  // Put things back for the other journeys: no absence, and the new type retired (never deleted).
  await page.getByRole('link', { name: /Sara Nilsson/ }).click();
  await absences.getByRole('button', { name: 'Ta bort frånvaron' }).click();
  await page.getByRole('button', { name: 'Spara schemat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Schemat är sparat.' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Tidbokning på enheten' }).getByRole('link', { name: 'Besökstyper' }).click();
  await table.getByRole('button', { name: 'Ta ur bruk Diabetesbesök hos sjuksköterska 45 min' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeFocused();
  await confirm.getByRole('button', { name: 'Ta ur bruk' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'är tagen ur bruk' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Diabetesbesök/ })).toContainText('Ur bruk');

  // Settings.
  await page.getByRole('link', { name: 'Påminnelser och bokningsperiod' }).click();
  await expect(page.getByLabel('Påminnelse, timmar före besöket')).toHaveValue('24');
  await page.getByLabel('Hur långt fram patienter kan boka, dagar').fill('400');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByLabel('Hur långt fram patienter kan boka, dagar')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Hur långt fram patienter kan boka, dagar').fill('56');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inställningarna är sparade.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'settings');
});
