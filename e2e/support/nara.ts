import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

type DemoPerson = { key: string; identityNumber: string; givenName: string; familyName: string };
const regionFile = path.resolve(import.meta.dirname, '../../content/demo-region/region.json');
const region = JSON.parse(fs.readFileSync(regionFile, 'utf8')) as { persons: DemoPerson[] };

/** A person of the demo region, by key ("anna", "elsa", …), as the tests' single source of test data. */
export function demoPerson(key: string): DemoPerson {
  const person = region.persons.find((candidate) => candidate.key === key);
  if (!person) throw new Error(`No person "${key}" in ${regionFile}`);
  return person;
}

/** Logs in through the login page's persona cards and waits until the person's area has loaded. */
export async function loginAs(page: Page, name: string, landsOn: '/start' | '/arbetsyta' | '/admin') {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: `Logga in som ${name}` }).click();
  await expect(page).toHaveURL(landsOn);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();
}

/** Fails with a readable list when axe finds WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}`).join('\n'),
  );
  expect(report, `Accessibility violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}
