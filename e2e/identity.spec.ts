import { expect, test } from '@playwright/test';
import { demoPerson, expectNoAxeViolations } from './support/nara.ts';

const dashed = (identityNumber: string) => `${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`;

test('a citizen signs in with BankID on another device: the QR code, scanned and approved in the simulator', async ({ page, context }) => {
  const anna = demoPerson('anna');
  await page.goto('/logga-in');
  const firstQr = page.waitForResponse((response) => response.url().endsWith('/api/auth/bankid/start'));
  await page.getByRole('button', { name: 'BankID på annan enhet' }).click();
  const started = (await (await firstQr).json()) as { qr: string };
  expect(started.qr).toMatch(/^bankid\.[0-9a-f-]{36}\.0\.[0-9a-f]{64}$/);

  const qrImage = page.getByRole('img', { name: /QR-kod för inloggning med BankID/ });
  await expect(qrImage).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Starta BankID-appen.');
  // The browser fetches a new code every second; the image changes with it.
  const before = await qrImage.locator('path').getAttribute('d');
  const refreshed = await page.waitForResponse((response) => /\/api\/auth\/bankid\/[^/]+\/qr$/.test(response.url()));
  const { qr } = (await refreshed.json()) as { qr: string };
  expect(qr).toMatch(/^bankid\.[0-9a-f-]{36}\.[1-9]\d*\.[0-9a-f]{64}$/);
  await expect.poll(() => qrImage.locator('path').getAttribute('d')).not.toBe(before);
  await expectNoAxeViolations(page);

  // The phone scans the code on the screen; the simulator checks it against the order's secret.
  const scan = await page.request.post('/api/dev/bankid/scan', { data: { qr }, headers: { 'x-csrf-token': 'e2e' } });
  expect(scan.status()).toBe(200);
  await expect(page.getByRole('status')).toContainText('Söker efter BankID');

  const phone = await context.newPage();
  await phone.goto('/dev/bankid');
  await expect(phone.getByRole('heading', { level: 1, name: 'BankID-simulatorn (demo)' })).toBeVisible();
  await expectNoAxeViolations(phone);
  const order = phone.getByRole('listitem').first();
  await order.getByLabel('Personnummer').fill(dashed(anna.identityNumber));
  await order.getByRole('button', { name: 'Legitimera' }).click();

  await expect(page).toHaveURL('/start');
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${anna.givenName}!` })).toBeVisible();
  await phone.close();
});

test('a citizen signs in with BankID on the same device (autostart)', async ({ page, context }) => {
  const johan = demoPerson('johan');
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  await expect(page.getByRole('status')).toHaveText('Försöker starta BankID-appen.');
  const appOpened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Öppna BankID (simulatorn, ny flik)' }).click();
  const app = await appOpened;
  await expect(app.getByText('BankID-appen öppnades från Nära på den här enheten.')).toBeVisible();
  await app.getByLabel('Personnummer').fill(dashed(johan.identityNumber));
  await app.getByRole('button', { name: 'Legitimera' }).click();
  await expect(app.getByText('Klart. Gå tillbaka till fliken med Nära.')).toBeVisible();

  await expect(page).toHaveURL('/start');
  await expect(page.getByRole('heading', { level: 1, name: `Hej ${johan.givenName}!` })).toBeVisible();
  await app.close();
});

test('a cancelled BankID login says so and can be tried again', async ({ page, context }) => {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'BankID på annan enhet' }).click();
  await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
  const phone = await context.newPage();
  await phone.goto('/dev/bankid');
  await phone.getByRole('listitem').first().getByRole('button', { name: 'Avbryt i appen' }).click();
  await expect(page.getByRole('status')).toHaveText('Åtgärden avbruten.');
  await expect(page.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  await phone.close();
});

test('a nurse signs in with SITHS through the region’s IdP (OpenID Connect)', async ({ page }) => {
  await page.goto('/logga-in');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Logga in med SITHS-kort' }).click();
  // The stand-in IdP's own login page (oidc-provider): the demo region's staff by key.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:3199\/interaction\//);
  await page.locator('input[name="login"]').fill('sara');
  await page.locator('input[name="password"]').fill('siths-pin');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  await expect(page).toHaveURL('/arbetsyta');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sara Nilsson');
});

test('someone who is not staff here is turned away from SITHS login with a clear message', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med SITHS-kort' }).click();
  await page.locator('input[name="login"]').fill('nobody-here');
  await page.locator('input[name="password"]').fill('x');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL('/logga-in?fel=siths_unknown_staff');
  await expect(page.getByRole('alert')).toHaveText(/du finns inte som medarbetare i Nära/);
});

test('“End all my sessions” logs the person out on every device', async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  for (const page of [onPhone, onLaptop]) {
    await page.goto('/logga-in');
    await page.getByRole('button', { name: 'Logga in som Karin Ek' }).click();
    await expect(page).toHaveURL('/start');
  }
  await onLaptop.getByRole('button', { name: 'Avsluta alla mina inloggningar' }).click();
  await expect(onLaptop.getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();
  await onPhone.reload();
  await expect(onPhone).toHaveURL(/\/logga-in/);
  await phone.close();
  await laptop.close();
});
