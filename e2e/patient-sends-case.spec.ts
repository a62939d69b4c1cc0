import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, loginAs } from './support/nara.ts';

/**
 * C1 from the patient's side: Anna picks her health centre under Kontakta vården, sends
 * Skicka meddelande and Beställ tid, and finds both under Mina ärenden. A double click on
 * Skicka makes one case. (The unit's side of the same cases is its own journey.)
 */

// A real 1×1 PNG: the server decides the type from the bytes, not from the name.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function openCaseType(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Kontakta vården' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakta vården' })).toBeVisible();
  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakta Vårdcentralen Ekby' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a patient sends a message and an appointment request to her health centre and sees both in Mina ärenden', async ({ page }) => {
  const token = `${Date.now()}`;
  const message = `Jag kommer tio minuter sent till besöket på torsdag (${token}).`;
  const reason = `Ont i knät sedan i somras (${token})`;

  await loginAs(page, 'Anna Lindqvist', '/start');
  await expect(page.getByRole('link', { name: /Kontakta vården/ }).first()).toBeVisible();

  // Kontakta vården: her own unit first, and a search for others.
  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: 'Kontakta vården' }).click();
  await expect(page.getByRole('link', { name: /Vårdcentralen Ekby.*Listad här/ })).toBeVisible();
  await page.getByLabel('Mottagningens namn eller ort').fill('Strandvik');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('link', { name: /Vårdcentralen Strandvik/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /Vårdcentralen Ekby/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakta Vårdcentralen Ekby' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Förnya recept/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Skicka meddelande: only acknowledged; sending an empty form says what to correct.
  await page.getByRole('link', { name: /Skicka meddelande/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skicka meddelande' })).toBeVisible();
  await expect(page.getByText(/Mottagningen bekräftar bara att meddelandet har kommit fram/)).toBeVisible();
  await page.getByRole('button', { name: 'Skicka', exact: true }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Innan du kan skicka' });
  await expect(problems).toContainText('Ditt meddelande – Du behöver fylla i det här.');
  await expect(problems).toContainText('Du behöver godkänna villkoren för att kunna skicka.');
  await expect(page.getByLabel('Ditt meddelande')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Ditt meddelande').fill(message);
  await expect(page.getByText(`${message.length} av 1000 tecken`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Villkorstext' })).toContainText('Du får svar inom två arbetsdagar');
  await page.getByLabel('Jag har läst och godkänner villkoren').check();
  // A double click sends once: one Idempotency-Key per form, and the button is off while sending.
  await page.getByRole('button', { name: 'Skicka', exact: true }).dblclick();
  await expect(page).toHaveURL(/\/start\/arenden\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Ditt ärende är skickat.')).toBeVisible();
  await expect(page.getByText(/Mottagningen bekräftar inom två arbetsdagar, senast \S+ \d+ \S+/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Skicka meddelande' })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Ärendet skickades' })).toContainText(message);
  await expectNoAxeViolations(page);

  // Beställ tid: a wish, not a booking; with whom, and a photo.
  await openCaseType(page, 'Beställ tid');
  await expect(page.getByText('Det här är ett önskemål om tid, inte en bokning.')).toBeVisible();
  await page.getByLabel('Vad gäller det?').fill(reason);
  await page.getByLabel(/Vilka dagar och tider passar dig/).fill('Tisdagar efter klockan 15');
  await expect(page.getByLabel(/Någon särskild/)).toHaveCount(0);
  await page.getByRole('radio', { name: 'Läkare' }).check();
  await page.getByLabel(/Någon särskild/).fill('Gärna Erik Holm');
  await page.getByLabel('Bifoga foto eller PDF').setInputFiles({ name: 'knä.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('listitem').filter({ hasText: 'knä.png' })).toContainText('Bifogad');
  await page.getByLabel('Jag har läst och godkänner villkoren').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(page.getByText('Ditt ärende är skickat.')).toBeVisible();
  await expect(page.getByText(/Du får svar inom två arbetsdagar, senast \S+ \d+ \S+/)).toBeVisible();
  const request = page.getByRole('article').filter({ hasText: 'Ärendet skickades' });
  await expect(request).toContainText(reason);
  await expect(request).toContainText('Läkare');
  await expect(request.getByRole('link', { name: /knä\.png/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Mina ärenden: both, open, with status in words; the double click made one case.
  await page.getByRole('navigation', { name: 'Invånare' }).getByRole('link', { name: /Mina ärenden/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible();
  const open = page.getByRole('region', { name: 'Pågående ärenden' });
  await expect(open.getByRole('listitem').filter({ hasText: token })).toHaveCount(2);
  await expect(open.getByRole('listitem').filter({ hasText: message })).toContainText('Mottaget');
  await expect(open.getByRole('link', { name: /Beställ tid/ }).filter({ hasText: token })).toBeVisible();
  await expectNoAxeViolations(page);

  const list = (await (await page.request.get('/api/patient/cases')).json()) as { cases: { subject: string }[] };
  expect(list.cases.filter((item) => item.subject.includes(token))).toHaveLength(2);
  expect(list.cases.filter((item) => item.subject === message)).toHaveLength(1);
});
