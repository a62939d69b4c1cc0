import { expect, test } from '@playwright/test';
import { demoPerson, expectNoAxeViolations, loginAs, logout } from './support/nara.ts';

// Lena Åberg administers Vårdcentralen Ekby; Sara Nilsson is a nurse there; Anna Lindqvist is listed there.
const anna = demoPerson('anna');

test('a unit keeps answer templates, and a nurse sends a case to a patient and finds it in the inbox', async ({ page }) => {
  // The unit administrator writes an answer template and the certificates of Begär intyg.
  await loginAs(page, 'Lena Åberg', '/arbetsyta');
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Svarsmallar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Svarsmallar och intyg' })).toBeVisible();
  const templates = page.getByRole('region', { name: 'Svarsmallar' });
  await templates.getByRole('button', { name: 'Ny svarsmall' }).click();
  const form = page.getByRole('region', { name: 'Ny svarsmall' });
  await expect(form.getByRole('heading', { name: 'Ny svarsmall' })).toBeFocused();
  await form.getByRole('button', { name: 'Spara svarsmallen' }).click();
  await expect(form.getByText('Skriv en rubrik.')).toBeVisible();
  await form.getByLabel('Rubrik', { exact: true }).fill('Provsvar utan anmärkning');
  await form.getByLabel('Text', { exact: true }).fill('Hej! Dina provsvar är klara och ser bra ut.');
  await form.getByRole('button', { name: 'Spara svarsmallen' }).click();
  await expect(templates.getByRole('status')).toHaveText('Svarsmallen Provsvar utan anmärkning är skapad.');
  await expect(templates.getByRole('row', { name: /Provsvar utan anmärkning/ })).toContainText('Aktiv');

  // The demo region may already list some certificates: the new one goes last, and a second one of the same name is refused.
  const certificates = page.getByRole('region', { name: 'Intyg i Begär intyg' });
  const offered = certificates.getByRole('list', { name: 'Intyg som erbjuds' }).getByRole('textbox');
  const before = await offered.count();
  await certificates.getByLabel('Nytt intyg').fill('Intyg för simundervisning');
  await certificates.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await certificates.getByLabel('Nytt intyg').fill('intyg för simundervisning');
  await certificates.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(certificates.getByRole('alert')).toHaveText('Intyget ”intyg för simundervisning” finns redan i listan.');
  await certificates.getByLabel('Nytt intyg').fill('');
  await certificates.getByRole('button', { name: 'Spara intygen' }).click();
  await expect(certificates.getByRole('status')).toHaveText('Intygen är sparade.');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(offered).toHaveCount(before + 1);
  await expect(offered.last()).toHaveValue('Intyg för simundervisning');
  await logout(page);

  // The nurse: the unit's counts on the start page, then the inbox.
  await loginAs(page, 'Sara Nilsson', '/arbetsyta');
  const counts = page.getByRole('region', { name: 'Ärenden' });
  await expect(counts.getByRole('link', { name: /^\d+ öppna$/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible();
  await expect(page.getByText(/^\d+ ärenden?$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // C5: a case to the patient, who may answer once.
  await page.getByRole('link', { name: 'Skicka nytt ärende' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skicka nytt ärende' })).toBeVisible();
  await expect(page.getByText('Patienten kan svara en gång på ärendet.')).toBeVisible();
  await page.getByLabel('Person- eller samordningsnummer').fill(anna.identityNumber);
  await page.getByRole('button', { name: 'Hämta patient' }).click();
  const found = page.getByRole('heading', { name: new RegExp(`${anna.givenName} ${anna.familyName}`) });
  await expect(found).toBeFocused();
  await expect(found).toContainText(`${anna.identityNumber.slice(0, 8)}-${anna.identityNumber.slice(8)}`);
  await page.getByLabel('Rubrik').fill('Dina provsvar');
  await page.getByLabel('Meddelande', { exact: true }).fill('Hej! Hur mår du efter provtagningen i tisdags?');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skicka ärendet' }).click();

  // The case page: header, the thread, and what may be done now.
  await expect(page.getByRole('heading', { level: 1, name: 'Dina provsvar' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Ärende \d+ är skickat till patienten\./ })).toBeVisible();
  await expect(page.getByText('Väntar på patienten')).toBeVisible();
  await expect(page.getByText('Vårdpersonal (patienten kan svara en gång)')).toBeVisible();
  const thread = page.getByRole('region', { name: 'Händelser' });
  await expect(thread.getByRole('listitem')).toHaveCount(1);
  await expect(thread).toContainText('Hej! Hur mår du efter provtagningen i tisdags?');
  await expect(thread).toContainText('Sara Nilsson, sjuksköterska');
  // A staff-started case has no counter-questions; the template goes into the message.
  const composer = page.getByRole('region', { name: 'Svara patienten' });
  await expect(composer.getByRole('radio', { name: /Motfråga/ })).toHaveCount(0);
  await composer.getByLabel('Svarsmall').selectOption({ label: 'Provsvar utan anmärkning' });
  await composer.getByRole('button', { name: 'Infoga mallen' }).click();
  await expect(composer.getByLabel('Meddelande till patienten')).toHaveValue('Hej! Dina provsvar är klara och ser bra ut.');
  await expect(composer.getByLabel('Meddelande till patienten')).toBeFocused();
  await expectNoAxeViolations(page);

  // C6: the record note.
  await page.getByRole('button', { name: 'Visa journalanteckning' }).click();
  await expect(page.getByLabel('Text till journalen')).toHaveValue(/Hej! Hur mår du efter provtagningen i tisdags\?/);

  // The inbox, filtered on what waits for the patient; the filter is in the address.
  await page.getByRole('link', { name: 'Till inkorgen' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Väntar på patienten' });
  await expect(page).toHaveURL(/status=awaiting_patient/);
  const row = page.getByRole('row', { name: /Dina provsvar/ });
  await expect(row).toContainText(`${anna.givenName} ${anna.familyName}`);
  await expect(row).toContainText('Väntar på patienten');
  await expect(row).toContainText('Sara Nilsson');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('awaiting_patient');
  await expect(page.getByRole('row', { name: /Dina provsvar/ })).toBeVisible();

  await page.getByRole('row', { name: /Dina provsvar/ }).getByRole('link', { name: 'Dina provsvar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dina provsvar' })).toBeVisible();
});
