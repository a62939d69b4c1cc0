import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

// An organisation's heading (and its section's name) is its name followed by a badge with its kind.
const startsWith = (name: string) => new RegExp(`^${name}\\b`);
const organisationHeading = (name: string) => ({ level: 2, name: startsWith(name) }) as const;

test('the region administrator sees the region, verifies the log chain and changes option packages', async ({ page }) => {
  await loginAs(page, 'Maja Sund', '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  for (const name of ['Region Västerfors', 'Ekby kommun', 'Strandviks kommun', 'Lindö kommun']) {
    await expect(page.getByRole('heading', organisationHeading(name))).toBeVisible();
  }

  await page.getByRole('button', { name: 'Kontrollera loggkedjan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kedjan är hel' })).toBeVisible();
  await expectNoAxeViolations(page);

  // In the demo region Lindö kommun has only the base package.
  const lindo = page.getByRole('group', { name: 'Avtalspaket för Lindö kommun' });
  const schoolHealth = lindo.getByRole('checkbox', { name: '2. Elevhälsans journal' });
  await expect(lindo.getByRole('checkbox', { name: /^1\./ })).toBeChecked();
  await expect(lindo.getByRole('checkbox', { name: /^1\./ })).toBeDisabled();
  await expect(schoolHealth).not.toBeChecked();
  await schoolHealth.check();
  const lindoSection = page.getByRole('region', { name: startsWith('Lindö kommun') });
  await lindoSection.getByRole('button', { name: 'Spara avtalspaket' }).click();
  await expect(lindoSection.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('group', { name: 'Avtalspaket för Lindö kommun' }).getByRole('checkbox', { name: '2. Elevhälsans journal' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Avtalspaket för Ekby kommun' }).getByRole('checkbox', { name: '3. Kommunal hälso- och sjukvårdsjournal' })).not.toBeChecked();
});

test('a municipality administrator sees only their own municipality and cannot change packages', async ({ page }) => {
  await loginAs(page, 'Oskar Berglund', '/admin');
  await expect(page.getByRole('heading', organisationHeading('Ekby kommun'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(page.getByRole('heading', organisationHeading('Region Västerfors'))).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Spara avtalspaket' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kontrollera loggkedjan' })).toHaveCount(0);
  await expect(page.getByText('1. Informationsutbyte mellan vårdgivare; 2. Elevhälsans journal')).toBeVisible();
  await expectNoAxeViolations(page);
});
