import { expect, test } from '@playwright/test';
import { demoPerson, expectNoAxeViolations, loginAs, logout } from './support/nara.ts';

const anna = demoPerson('anna');

test('a nurse looks up Anna, and Anna then sees who read her records', async ({ page }) => {
  await page.goto('/logga-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga in som Sara Nilsson' })).toBeVisible();
  await expectNoAxeViolations(page);

  await loginAs(page, 'Sara Nilsson', '/arbetsyta');
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Sara Nilsson' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Sök patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök patient' })).toBeVisible();
  await page.getByLabel('Person- eller samordningsnummer').fill(anna.identityNumber);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const patientHeading = page.getByRole('heading', { level: 2, name: `${anna.givenName} ${anna.familyName}` });
  await expect(patientHeading).toBeVisible();
  await expect(patientHeading).toBeFocused();
  await expectNoAxeViolations(page);

  await logout(page);

  await loginAs(page, 'Anna Lindqvist', '/start');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Anna!' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Vem har läst mina uppgifter?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vem har läst mina uppgifter?' })).toBeVisible();
  const saraRead = page.getByRole('row').filter({ hasText: 'Sara Nilsson' }).filter({ hasText: 'Vårdcentralen Ekby' });
  await expect(saraRead.first()).toBeVisible();
  await expect(saraRead.first()).toContainText('Läste');
  await expectNoAxeViolations(page);
});
