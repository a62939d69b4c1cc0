import { expect, test } from '@playwright/test';

test('someone not logged in who opens /start is sent to the login page', async ({ page }) => {
  await page.goto('/start');
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fstart$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('after logging in from there, the citizen comes back to where they were going', async ({ page }) => {
  await page.goto('/start/logg');
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fstart%2Flogg$/);
  await page.getByRole('button', { name: 'Logga in som Anna Lindqvist' }).click();
  await expect(page).toHaveURL('/start/logg');
  await expect(page.getByRole('heading', { level: 1, name: 'Vem har läst mina uppgifter?' })).toBeVisible();
});
