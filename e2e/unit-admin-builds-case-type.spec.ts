import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

// Lena Åberg is unit administrator at Vårdcentralen Ekby, whose Förnya recept already has
// one own question in the demo region ("När tog du senast läkemedlet?").
test('a unit administrator adds an extra question to Förnya recept and builds an own case type', async ({ page }) => {
  await loginAs(page, 'Lena Åberg', '/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Ärendetyper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärendetyper' })).toBeVisible();

  // Förnya recept: the two built-in control questions are locked and come first.
  const renewal = page.getByRole('region', { name: 'Tilläggsfrågor på Förnya recept' });
  const builtIn = renewal.getByRole('listitem').filter({ hasText: 'Låst' });
  await expect(builtIn).toHaveCount(2);
  await expect(builtIn.first()).toContainText('Fungerar läkemedlet som det ska?');
  await expect(builtIn.nth(1)).toContainText('Har du fått några biverkningar?');
  await expect(renewal.getByRole('group', { name: 'Fråga 3', exact: true }).getByLabel('Frågetext')).toHaveValue('När tog du senast läkemedlet?');

  // A second own question (the fourth in all) is fine.
  await renewal.getByRole('button', { name: 'Lägg till fråga' }).click();
  const fourth = renewal.getByRole('group', { name: 'Fråga 4', exact: true });
  await fourth.getByLabel('Frågetext').fill('Vilket apotek vill du hämta ut läkemedlet på?');
  await renewal.getByRole('button', { name: 'Spara tilläggsfrågor' }).click();
  await expect(renewal.getByRole('status').filter({ hasText: 'Tilläggsfrågorna är sparade.' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A third own question is refused, with the way forward.
  await renewal.getByRole('button', { name: 'Lägg till fråga' }).click();
  const fifth = renewal.getByRole('group', { name: 'Fråga 5', exact: true });
  await fifth.getByLabel('Svarstyp').selectOption({ label: 'Ja/nej' });
  await fifth.getByLabel('Frågetext').fill('Vill du ha ett återbesök?');
  await renewal.getByRole('button', { name: 'Spara tilläggsfrågor' }).click();
  const refusal = renewal.getByRole('alert');
  await expect(refusal).toContainText('högst 2 egna frågor');
  await expect(refusal).toContainText('bygg en egen ärendetyp');
  await expectNoAxeViolations(page);
  await fifth.getByRole('button', { name: 'Ta bort fråga 5' }).click();
  await expect(fifth).toHaveCount(0);

  await page.reload();
  await expect(renewal.getByRole('group', { name: /^Fråga \d$/ })).toHaveCount(2);
  await expect(renewal.getByRole('group', { name: 'Fråga 4', exact: true }).getByLabel('Frågetext')).toHaveValue('Vilket apotek vill du hämta ut läkemedlet på?');

  // An own case type under the standard name, with a yes/no and a multiple-choice question.
  await page.getByRole('button', { name: 'Bygg en egen ärendetyp' }).click();
  const form = page.getByRole('region', { name: 'Bygg en egen ärendetyp' });
  await expect(form.getByRole('heading', { name: 'Bygg en egen ärendetyp' })).toBeFocused();
  await form.getByLabel('Namn').fill('Förnya recept');
  await form.getByLabel('Beskrivning för patienten').fill('För dig som har blodtrycks- eller blodfettsmedicin hos oss.');
  const first = form.getByRole('group', { name: 'Fråga 1', exact: true });
  await expect(first.getByLabel('Svarstyp')).toHaveValue('boolean');
  await first.getByLabel('Frågetext').fill('Har du mätt ditt blodtryck den senaste månaden?');
  await form.getByRole('button', { name: 'Lägg till fråga' }).click();
  const second = form.getByRole('group', { name: 'Fråga 2', exact: true });
  await second.getByLabel('Frågetext').fill('Vilka läkemedel vill du förnya?');
  await second.getByLabel('Svarstyp').selectOption({ label: 'Flera val bland alternativ' });
  await second.getByLabel('Obligatorisk att besvara').uncheck();

  // Unfinished options are pointed out before anything is sent.
  await form.getByRole('button', { name: 'Skapa ärendetypen' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toContainText('Fråga 2 är inte färdig.');
  await expect(second.getByText('Ange minst två svarsalternativ.')).toBeVisible();
  await expectNoAxeViolations(page);

  const options = second.getByRole('group', { name: 'Svarsalternativ' });
  await options.getByLabel('Alternativ 1', { exact: true }).fill('Blodtrycksmedicin');
  await options.getByLabel('Alternativ 2', { exact: true }).fill('Blodfettsmedicin');
  await options.getByRole('button', { name: 'Lägg till alternativ' }).click();
  await options.getByLabel('Alternativ 3', { exact: true }).fill('Annat');
  await form.getByRole('button', { name: 'Skapa ärendetypen' }).click();

  const own = page.getByRole('region', { name: 'Egna ärendetyper' });
  await expect(own.getByRole('status')).toHaveText('Ärendetypen Förnya recept är skapad.');
  await expect(own.getByRole('heading', { name: 'Egna ärendetyper' })).toBeFocused();
  const row = own.getByRole('row', { name: /Förnya recept/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Aktiv');
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(row.getByRole('cell').nth(2)).toHaveText('version 1');
  await expectNoAxeViolations(page);

  // Its questions as a FHIR Questionnaire: the multiple-choice question repeats.
  const href = await row.getByRole('link', { name: 'FHIR-formulär Förnya recept' }).getAttribute('href');
  const questionnaire = await (await page.request.get(href!)).json();
  expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', title: 'Förnya recept' });
  expect(questionnaire.item).toEqual([
    { linkId: 'q1', text: 'Har du mätt ditt blodtryck den senaste månaden?', type: 'boolean', required: true },
    {
      linkId: 'q2',
      text: 'Vilka läkemedel vill du förnya?',
      type: 'choice',
      required: false,
      repeats: true,
      answerOption: [{ valueString: 'Blodtrycksmedicin' }, { valueString: 'Blodfettsmedicin' }, { valueString: 'Annat' }],
    },
  ]);
});
