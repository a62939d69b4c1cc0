import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { addDays, isoWeekday } from '../src/lib/calendar/iso-date.ts';
import { dayOffKind } from '../src/lib/swedish-calendar.ts';
import { demoPerson, expectNoAxeViolations, loginAs } from './support/nara.ts';

/**
 * Issue 5 item 4: Lena Åberg, receptionist at Vårdcentralen Ekby, works in Tidbok. She books
 * Tomas (no care relation there yet) with the nurse Sara Nilsson, moves and cancels the time,
 * and marks a visit of today arrived. Meanwhile Anna books, rebooks and cancels from home
 * (through the patient API, in a second browser) and each change shows in Lena's open
 * calendar without a reload. Independent of the wall clock: the days used are working days
 * ahead, and for today's visit Lena first opens the sampling room for the coming hours
 * through the unit administrator's API (and restores it at the end).
 */

const tomas = demoPerson('tomas');
const anna = demoPerson('anna');
const hanna = demoPerson('hanna');
const STOCKHOLM = 'Europe/Stockholm';
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM }).format(new Date());
const hourNow = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));

/** The n-th working day Monday–Thursday from two days ahead (Sara and Erik both work then; past the patient's 24-hour deadline). */
function workingDay(n: number): string {
  let date = addDays(today, 2);
  for (let found = 0; ; date = addDays(date, 1)) {
    if (isoWeekday(date) <= 4 && !dayOffKind(date) && found++ === n) return date;
  }
}

async function signedIn(browser: Browser, name: string, landsOn: '/start' | '/arbetsyta', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await loginAs(page, name, landsOn);
  return page;
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

/** The booking's status as the panel's facts list shows it. */
const statusIn = (panel: Locator) => panel.getByRole('definition').filter({ hasText: /^(Bokad|Ankommen|Uteblev|Avbokad|Flyttad)$/ });
const saraColumn = (page: Page) => page.getByRole('region', { name: /^Sara Nilsson, / });
const freeSlots = (column: Locator) => column.getByRole('button', { name: /^Ledig tid \d\d:\d\d hos / });
const timeOf = async (slot: Locator) => (/(\d\d:\d\d)/.exec((await slot.textContent()) ?? '') ?? [])[1]!;

async function openDay(page: Page, date: string) {
  await page.getByLabel('Datum').fill(date);
  await expect(page).toHaveURL(new RegExp(`date=${date}`));
  await expect(saraColumn(page)).toBeVisible();
}

test('a receptionist books, moves, cancels and marks arrived in Tidbok; a patient’s changes appear live', async ({ browser }) => {
  test.setTimeout(180_000);
  const day = workingDay(0);
  const lena = await signedIn(browser, 'Lena Åberg', '/arbetsyta');

  // ---- the calendar ----
  await lena.getByRole('navigation', { name: 'Arbetsyta' }).getByRole('link', { name: 'Tidbok' }).click();
  await expect(lena.getByRole('heading', { level: 1, name: 'Tidbok' })).toBeVisible();
  await expect(lena).toHaveURL(/\/arbetsyta\/tidbok/);
  await openDay(lena, day);
  for (const name of ['Sara Nilsson', 'Erik Holm', 'Provtagningsrum']) await expect(lena.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) })).toBeVisible();
  await expectNoAxeViolations(lena);

  // ---- book for Tomas, who has no care relation at Ekby yet ----
  const first = freeSlots(saraColumn(lena)).first();
  const bookedAt = await timeOf(first);
  await first.click();
  const dialog = lena.getByRole('dialog', { name: 'Boka tid' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Patientens person- eller samordningsnummer').fill(tomas.identityNumber);
  await dialog.getByRole('button', { name: 'Hämta patient' }).click();
  await expect(dialog.getByText('Patienten har ingen vårdrelation med enheten ännu.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Boka' }).click();
  await expect(dialog.getByText('Välj besökstyp.')).toBeVisible();
  await dialog.getByRole('radio', { name: /^Besök hos sjuksköterska 30 min/ }).check();
  await dialog.getByLabel('Meddelande till patienten (frivilligt)').fill('Ta med dina mediciner.');
  await expectNoAxeViolations(lena);
  await dialog.getByRole('button', { name: 'Boka' }).click();

  const panel = lena.getByRole('dialog', { name: 'Bokning' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`${tomas.givenName} ${tomas.familyName}`);
  await expect(panel).toContainText(`${tomas.identityNumber.slice(0, 8)}-${tomas.identityNumber.slice(8)}`);
  await expect(panel).toContainText(`${bookedAt}–`);
  await expect(statusIn(panel)).toHaveText('Bokad');
  await expect(panel.getByRole('button', { name: 'Ankommen' })).toHaveCount(0);
  await expect(lena.getByRole('status').filter({ hasText: `Bokat kl. ${bookedAt}` })).toBeVisible();
  await expect(lena).toHaveURL(/appointment=/);
  await expectNoAxeViolations(lena);
  await lena.screenshot({ path: test.info().outputPath('tidbok-panel-1280.png') });

  // ---- move to another free time of the day ----
  await panel.getByRole('button', { name: 'Flytta' }).click();
  const newTime = panel.getByRole('radio', { name: /hos Sara Nilsson$/ }).last();
  const movedTo = (/^(\d\d:\d\d)/.exec((await newTime.evaluate((input) => input.parentElement?.textContent ?? '')) ?? '') ?? [])[1]!;
  await newTime.check();
  await panel.getByRole('button', { name: 'Flytta till vald tid' }).click();
  await expect(panel.getByText('Bokningen är flyttad.')).toBeVisible();
  await expect(panel).toContainText(`${movedTo}–`);
  await expect(saraColumn(lena).getByRole('button', { name: new RegExp(`^${movedTo}–\\d\\d:\\d\\d ${tomas.givenName}`) })).toBeAttached();
  await expect(saraColumn(lena).getByRole('button', { name: `Ledig tid ${bookedAt} hos Sara Nilsson` })).toBeAttached();

  // ---- cancel, with a reason for the log ----
  await panel.getByRole('button', { name: 'Avboka' }).click();
  await panel.getByRole('button', { name: 'Avboka tiden' }).click();
  await expect(panel.getByText('Skriv varför tiden avbokas (minst 3 tecken).')).toBeVisible();
  await panel.getByLabel('Varför avbokas tiden?').fill('Patienten ringde och avbokade.');
  await panel.getByRole('button', { name: 'Avboka tiden' }).click();
  await expect(panel.getByText('Tiden är avbokad.')).toBeVisible();
  await expect(statusIn(panel)).toHaveText('Avbokad');
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toBeHidden();
  await expect(saraColumn(lena).getByRole('button', { name: `Ledig tid ${movedTo} hos Sara Nilsson` })).toBeVisible();
  // What opened the panel (a free time, then a booking) is gone: focus lands on the day's heading, not the page's top.
  await expect(lena.locator('h2.tidbok__range')).toBeFocused();
  await expect(lena.getByText(/^Avbokade tider \(\d+\)$/)).toBeVisible();

  // ---- arrived, today: the administrator (Lena too) opens the sampling room for the coming hours ----
  const headers = { 'x-csrf-token': await csrf(lena) };
  const schedules = (await (await lena.request.get('/api/unit-admin/appointments/schedules')).json()) as {
    schedules: { id: string; name: string; template: { exceptions: Record<string, unknown> }; visitTypeIds: string[]; active: boolean }[];
  };
  const room = schedules.schedules.find((schedule) => schedule.name === 'Provtagningsrum')!;
  // From this hour for two more (to 23:59 late in the evening; only the last quarter of an hour before midnight finds nothing free).
  const until = hourNow >= 21 ? '23:59' : `${String(hourNow + 2).padStart(2, '0')}:45`;
  const opened = { ...room.template, exceptions: { ...room.template.exceptions, [today]: [{ from: `${String(hourNow).padStart(2, '0')}:00`, to: until }] } };
  expect((await lena.request.put(`/api/unit-admin/appointments/schedules/${room.id}`, { headers, data: { template: opened, visitTypeIds: room.visitTypeIds, active: room.active } })).status()).toBe(200);
  try {
    await lena.getByRole('button', { name: 'Idag' }).click();
    const roomColumn = lena.getByRole('region', { name: /^Provtagningsrum, / });
    await freeSlots(roomColumn).first().click();
    await dialog.getByLabel('Patientens person- eller samordningsnummer').fill(tomas.identityNumber);
    await dialog.getByRole('button', { name: 'Boka' }).click();
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Ankommen' }).click();
    await expect(panel.getByText('Markerad som ankommen.')).toBeVisible();
    await expect(statusIn(panel)).toHaveText('Ankommen');
    await expect(roomColumn.getByRole('button', { name: new RegExp(`${tomas.givenName} ${tomas.familyName}`) })).toContainText('Ankommen');
    await panel.getByRole('button', { name: 'Ångra markeringen' }).click();
    await expect(panel.getByText('Markeringen är ångrad.')).toBeVisible();
    await panel.getByRole('button', { name: 'Uteblev' }).click();
    await expect(statusIn(panel)).toHaveText('Uteblev');
    // Tomas's appointments at the unit: the cancelled one ahead and today's.
    await expect(panel.getByRole('region', { name: 'Patientens bokningar på enheten' })).toContainText('Avbokad');
    await panel.getByRole('button', { name: 'Stäng' }).click();
  } finally {
    await lena.request.put(`/api/unit-admin/appointments/schedules/${room.id}`, { headers, data: { template: room.template, visitTypeIds: room.visitTypeIds, active: room.active } });
  }

  // ---- the week, and the reload keeps the view ----
  await openDay(lena, day);
  await lena.getByRole('button', { name: 'Vecka', exact: true }).click();
  await expect(lena.getByRole('heading', { level: 2, name: /^Vecka \d+/ })).toBeVisible();
  for (const name of ['Sara Nilsson', 'Erik Holm', 'Provtagningsrum']) await expect(lena.getByRole('region', { name: new RegExp(`^${name}, `) }).first()).toBeVisible();
  await lena.screenshot({ path: test.info().outputPath('tidbok-unit-week-1280.png'), fullPage: true });
  await lena.getByLabel('Vårdgivare eller rum').selectOption({ label: 'Sara Nilsson' });
  await expect(lena).toHaveURL(/view=week/);
  await expect(lena).toHaveURL(/resource=/);
  await lena.reload();
  await expect(lena.getByRole('button', { name: 'Vecka', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(lena.getByRole('heading', { level: 2, name: /^Vecka \d+/ })).toBeVisible();
  await expectNoAxeViolations(lena);
  await lena.screenshot({ path: test.info().outputPath('tidbok-week-1280.png'), fullPage: true });

  // ---- live: Anna books, rebooks and cancels from home; Lena's calendar follows without a reload ----
  const liveDay = workingDay(1);
  await lena.goto(`/arbetsyta/tidbok?date=${liveDay}&view=day`);
  await expect(saraColumn(lena)).toBeVisible();
  await lena.screenshot({ path: test.info().outputPath('tidbok-day-1280.png'), fullPage: true });
  const annaPage = await signedIn(browser, 'Anna Lindqvist', '/start');
  const annaHeaders = { 'x-csrf-token': await csrf(annaPage) };
  const units = (await (await annaPage.request.get('/api/patient/booking-units')).json()) as { units: { unit: { id: string; name: string } }[] };
  const ekby = units.units.find((entry) => entry.unit.name === 'Vårdcentralen Ekby')!.unit;
  const offer = (await (await annaPage.request.get(`/api/patient/booking-units/${ekby.id}`)).json()) as { visitTypes: { id: string; name: string; refusal: string | null }[] };
  const nurseVisit = offer.visitTypes.find((type) => type.name === 'Besök hos sjuksköterska 30 min' && type.refusal === null)!;
  type Slot = { resourceId: string; startsAt: string; with: { name: string } };
  const slots = (await (await annaPage.request.get(`/api/patient/visit-types/${nurseVisit.id}/slots?from=${liveDay}&days=1`)).json()) as { slots: Slot[] };
  const saras = slots.slots.filter((slot) => slot.with.name === 'Sara Nilsson');
  const [firstChoice, secondChoice] = [saras.at(-1)!, saras.at(-2)!];
  const hhmm = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  const annaBooking = (time: string) => saraColumn(lena).getByRole('button', { name: new RegExp(`^${time}–\\d\\d:\\d\\d ${anna.givenName} ${anna.familyName}`) });
  // The fallback poll is a minute: ten seconds proves the socket.
  const live = { timeout: 10_000 };

  const booked = await annaPage.request.post('/api/patient/appointments', {
    headers: { ...annaHeaders, 'idempotency-key': `e2e-${Date.now()}` },
    data: { visitTypeId: nurseVisit.id, resourceId: firstChoice.resourceId, startsAt: firstChoice.startsAt },
  });
  expect(booked.status()).toBe(201);
  const annaAppointment = (await booked.json()) as { id: string };
  await expect(annaBooking(hhmm(firstChoice.startsAt))).toBeVisible(live);
  await expect(lena.getByRole('status').filter({ hasText: 'Tidboken uppdaterades' })).toBeVisible();

  const rebooked = await annaPage.request.post(`/api/patient/appointments/${annaAppointment.id}/rebook`, {
    headers: annaHeaders,
    data: { resourceId: secondChoice.resourceId, startsAt: secondChoice.startsAt },
  });
  expect(rebooked.ok(), await rebooked.text()).toBe(true);
  const moved = (await rebooked.json()) as { id: string };
  await expect(annaBooking(hhmm(secondChoice.startsAt))).toBeVisible(live);
  await expect(annaBooking(hhmm(firstChoice.startsAt))).toHaveCount(0, live);

  expect((await annaPage.request.post(`/api/patient/appointments/${moved.id}/cancel`, { headers: annaHeaders })).status()).toBe(200);
  await expect(annaBooking(hhmm(secondChoice.startsAt))).toHaveCount(0, live);
  await expect(saraColumn(lena).getByRole('button', { name: `Ledig tid ${hhmm(secondChoice.startsAt)} hos Sara Nilsson` })).toBeVisible(live);
  await annaPage.context().close();
  await lena.context().close();
});

test('Tidbok on a phone: the columns become lists, and the booking panel fills the screen', async ({ browser }) => {
  test.setTimeout(90_000);
  const lena = await signedIn(browser, 'Lena Åberg', '/arbetsyta', { width: 390, height: 844 });
  await lena.goto(`/arbetsyta/tidbok?date=${workingDay(0)}`);
  await expect(saraColumn(lena)).toBeVisible();
  await expectNoAxeViolations(lena);
  // Nothing wider than the phone: no sideways scrolling (WCAG 1.4.10).
  expect(await lena.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await lena.screenshot({ path: test.info().outputPath('tidbok-top-390.png') });
  await saraColumn(lena).screenshot({ path: test.info().outputPath('tidbok-sara-390.png') });
  await lena.screenshot({ path: test.info().outputPath('tidbok-day-390.png'), fullPage: true });
  await freeSlots(saraColumn(lena)).first().click();
  const dialog = lena.getByRole('dialog', { name: 'Boka tid' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(lena);
  await lena.screenshot({ path: test.info().outputPath('tidbok-book-390.png') });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();

  // A booking's panel on the phone; the time is given back at the end.
  await freeSlots(saraColumn(lena)).last().click();
  await dialog.getByLabel('Patientens person- eller samordningsnummer').fill(hanna.identityNumber);
  await dialog.getByRole('button', { name: 'Hämta patient' }).click();
  await expect(dialog.getByRole('status')).toContainText(`${hanna.givenName} ${hanna.familyName}`);
  await dialog.getByRole('radio', { name: /^Telefontid/ }).check();
  await dialog.getByRole('button', { name: 'Boka' }).click();
  const panel = lena.getByRole('dialog', { name: 'Bokning' });
  await expect(statusIn(panel)).toHaveText('Bokad');
  await expectNoAxeViolations(lena);
  await lena.screenshot({ path: test.info().outputPath('tidbok-panel-390.png') });
  await panel.getByRole('button', { name: 'Avboka' }).click();
  await panel.getByLabel('Varför avbokas tiden?').fill('Bokad i ett test.');
  await panel.getByRole('button', { name: 'Avboka tiden' }).click();
  await expect(statusIn(panel)).toHaveText('Avbokad');
  await lena.context().close();
});
