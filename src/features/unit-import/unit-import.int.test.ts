import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { makeOrganisation, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { importColumns } from './model.ts';

let t: TestApp;
beforeAll(async () => {
  // A Monday morning: new units (weekdays 08–17) are open.
  t = await createTestApp({ now: '2026-11-23T09:00:00Z' });
});
afterAll(async () => t?.close());

const HEADER = importColumns.join(';');
const URL = '/api/admin/unit-import';
const csvHeaders = { 'content-type': 'text/csv; charset=utf-8' };
const letters = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');
/** A made-up place name no other test uses, so search finds exactly our unit. */
const placeName = () => `Kvarn${letters(7)}`.replace(/^./, (c) => c.toUpperCase());

type Line = Record<(typeof importColumns)[number], string>;

async function region() {
  const regionOrg = await makeOrganisation(t.db.db, { kind: 'region' });
  const municipality = await makeOrganisation(t.db.db, { kind: 'municipality' });
  const regionAdmin = await makeStaff(t.db.db, { profession: 'administrator', administers: [regionOrg.id] });
  const digits = regionOrg.organisationNumber.replace('-', '');
  const line = (overrides: Partial<Line> = {}): Line => {
    const place = overrides.city ?? placeName();
    return {
      hsaId: `SE${digits}-E${letters(4).toUpperCase()}${randomInt(100000, 999999)}`,
      name: `Vårdcentralen ${place}`,
      kind: 'vardcentral',
      organisationNumber: regionOrg.organisationNumber,
      streetAddress: 'Storgatan 1',
      postalCode: '411 01',
      city: place,
      phone: '010-441 00 00',
      latitude: '57.7',
      longitude: '11.97',
      careOffered: 'general_practice,vaccination',
      ...overrides,
    };
  };
  return { regionOrg, municipality, regionAdmin, line, client: await loginAs(t.app, t.db.db, { staffId: regionAdmin.id }) };
}

const quote = (value: string) => (/[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvOf = (lines: Line[], eol = '\n') => [HEADER, ...lines.map((line) => importColumns.map((column) => quote(line[column])).join(';'))].join(eol) + eol;

const upload = (client: TestClient, csv: string | Buffer, dryRun: boolean, headers: Record<string, string> = csvHeaders) =>
  client.post(`${URL}?dryRun=${dryRun}`, csv, headers);

async function unitByHsaId(hsaId: string) {
  const [row] = await executeRows<{ id: string; name: string; locality: string; phone: string | null; search_text: string | null; opening_hours: unknown }>(
    t.db.db,
    sql`select u.id, u.name, u.locality, p.phone, p.search_text, p.opening_hours from care_units u left join unit_profiles p on p.unit_id = u.id where u.hsa_id = ${hsaId}`,
  );
  return row;
}

/** Audit rows of unit changes by this administrator (other test files may share the database). */
const auditCountBy = async (staffId: string) =>
  (await executeRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from audit_log where object_type = 'care_unit' and actor_staff_id = ${staffId}`))[0]!.n;

describe('importing units from the HSA catalogue', () => {
  it('creates units with profiles, default hours and search text, findable in public search', async () => {
    const { client, line } = await region();
    const a = line();
    const b = line({ kind: 'folktandvard', name: 'Folktandvården "Centrum"; Norra', careOffered: 'dental', latitude: '', longitude: '' });
    // As a browser sends a file: a byte order mark, CRLF, quoted fields, plain text/csv.
    const response = await upload(client, `\uFEFF${csvOf([a, b], '\r\n')}`, false, { 'content-type': 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      summary: { create: 2, update: 0, unchanged: 0, invalid: 0 },
      lines: [
        { line: 2, hsaId: a.hsaId, action: 'create' },
        { line: 3, hsaId: b.hsaId, action: 'create' },
      ],
    });
    const created = await unitByHsaId(a.hsaId);
    expect(created).toMatchObject({ name: a.name, locality: a.city, phone: a.phone });
    expect(created!.search_text).toContain(a.city.toLowerCase());
    expect((await unitByHsaId(b.hsaId))!.name).toBe('Folktandvården "Centrum"; Norra');

    for (const q of [a.city, `vc ${a.city}`, `${a.city} vårdcentral`]) {
      const found = (await t.app.inject({ url: `/api/public/units?q=${encodeURIComponent(q)}` })).json();
      expect(found.units.map((u: { id: string }) => u.id), q).toContain(created!.id);
    }
    const details = (await t.app.inject({ url: `/api/public/units/${created!.id}` })).json();
    expect(details).toMatchObject({ postalCode: '41101', careOffered: ['general_practice', 'vaccination'], openingNow: { open: true } });
    expect(details.week[0]).toMatchObject({ intervals: [['08:00', '17:00']] });

    const audit = await executeRows(t.db.db, sql`select action, reason from audit_log where object_type = 'care_unit' and object_id = ${created!.id}`);
    expect(audit).toEqual([{ action: 'create', reason: 'unit_import' }]);
  });

  it('previews create, update, unchanged and invalid lines with codes, changing nothing; then refuses a file with errors (422)', async () => {
    const { client, line, regionOrg, regionAdmin } = await region();
    const auditCount = () => auditCountBy(regionAdmin.id);
    const same = line();
    const changed = line();
    await upload(client, csvOf([same, changed]), false);
    // An existing unit without a profile (made elsewhere) gets one from the file.
    const bareHsaId = line().hsaId;
    const [bare] = await executeRows<{ id: string }>(
      t.db.db,
      sql`insert into care_units (hsa_id, name, kind, organisation_id, locality) values (${bareHsaId}, 'Hemsjukvården Bar', 'vardcentral', ${regionOrg.id}, 'Testby') returning id`,
    );
    const bareLine = line({ hsaId: bareHsaId, name: 'Hemsjukvården Bar', kind: 'hemsjukvard', careOffered: 'home_care' });
    const fresh = line();
    const broken = line({ kind: 'sjukstuga', postalCode: '4110', careOffered: 'dental,yoga' });
    const duplicate = { ...fresh, name: 'Samma HSA-id igen' };
    const file = csvOf([same, { ...changed, phone: '031-12 34 56', name: `${changed.name} Syd` }, bareLine, fresh, broken, duplicate]);
    const before = await auditCount();

    const preview = await upload(client, file, true);
    expect(preview.statusCode).toBe(200);
    const report = preview.json();
    expect(report.dryRun).toBe(true);
    expect(report.summary).toEqual({ create: 1, update: 2, unchanged: 1, invalid: 2 });
    expect(report.lines).toEqual([
      { line: 2, hsaId: same.hsaId, action: 'unchanged' },
      { line: 3, hsaId: changed.hsaId, action: 'update', changes: ['name', 'phone'] },
      { line: 4, hsaId: bareHsaId, action: 'update', changes: ['kind', 'streetAddress', 'postalCode', 'city', 'phone', 'latitude', 'longitude', 'careOffered'] },
      { line: 5, hsaId: fresh.hsaId, action: 'create' },
      {
        line: 6,
        hsaId: broken.hsaId,
        action: 'invalid',
        errors: [
          expect.objectContaining({ field: 'kind', code: 'unknown_kind' }),
          expect.objectContaining({ field: 'postalCode', code: 'invalid_format' }),
          expect.objectContaining({ field: 'careOffered', code: 'unknown_care_offering', message: expect.stringContaining('yoga') }),
        ],
      },
      { line: 7, hsaId: fresh.hsaId, action: 'invalid', errors: [expect.objectContaining({ field: 'hsaId', code: 'duplicate_hsa_id', message: expect.stringContaining('5') })] },
    ]);
    expect(await unitByHsaId(fresh.hsaId)).toBeUndefined();
    expect((await unitByHsaId(changed.hsaId))!.phone).toBe(changed.phone);
    expect(await auditCount()).toBe(before);

    const refused = await upload(client, file, false);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'import_has_errors', details: { dryRun: false, summary: { invalid: 2 } } });
    expect(await unitByHsaId(fresh.hsaId)).toBeUndefined();
    expect((await unitByHsaId(changed.hsaId))!.phone).toBe(changed.phone);
    expect((await unitByHsaId(bareHsaId))!.phone).toBeNull();
    expect(await auditCount()).toBe(before);

    // Without the invalid lines the same file applies: one create, two updates, in one go.
    const fixed = file.split('\n').filter((_, index) => index !== 5 && index !== 6).join('\n');
    const applied = await upload(client, fixed, false);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().summary).toEqual({ create: 1, update: 2, unchanged: 1, invalid: 0 });
    expect(await unitByHsaId(fresh.hsaId)).toMatchObject({ name: fresh.name, phone: fresh.phone });
    expect(await unitByHsaId(changed.hsaId)).toMatchObject({ name: `${changed.name} Syd`, phone: '031-12 34 56' });
    expect(await unitByHsaId(bareHsaId)).toMatchObject({ id: bare!.id, locality: bareLine.city, phone: bareLine.phone });
    expect(await auditCount()).toBe(before + 3);
  });

  it('applies updates, keeping opening hours the unit has entered, and keeps search text current', async () => {
    const { client, line } = await region();
    const unit = line();
    await upload(client, csvOf([unit]), false);
    const { id } = (await unitByHsaId(unit.hsaId))!;
    const ownHours = { weekly: { mon: [['07:00', '16:00']], tue: [], wed: [], thu: [], fri: [], sat: [['10:00', '14:00']], sun: [] }, closedOnPublicHolidays: true, exceptions: [] };
    await t.db.db.execute(sql`update unit_profiles set opening_hours = ${JSON.stringify(ownHours)}::jsonb where unit_id = ${id}`);
    const newPlace = placeName();
    const moved = { ...unit, city: newPlace, name: `Hälsocentralen ${newPlace}`, careOffered: 'general_practice,diabetes' };
    const applied = await upload(client, csvOf([moved]), false);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().lines).toEqual([{ line: 2, hsaId: unit.hsaId, action: 'update', changes: ['name', 'city', 'careOffered'] }]);
    const after = (await unitByHsaId(unit.hsaId))!;
    expect(after).toMatchObject({ name: moved.name, locality: newPlace, opening_hours: ownHours });
    expect(after.search_text).toContain('diabetesmottagning');
    const found = (await t.app.inject({ url: `/api/public/units?q=${encodeURIComponent(`${newPlace} diabetes`)}` })).json();
    expect(found.units.map((u: { id: string }) => u.id)).toEqual([id]);
    const audit = await executeRows(t.db.db, sql`select action, reason from audit_log where object_type = 'care_unit' and object_id = ${id} order by seq`);
    expect(audit).toEqual([
      { action: 'create', reason: 'unit_import' },
      { action: 'update', reason: 'unit_import: name,city,careOffered' },
    ]);
    // Importing the same file again changes nothing.
    expect((await upload(client, csvOf([moved]), false)).json().summary).toEqual({ create: 0, update: 0, unchanged: 1, invalid: 0 });
  });

  it('is for region administrators only', async () => {
    const { municipality, line } = await region();
    const municipalityAdmin = await makeStaff(t.db.db, { profession: 'administrator', administers: [municipality.id] });
    const unit = await makeUnit(t.db.db);
    const manager = await makeStaff(t.db.db, { unitId: unit.id, roles: ['unit_manager', 'unit_admin'] });
    const file = csvOf([line()]);
    for (const staffId of [municipalityAdmin.id, manager.id]) {
      const response = await upload(await loginAs(t.app, t.db.db, { staffId }), file, true);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `${URL}?dryRun=true`, payload: file, headers: { ...csvHeaders, 'x-csrf-token': 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers a file it cannot read with 400 and a reason, never 500', async () => {
    const { client, line } = await region();
    const good = csvOf([line()]);
    const cases: [string | Buffer, string, Record<string, string>?][] = [
      [`${HEADER}\n"unterminated;x\n`, 'malformed_csv'],
      [`${HEADER}\nSE1;a"b;c\n`, 'malformed_csv'],
      [good.replaceAll(';', ','), 'invalid_csv_header'],
      [`name;hsaId\nx;y\n`, 'invalid_csv_header'],
      ['', 'invalid_csv_header'],
      [Buffer.from(`${HEADER}\nSE2321000131-E1;V\xe5rdcentralen;vardcentral\n`, 'latin1'), 'csv_not_utf8'],
      [good, 'invalid_json', { 'content-type': 'application/json' }],
      [JSON.stringify(good), 'unsupported_media_type', { 'content-type': 'application/json' }],
      [good, 'unsupported_media_type', { 'content-type': 'text/plain' }],
    ];
    for (const [body, code, headers] of cases) {
      const response = await upload(client, body, true, headers ?? csvHeaders);
      expect(response.statusCode, code).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, code).toBeLessThan(500);
      expect(response.json().error.code, JSON.stringify(body).slice(0, 40)).toBe(code);
    }
    const malformed = (await upload(client, `${HEADER}\n"unterminated;x\n`, true)).json();
    expect(malformed.error.details).toEqual({ line: 2, column: 1, problem: 'unterminated_quote' });
    const tooBig = await upload(client, `${HEADER}\n${'x'.repeat(5 * 1024 * 1024)}`, true);
    expect(tooBig.statusCode).toBe(413);
    // A header-only file is a valid, empty import.
    expect((await upload(client, `${HEADER}\n;;;;;;;;;;\n`, false)).json().summary).toEqual({ create: 0, update: 0, unchanged: 0, invalid: 0 });
  });

  it('previews unless dryRun=false is given', async () => {
    const { client, line } = await region();
    const unit = line();
    const response = await client.post(URL, csvOf([unit]), csvHeaders);
    expect(response.json()).toMatchObject({ dryRun: true, summary: { create: 1 } });
    expect(await unitByHsaId(unit.hsaId)).toBeUndefined();
  });
});
