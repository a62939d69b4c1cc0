import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

const header = 'hsaId;name;kind;organisationNumber;streetAddress;postalCode;city;phone;latitude;longitude;careOffered';
const newUnit = 'SE2321000999-E0100;Vårdcentralen Tallbacka;vardcentral;232100-0999;Tallvägen 3;73140;Tallbacka;021-44 55 66;59.65;16.25;general_practice,vaccination';
const broken = 'SE2321000999-E0101;Sjukstugan Tallbacka;sjukstuga;232100-0999;Tallvägen 5;73140;Tallbacka;021-44 55 67;59.65;16.25;general_practice';
const csv = (...lines: string[]) => ({ name: 'hsa-export.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n'), 'utf8') });

test('the region administrator previews an HSA export, is stopped by a bad line, then imports, and the unit can be found', async ({ page }) => {
  await loginAs(page, 'Maja Sund', '/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Importera enheter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera enheter' })).toBeVisible();

  await page.getByLabel('CSV-fil').setInputFiles(csv(newUnit, broken));
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByText('1 nya, 0 ändrade, 0 oförändrade, 1 med fel.')).toBeVisible();
  await expect(page.getByText(/Rätta dem och förhandsgranska igen/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('CSV-fil').setInputFiles(csv(newUnit));
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByText('1 nya, 0 ändrade, 0 oförändrade, 0 med fel.')).toBeVisible();
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByRole('heading', { name: 'Importen är klar' })).toBeVisible();

  await page.goto('/hitta-vard?q=tallbacka');
  await expect(page.getByRole('link', { name: 'Vårdcentralen Tallbacka' })).toBeVisible();
});
