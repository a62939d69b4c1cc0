import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit } from '../../platform/testing/builders.ts';
import { anonymous } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogueIfEmpty } from '../e-services/content.ts';
import { everyone } from '../e-services/model.ts';
import { saveUnitEservice } from '../e-services/store.ts';
import type { UnitDetails, UnitSummary } from './contract.ts';
import { aroundTheClock, makeUnitWithProfile, officeHours } from './testing.ts';

// Each test uses its own made-up place name: on PostgreSQL every test file shares one database.
const TUESDAY_10_STOCKHOLM = '2026-11-24T09:00:00Z';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: TUESDAY_10_STOCKHOLM });
  await loadCatalogueIfEmpty(t.db.db);
});
afterAll(async () => t?.close());
afterEach(() => t.clock.set(TUESDAY_10_STOCKHOLM));

async function search(query: Record<string, string>): Promise<UnitSummary[]> {
  const response = await anonymous(t.app).get(`/api/public/units?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { units: UnitSummary[] }).units;
}

const names = (units: UnitSummary[]) => units.map((unit) => unit.name);

async function activate(unitId: string, code: string) {
  await t.db.db.transaction((tx) =>
    saveUnitEservice(tx, { unitId, eserviceCode: code, status: 'active', offeredByPhoneOrDesk: true, patientGroup: everyone, updatedAt: t.clock.now() }),
  );
}

describe('searching units (public, no login)', () => {
  it('finds the same unit first for "vc grimsta", "grimsta vårdcentral" and "vårdcentral grimsta"', async () => {
    const target = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Grimsta', kind: 'vardcentral', locality: 'Grimsta' });
    await makeUnitWithProfile(t.db.db, { name: 'Folktandvården Grimsta', kind: 'folktandvard', locality: 'Grimsta' }, { careOffered: ['dental'] });
    await makeUnitWithProfile(t.db.db, { name: 'Barnavårdscentralen Grimsta', kind: 'barnavardscentral', locality: 'Grimsta' }, { careOffered: ['child_health'] });
    await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Hagbyholm', kind: 'vardcentral', locality: 'Hagbyholm' });

    for (const q of ['vc grimsta', 'grimsta vårdcentral', 'vårdcentral grimsta', 'Vårdcentralen Grimsta']) {
      const units = await search({ q });
      expect(units[0]?.id, q).toBe(target.id);
    }
  });

  it('is forgiving of a typo in the place name', async () => {
    const target = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Skogsby', kind: 'vardcentral', locality: 'Skogsby' });
    expect((await search({ q: 'skogsbi' }))[0]?.id).toBe(target.id);
    expect((await search({ q: 'vc skogsbi' }))[0]?.id).toBe(target.id);
    // …but not of just anything.
    expect(names(await search({ q: 'skogsbi', kind: 'folktandvard' }))).toEqual([]);
    expect(names(await search({ q: 'qxzvwplk' }))).toEqual([]);
  });

  it('finds a unit with å, ä and ö when the query has none', async () => {
    const target = await makeUnitWithProfile(
      t.db.db,
      { name: 'Hjärtmottagningen Ängsövik', kind: 'specialistmottagning', locality: 'Ängsövik' },
      { careOffered: ['cardiology', 'heart_failure'] },
    );
    expect((await search({ q: 'angsovik' }))[0]?.id).toBe(target.id);
    expect((await search({ q: 'hjartmottagningen angsovik' }))[0]?.id).toBe(target.id);
    // The care offered is searchable too, without diacritics.
    expect(names(await search({ q: 'hjartsvikt angsovik' }))).toContain('Hjärtmottagningen Ängsövik');
  });

  it('filters by kind of unit and by care offered', async () => {
    const vc = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Tallmora', kind: 'vardcentral', locality: 'Tallmora' }, { careOffered: ['general_practice', 'diabetes'] });
    const ftv = await makeUnitWithProfile(t.db.db, { name: 'Folktandvården Tallmora', kind: 'folktandvard', locality: 'Tallmora' }, { careOffered: ['dental'] });

    expect((await search({ q: 'tallmora' })).map((unit) => unit.id).sort()).toEqual([vc.id, ftv.id].sort());
    expect((await search({ q: 'tallmora', kind: 'folktandvard' })).map((unit) => unit.id)).toEqual([ftv.id]);
    expect((await search({ q: 'tallmora', care: 'diabetes' })).map((unit) => unit.id)).toEqual([vc.id]);
    expect(await search({ q: 'tallmora', kind: 'folktandvard', care: 'diabetes' })).toEqual([]);
  });

  it('filters by an active e-service and lists each unit’s active e-services', async () => {
    const renews = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Rönnhed', kind: 'vardcentral', locality: 'Rönnhed' });
    const doesNot = await makeUnitWithProfile(t.db.db, { name: 'Läkarhuset Rönnhed', kind: 'vardcentral', locality: 'Rönnhed' });
    await activate(renews.id, 'fornya_recept');
    await activate(renews.id, 'kontakta_mig');
    await activate(doesNot.id, 'kontakta_mig');
    await t.db.db.transaction((tx) =>
      saveUnitEservice(tx, { unitId: doesNot.id, eserviceCode: 'fornya_recept', status: 'inactive', patientGroup: everyone, updatedAt: t.clock.now() }),
    );

    const units = await search({ q: 'rönnhed', eservice: 'fornya_recept' });
    expect(units.map((unit) => unit.id)).toEqual([renews.id]);
    expect(units[0]!.eservices.map((service) => service.code).sort()).toEqual(['fornya_recept', 'kontakta_mig']);
    expect(units[0]!.eservices.find((service) => service.code === 'fornya_recept')).toMatchObject({
      name: { sv: 'Förnya recept', en: 'Renew a prescription' },
      patientGroup: everyone,
    });
    expect((await search({ q: 'rönnhed', eservice: 'kontakta_mig' })).map((unit) => unit.id).sort()).toEqual([renews.id, doesNot.id].sort());
    expect(await search({ q: 'rönnhed', eservice: 'no_such_service' })).toEqual([]);
  });

  it('shows whether each unit is open now, by the Stockholm clock, and filters on it', async () => {
    const office = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Björkvreten', kind: 'vardcentral', locality: 'Björkvreten' });
    const allHours = await makeUnitWithProfile(t.db.db, { name: 'Akutmottagningen Björkvreten', kind: 'akutmottagning', locality: 'Björkvreten' }, {
      careOffered: ['emergency'],
      openingHours: aroundTheClock(),
    });
    const evenings = await makeUnitWithProfile(t.db.db, { name: 'Jourcentralen Björkvreten', kind: 'jourcentral', locality: 'Björkvreten' }, {
      careOffered: ['out_of_hours'],
      openingHours: officeHours([['17:00', '22:00']]),
    });

    // Tuesday 24 November 2026, 10:00 in Stockholm (CET, UTC+1).
    const all = await search({ q: 'björkvreten' });
    const byId = new Map(all.map((unit) => [unit.id, unit.openingNow]));
    expect(byId.get(office.id)).toEqual({ open: true, closesAt: '2026-11-24T16:00:00.000Z', opensAt: null, todayLabel: null });
    expect(byId.get(allHours.id)).toMatchObject({ open: true, closesAt: null });
    expect(byId.get(evenings.id)).toEqual({ open: false, closesAt: null, opensAt: '2026-11-24T16:00:00.000Z', todayLabel: null });
    expect((await search({ q: 'björkvreten', openNow: 'true' })).map((unit) => unit.id).sort()).toEqual([office.id, allHours.id].sort());
    expect(await search({ q: 'björkvreten', openNow: 'false' })).toHaveLength(3);

    // Juldagen, Friday 25 December 2026, 10:00: the vårdcentral is closed for the holiday, the emergency department is not.
    t.clock.set('2026-12-25T09:00:00Z');
    expect((await search({ q: 'björkvreten', openNow: 'true' })).map((unit) => unit.id)).toEqual([allHours.id]);
    const closed = (await search({ q: 'björkvreten' })).find((unit) => unit.id === office.id)!;
    // Annandag jul is a Saturday; it opens again on Monday 28 December at 08:00.
    expect(closed.openingNow).toEqual({ open: false, closesAt: null, opensAt: '2026-12-28T07:00:00.000Z', todayLabel: { sv: 'Juldagen', en: 'Christmas Day' } });

    // Late on a Friday evening in summer time (CEST, UTC+2): closed until Monday.
    t.clock.set('2026-06-12T20:30:00Z');
    const weekend = (await search({ q: 'björkvreten' })).find((unit) => unit.id === office.id)!;
    expect(weekend.openingNow).toMatchObject({ open: false, opensAt: '2026-06-15T06:00:00.000Z' });
  });

  it('puts the nearest unit first when a position is given, and units without one last', async () => {
    const far = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Norra Lindvreten', locality: 'Lindvreten' }, { latitude: 59.9, longitude: 16.3 });
    const near = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Södra Lindvreten', locality: 'Lindvreten' }, { latitude: 59.701, longitude: 16.301 });
    const middle = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Västra Lindvreten', locality: 'Lindvreten' }, { latitude: 59.75, longitude: 16.2 });
    const nowhere = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Lindvreten', locality: 'Lindvreten' });

    const units = await search({ q: 'lindvreten', lat: '59.70', lon: '16.30' });
    expect(units.map((unit) => unit.id)).toEqual([near.id, middle.id, far.id, nowhere.id]);
    expect(units[0]!.distanceKm).toBeCloseTo(0.1, 1);
    expect(units[2]!.distanceKm).toBeCloseTo(22.2, 0);
    expect(units[3]!.distanceKm).toBeNull();

    // Without a position nothing is said about distance.
    expect((await search({ q: 'lindvreten' })).every((unit) => unit.distanceKm === null)).toBe(true);
  });

  it('finds the nearest units with no search words at all, e.g. the nearest open one of a kind', async () => {
    // A spot far from every other test's units, so the nearest ones are this test's own.
    const here = { latitude: 67.85, longitude: 20.22 };
    const next = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Polstjärnan', kind: 'vardcentral' }, { latitude: 67.851, longitude: 20.221 });
    const further = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Norrsken', kind: 'vardcentral' }, { latitude: 67.9, longitude: 20.3 });
    const units = await search({ lat: String(here.latitude), lon: String(here.longitude), kind: 'vardcentral', limit: '2' });
    expect(units.map((unit) => unit.id)).toEqual([next.id, further.id]);
  });

  it('refuses a bad query with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'kind=sjukstuga', 'lat=91&lon=16', 'openNow=yes']) {
      const response = await anonymous(t.app).get(`/api/public/units?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });
});

describe('a unit’s page (public, no login)', () => {
  it('gives address, phone, the coming week’s hours with holidays and exceptions, care and e-services', async () => {
    const unit = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Ekhamra', kind: 'vardcentral', locality: 'Ekhamra' }, {
      streetAddress: 'Torggatan 4',
      postalCode: '73412',
      phone: '010-555 12 34',
      latitude: 59.69,
      longitude: 16.29,
      description: { sv: 'Vårdcentral mitt i Ekhamra.', en: 'A primary care centre in central Ekhamra.' },
      careOffered: ['general_practice', 'vaccination'],
      openingHours: {
        ...officeHours([
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ]),
        exceptions: [{ from: '2026-12-21', to: '2026-12-23', label: { sv: 'Jultider', en: 'Christmas hours' }, intervals: [['09:00', '15:00']] }],
      },
    });
    await activate(unit.id, 'kontakta_mig');
    t.clock.set('2026-12-21T08:00:00Z'); // Monday 21 December, 09:00 in Stockholm

    const response = await anonymous(t.app).get(`/api/public/units/${unit.id}`);
    expect(response.statusCode).toBe(200);
    const details = response.json() as UnitDetails;
    expect(details).toMatchObject({
      id: unit.id,
      name: 'Vårdcentralen Ekhamra',
      kind: 'vardcentral',
      hsaId: unit.hsaId,
      streetAddress: 'Torggatan 4',
      postalCode: '73412',
      city: 'Ekhamra',
      phone: '010-555 12 34',
      latitude: 59.69,
      longitude: 16.29,
      description: { sv: 'Vårdcentral mitt i Ekhamra.', en: 'A primary care centre in central Ekhamra.' },
      careOffered: ['general_practice', 'vaccination'],
      openingNow: { open: true, closesAt: '2026-12-21T14:00:00.000Z', todayLabel: { sv: 'Jultider', en: 'Christmas hours' } },
      distanceKm: null,
    });
    expect(details.eservices.map((service) => service.code)).toEqual(['kontakta_mig']);
    expect(details.week.map((day) => [day.date, day.reason, day.label?.sv ?? null, day.intervals])).toEqual([
      ['2026-12-21', 'exception', 'Jultider', [['09:00', '15:00']]],
      ['2026-12-22', 'exception', 'Jultider', [['09:00', '15:00']]],
      ['2026-12-23', 'exception', 'Jultider', [['09:00', '15:00']]],
      ['2026-12-24', 'holiday', 'Julafton', []],
      ['2026-12-25', 'holiday', 'Juldagen', []],
      ['2026-12-26', 'holiday', 'Annandag jul', []],
      ['2026-12-27', 'weekly', null, []],
    ]);
  });

  it('answers 404 for a unit that does not exist, or has no public profile', async () => {
    const missing = await anonymous(t.app).get(`/api/public/units/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const withoutProfile = await makeUnit(t.db.db, { name: 'Vårdcentralen Utanprofil', locality: 'Utanprofil' });
    expect((await anonymous(t.app).get(`/api/public/units/${withoutProfile.id}`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/public/units/not-a-uuid')).statusCode).toBe(400);
  });
});
