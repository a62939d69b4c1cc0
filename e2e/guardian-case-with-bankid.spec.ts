import { expect, test } from '@playwright/test';
import { demoPerson, expectNoAxeViolations } from './support/nara.ts';

const dashed = (identityNumber: string) => `${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`;

/**
 * Issue 6's journey: Anna signs in with BankID, switches to her daughter Elsa (under 13), sends a
 * message for her; the nurse signs in with SITHS and sees that Anna wrote it for Elsa.
 */
test('a guardian signs in with BankID and writes for her child; the nurse, signed in with SITHS, sees who wrote it', async ({ page, context }) => {
  const anna = demoPerson('anna');
  const elsa = demoPerson('elsa');
  const token = `${Date.now()}`;
  const message = `Elsa ${token} har haft feber i tre dagar, behöver hon komma in?`;

  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  const appOpened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Öppna BankID (simulatorn, ny flik)' }).click();
  const app = await appOpened;
  await app.getByLabel('Personnummer').fill(dashed(anna.identityNumber));
  await app.getByRole('button', { name: 'Legitimera' }).click();
  await app.close();
  await expect(page).toHaveURL('/start');

  const actingFor = page.getByLabel('Du sköter ärenden för');
  await actingFor.selectOption({ label: `${elsa.givenName} ${elsa.familyName} (som vårdnadshavare)` });
  await expect(page.getByText(`Du sköter nu ärenden för ${elsa.givenName} ${elsa.familyName}.`)).toBeVisible();

  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Kontakta vården' }).click();
  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await page.getByRole('link', { name: /Skicka meddelande/ }).click();
  await page.getByLabel('Ditt meddelande').fill(message);
  await page.getByLabel('Jag har läst och godkänner villkoren').check();
  await page.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(page).toHaveURL(/\/start\/arenden\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();

  // The nurse at Vårdcentralen Ekby, with her SITHS card through the region's IdP.
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med SITHS-kort' }).click();
  await page.locator('input[name="login"]').fill('sara');
  await page.locator('input[name="password"]').fill('siths-pin');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL('/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Ärenden' }).click();
  const row = page.getByRole('row', { name: new RegExp(token) });
  await expect(row).toContainText(`${elsa.givenName} ${elsa.familyName}`);
  await row.getByRole('link').first().click();
  await expect(page.getByText(`${anna.givenName} ${anna.familyName} för ${elsa.givenName} ${elsa.familyName}`).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
