import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs, logout } from './support/nara.ts';

// Lena Åberg administers Vårdcentralen Ekby, where Förnya recept starts out active in the demo region.
function renewal(page: Page) {
  return page.locator('details').filter({ has: page.locator('summary', { hasText: 'Förnya recept' }) });
}

async function openRenewal(page: Page) {
  await loginAs(page, 'Lena Åberg', '/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'E-tjänster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enhetens e-tjänster' })).toBeVisible();
  await renewal(page).locator('summary').click();
  return renewal(page);
}

async function regionSeesRenewalAtEkbyAs(page: Page, expected: 'Aktiv' | 'Saknas') {
  await loginAs(page, 'Maja Sund', '/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Basutbud' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Förnya recept' })).toBeVisible();
  const column = (await table.getByRole('columnheader').allTextContents()).indexOf('Förnya recept');
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Vårdcentralen Ekby/ }) });
  await expect(row.getByRole('cell').nth(column - 1)).toContainText(expected);
  await expectNoAxeViolations(page);
  await logout(page);
}

test('a unit administrator turns Förnya recept off and on, is held to the rules, and the region sees it', async ({ page }) => {
  let service = await openRenewal(page);
  await service.getByRole('radio', { name: 'Inte aktiv' }).check();
  await service.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(service.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await expect(service.locator('summary')).toContainText('Inte aktiv');
  await logout(page);

  await regionSeesRenewalAtEkbyAs(page, 'Saknas');

  service = await openRenewal(page);
  await service.getByRole('radio', { name: 'Aktiv', exact: true }).check();
  const samePhone = service.getByRole('checkbox', { name: 'Vi erbjuder detsamma via telefon eller i receptionen' });
  await samePhone.uncheck();
  await service.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(service.getByRole('alert')).toContainText('bara aktiveras om mottagningen erbjuder detsamma via telefon');
  await expectNoAxeViolations(page);
  await samePhone.check();
  await service.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(service.locator('summary')).toContainText('Aktiv');

  // Removing the promise of an answer within two working days is refused with a clear message.
  const swedishTerms = service.getByRole('textbox', { name: 'Villkorstext på svenska' });
  const original = await swedishTerms.inputValue();
  await swedishTerms.fill(original.replace(/- Du får svar inom två arbetsdagar[^\n]*\n/, ''));
  await service.getByRole('button', { name: 'Spara villkorstext' }).click();
  await expect(service.getByRole('alert')).toHaveText('Villkorstexten måste säga att patienten får svar inom två arbetsdagar. (svenska texten)');
  await expectNoAxeViolations(page);

  // An adjustment that keeps the rules is saved as a new version.
  await swedishTerms.fill(original.replace('- Det du skriver', '- Recept på antibiotika förnyas inte utan besök.\n- Det du skriver'));
  await service.getByRole('button', { name: 'Spara villkorstext' }).click();
  await expect(service.getByRole('status').filter({ hasText: 'Villkorstexten är sparad som en ny version.' })).toBeVisible();
  await expect(service.getByText(/Version \d+ – anpassad/)).toBeVisible();
  await logout(page);

  await regionSeesRenewalAtEkbyAs(page, 'Aktiv');
});

test('the region administrator edits the catalogue and is held to the template rules', async ({ page }) => {
  await loginAs(page, 'Maja Sund', '/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'E-tjänstkatalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-tjänstkatalog' })).toBeVisible();
  const forms = page.locator('details').filter({ has: page.locator('summary', { hasText: 'Formulär' }) });
  await forms.locator('summary').click();
  const template = forms.getByRole('textbox', { name: 'Villkorsmall på svenska' });
  const original = await template.inputValue();
  await template.fill(`${original}\n- Ring hellre om det brådskar.`);
  await forms.getByRole('button', { name: 'Spara' }).click();
  await expect(forms.getByRole('alert')).toContainText('punkten om ombud');
  await expectNoAxeViolations(page);
  await template.fill(original);
  await forms.getByRole('checkbox', { name: 'Hemsjukvård' }).uncheck();
  await forms.getByRole('button', { name: 'Spara' }).click();
  await expect(forms.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await page.reload();
  await forms.locator('summary').click();
  await expect(forms.getByRole('checkbox', { name: 'Hemsjukvård' })).not.toBeChecked();
});

test('a wrong address inside an area shows one page, not two', async ({ page }) => {
  await loginAs(page, 'Anna Lindqvist', '/start');
  await page.goto('/start/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
});
