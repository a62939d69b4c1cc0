import { expect, test } from '@playwright/test';
import { demoPerson, expectNoAxeViolations, loginAs } from './support/nara.ts';

// Maria Berg is listed at Vårdcentralen Strandvik only: no care relation where Erik works.
const maria = demoPerson('maria-b');

test('a doctor at two units switches unit, and the workspace follows', async ({ page }) => {
  await loginAs(page, 'Erik Holm', '/arbetsyta');
  const unit = page.getByLabel('Du arbetar på');
  const lead = page.getByRole('main').getByText(/^Läkare på /);
  // A new session starts at the first of the units, by name.
  await expect(unit.locator('option:checked')).toHaveText('Jourcentralen Västerfors');
  await expect(lead).toHaveText('Läkare på Jourcentralen Västerfors (Jourcentral).');

  await unit.selectOption({ label: 'Vårdcentralen Ekby' });
  await expect(lead).toHaveText('Läkare på Vårdcentralen Ekby (Vårdcentral).');
  await expect(unit.locator('option:checked')).toHaveText('Vårdcentralen Ekby');

  await page.reload();
  await expect(lead).toContainText('Vårdcentralen Ekby');

  await unit.selectOption({ label: 'Jourcentralen Västerfors' });
  await expect(lead).toContainText('Jourcentralen Västerfors');
});

test('without a care relation a clinician can open the patient only with emergency access', async ({ page }) => {
  await loginAs(page, 'Erik Holm', '/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Sök patient' }).click();
  await page.getByLabel('Person- eller samordningsnummer').fill(maria.identityNumber);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();

  await expect(page.getByText('Du har ingen vårdrelation med patienten vid den här enheten.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ingen vårdrelation – nödåtkomst' })).toBeVisible();
  const reason = page.getByLabel('Skäl till nödåtkomst');
  const open = page.getByRole('button', { name: 'Öppna med nödåtkomst' });
  await reason.fill('För kort');
  await expect(open).toBeDisabled();
  await expectNoAxeViolations(page);

  await reason.fill('Medvetslös patient på akuten, behöver läkemedelslistan.');
  await open.click();
  const patientHeading = page.getByRole('heading', { level: 2, name: `${maria.givenName} ${maria.familyName}` });
  await expect(patientHeading).toBeVisible();
  await expect(patientHeading).toContainText('Nödåtkomst');
  await expect(patientHeading).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Ingen vårdrelation – nödåtkomst' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
