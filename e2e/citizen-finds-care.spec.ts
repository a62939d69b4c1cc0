import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/nara.ts';

// The server's clock is real time here, so nothing below depends on whether a unit is open.
test('a citizen, not logged in, finds the nearest health centre, its hours and its e-services', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Hitta vård' }).click();
  await expect(page).toHaveURL('/hitta-vard');
  await expect(page.getByRole('heading', { level: 1, name: 'Hitta vård' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'mottagningar hittades' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Typing searches by itself after a moment, and the search goes into the address.
  await page.getByLabel('Sök mottagning').fill('vårdcentral');
  await expect(page).toHaveURL(/\/hitta-vard\?q=v%C3%A5rdcentral$/);
  const results = page.getByRole('heading', { level: 3 });
  await expect(results.filter({ hasText: 'Vårdcentralen Ekby' })).toBeVisible();
  await expect(results.filter({ hasText: 'Vårdcentralen Strandvik' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Typ av mottagning' }).selectOption({ label: 'Vårdcentral' });
  await page.getByRole('combobox', { name: 'E-tjänst' }).selectOption({ label: 'Förnya recept digitalt' });
  await expect(page).toHaveURL(/typ=vardcentral/);
  await expect(page).toHaveURL(/etjanst=fornya_recept/);
  await expect(page.getByRole('status').filter({ hasText: '3 mottagningar hittades' })).toBeVisible();
  const ekbyCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Vårdcentralen Ekby' }) });
  await expect(ekbyCard.getByRole('link', { name: '021-31 41 59' })).toHaveAttribute('href', 'tel:021314159');
  await expect(ekbyCard.getByRole('list', { name: 'E-tjänster' }).getByText('Förnya recept')).toBeVisible();
  await expect(ekbyCard.getByText(/^(Öppet|Stängt)/)).toBeVisible();

  // "Öppet nu" is kept in the address, and Back undoes it.
  const openNow = page.getByRole('checkbox', { name: 'Öppet nu' });
  await openNow.check();
  await expect(page).toHaveURL(/oppet=ja/);
  await page.goBack();
  await expect(page).not.toHaveURL(/oppet=ja/);
  await expect(openNow).not.toBeChecked();
  await expect(page).toHaveURL(/typ=vardcentral/);

  // Sorting by distance asks for the position only now, and never puts it in the address.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 59.7, longitude: 16.3 });
  await page.getByRole('button', { name: 'Sortera efter avstånd' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Närmast först' })).toBeVisible();
  await expect(results.first()).toHaveText('Vårdcentralen Ekby');
  await expect(ekbyCard.getByText(/km bort/)).toBeVisible();
  expect(page.url()).not.toMatch(/lat|lon|59\.7|16\.3/);
  await expect(page.getByRole('button', { name: 'Sluta sortera efter avstånd' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The unit's own page.
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/hitta-vard\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdcentralen Ekby' })).toBeVisible();
  await expect(page.getByRole('link', { name: '021-31 41 59' })).toHaveAttribute('href', 'tel:021314159');
  await expect(page.getByRole('link', { name: 'Visa på karta' })).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=59\.6941&mlon=16\.2955/);
  const hours = page.getByRole('table', { name: 'Öppettider de närmaste sju dagarna' });
  await expect(hours).toBeVisible();
  await expect(hours.getByRole('row')).toHaveCount(8);
  await expect(hours.getByRole('rowheader').first()).toHaveText(/^I dag, /);
  await expect(page.getByRole('listitem').filter({ hasText: 'Diabetesmottagning' })).toBeVisible();
  const renew = page.getByRole('link', { name: 'Förnya recept', exact: true });
  await expect(renew).toHaveAttribute('href', /^\/start\/kontakt\/[0-9a-f-]{36}\/fornya_recept$/);
  await expect(page.getByRole('link', { name: 'Skicka meddelande', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Back to the search as it was.
  await page.getByRole('link', { name: 'Tillbaka till sökningen' }).click();
  await expect(page).toHaveURL(/\/hitta-vard\?.*typ=vardcentral/);
  await expect(page.getByLabel('Sök mottagning')).toHaveValue('vårdcentral');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdcentralen Ekby' })).toBeVisible();

  // An e-service needs a login, and leads back to it afterwards.
  await renew.click();
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fstart%2Fkontakt%2F/);
  await page.getByRole('button', { name: 'Logga in som Anna Lindqvist' }).click();
  await expect(page).toHaveURL(/\/start\/kontakt\/[0-9a-f-]{36}\/fornya_recept$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Förnya recept' })).toBeVisible();
  // The form itself, for the unit the citizen came from.
  await expect(page.getByText('Till Vårdcentralen Ekby', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a citizen who refuses to share their position is told why nothing was sorted', async ({ page }) => {
  await page.goto('/hitta-vard?q=ekby');
  await expect(page.getByRole('heading', { level: 3, name: 'Vårdcentralen Ekby' })).toBeVisible();
  await page.getByRole('button', { name: 'Sortera efter avstånd' }).click();
  await expect(page.getByRole('alert')).toContainText('Du har inte gett webbläsaren tillåtelse att visa var du är');
  await expect(page.getByRole('button', { name: 'Sortera efter avstånd' })).toBeEnabled();
  await expectNoAxeViolations(page);
});

test('an unknown unit gets a page that says so', async ({ page }) => {
  await page.goto('/hitta-vard/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Mottagningen finns inte' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tillbaka till sökningen' })).toHaveAttribute('href', '/hitta-vard');
});
