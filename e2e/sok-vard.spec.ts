import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/** Answers "no" / "none of these" / "don't know" (numbers) until the outcome is shown. */
async function answerToOutcome(page: Page) {
  const outcome = page.locator('#triage-outcome-title');
  for (let number = 1; number <= 25; number++) {
    // The next step has rendered: question n, or the outcome.
    await expect(outcome.or(page.getByText(`Fråga ${number}.`))).toBeVisible();
    if (await outcome.isVisible()) return;
    const no = page.getByRole('button', { name: 'Nej', exact: true });
    const none = page.getByRole('radio', { name: 'Inget av detta' }).or(page.getByRole('checkbox', { name: 'Inget av detta' }));
    if (await no.isVisible()) await no.click();
    else if (await none.isVisible()) {
      await none.check();
      await page.getByRole('button', { name: 'Nästa' }).click();
    } else await page.getByRole('button', { name: 'Vet inte' }).click();
  }
  await expect(outcome).toBeVisible();
}

test('a citizen without login answers Sök vård to an outcome, and the region administrator sees it counted and edits the routing', async ({ page }) => {
  await page.goto('/sok-vard');
  await expect(page.getByRole('heading', { level: 1, name: 'Sök vård' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Vad söker du för?').selectOption({ label: 'Ont i halsen' });
  await page.getByLabel('Ålder i år').fill('34');
  await page.getByRole('radio', { name: 'Kvinna' }).check();
  await page.getByRole('button', { name: 'Börja' }).click();
  await expectNoAxeViolations(page);
  await answerToOutcome(page);

  const outcome = page.locator('section.triage-outcome');
  await expect(outcome).toHaveClass(/triage-outcome--(self-care|care-days|care-today)/);
  await expect(outcome.getByRole('heading', { level: 3, name: 'Råd' })).toBeVisible();
  await expect(outcome.getByRole('heading', { level: 3, name: 'Därför blev det så här' })).toBeVisible();
  await expect(outcome.getByRole('heading', { level: 3, name: 'Prata med en människa' })).toBeVisible();
  await expect(outcome.locator('a[href="tel:1177"]').first()).toBeVisible();
  await expect(outcome.locator('a[href="tel:112"]').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await loginAs(page, 'Maja Sund', '/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Sök vård' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Utfall över tid' })).toBeVisible();
  const perComplaint = page.getByRole('region', { name: 'Per sökorsak' });
  await expect(perComplaint.getByRole('rowheader', { name: 'Ont i halsen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Per vecka och brådska' }).getByRole('row')).toHaveCount(13);
  await expect(page.getByText('Nu gäller regionens standard (content/triage/routing.json).')).toBeVisible();
  await expectNoAxeViolations(page);

  // A duplicate rule name is refused, shown at the rule; removing it saves; then back to the standard.
  await page.getByRole('button', { name: 'Lägg till regel' }).click();
  const added = page.locator('li.triage-rule').last();
  await added.locator('summary').click();
  await added.getByLabel('Namn').fill('emergency-112');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(page.getByRole('alert')).toContainText('Regel 13 (emergency-112): Namnet används redan av en annan regel.');
  await expect(added.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await added.getByLabel('Namn').fill('natt-1177');
  await added.getByRole('checkbox', { name: 'Natt (22–08)' }).check();
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reglerna är sparade' })).toBeVisible();
  await expect(page.getByText(/Nu gäller regler sparade av Maja Sund/)).toBeVisible();

  await page.getByRole('button', { name: 'Återställ regionens standard' }).click();
  await page.getByRole('button', { name: 'Ja, återställ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Regionens standard gäller igen.' })).toBeVisible();
  await expect(page.locator('li.triage-rule')).toHaveCount(12);
});
