import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

test('a guardian switches to handling matters for her child', async ({ page }) => {
  await loginAs(page, 'Anna Lindqvist', '/start');
  const actingFor = page.getByLabel('Du sköter ärenden för');
  await expect(actingFor.locator('option:checked')).toHaveText('Anna Lindqvist (dig själv)');

  await actingFor.selectOption({ label: 'Elsa Lindqvist (som vårdnadshavare)' });
  await expect(page.getByText('Du sköter nu ärenden för Elsa Lindqvist.')).toBeVisible();
  await expect(actingFor.locator('option:checked')).toHaveText('Elsa Lindqvist (som vårdnadshavare)');
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Vem har läst mina uppgifter?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vem har läst uppgifter om Elsa Lindqvist?' })).toBeVisible();
});

test('a 14-year-old handles only his own matters', async ({ page }) => {
  await loginAs(page, 'Leo Berg', '/start');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Leo!' })).toBeVisible();
  await expect(page.getByLabel('Du sköter ärenden för')).toHaveCount(0);
  await expect(page.getByText(/Du sköter nu ärenden för/)).toHaveCount(0);
  // Whose matters these are is always said, also when there is no one else to act for.
  await expect(page.getByText('Du agerar för:')).toContainText('Du agerar för:');
  await expect(page.locator('.acting-for')).toContainText('Leo Berg (dig själv)');
});

test('the language switch turns the page into English', async ({ page }) => {
  await page.goto('/logga-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Log in as Anna Lindqvist' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
});

test('with the keyboard, the first Tab on the start page reaches the skip link', async ({ page }) => {
  await loginAs(page, 'Anna Lindqvist', '/start');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Anna!' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});
