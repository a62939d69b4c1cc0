import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { insertUnits, listOrganisations, updateUnitDetails, type OrganisationRow } from '../../platform/organisations/store.ts';
import type { ImportLine, ImportReport } from './contract.ts';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.ts';
import {
  changedFields,
  defaultOpeningHours,
  headerMatches,
  IMPORT_DELIMITER,
  importColumns,
  lineError,
  normaliseOrganisationNumber,
  readLine,
  type CurrentUnit,
  type ImportedUnit,
  type Language,
  type LineError,
} from './model.ts';
import { findUnitsByHsaIds, unitSearchText, upsertProfiles, type ExistingUnitRow, type ProfileValues } from '../care-units/directory.ts';
import { lockImports } from './store.ts';
import { requireRegionAdministrator } from '../../platform/organisations/administrators.ts';

/**
 * B1 at regional scale: a region administrator loads the units its HSA catalogue
 * exports. Every line is checked and reported (create, update, unchanged, invalid);
 * a real import applies all lines in one transaction, and only when none is invalid.
 */

const problemTexts: Record<CsvSyntaxError['problem'], { sv: string; en: string }> = {
  unterminated_quote: { sv: 'ett citattecken stängs aldrig', en: 'a quote is never closed' },
  text_after_quote: { sv: 'text efter ett avslutande citattecken', en: 'text after a closing quote' },
  quote_in_unquoted_field: { sv: 'citattecken mitt i ett fält utan citattecken', en: 'a quote inside an unquoted field' },
};

/** Bytes → text: UTF-8 only (a Windows-1252 export would otherwise import "Ã¥" for "å"). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('csv_not_utf8', 400, {
      sv: 'Filen är inte sparad som UTF-8. Spara den som "CSV UTF-8" och försök igen.',
      en: 'The file is not saved as UTF-8. Save it as "CSV UTF-8" and try again.',
    });
  }
}

/** The records after the header; a malformed file or a wrong header is a 400 naming the problem. */
export function readCatalogueFile(csv: string): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv, { delimiter: IMPORT_DELIMITER });
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const what = problemTexts[error.problem];
    throw new AppError(
      'malformed_csv',
      400,
      {
        sv: `Filen går inte att läsa som CSV: ${what.sv} (rad ${error.line}, kolumn ${error.column}).`,
        en: `The file cannot be read as CSV: ${what.en} (line ${error.line}, column ${error.column}).`,
      },
      { line: error.line, column: error.column, problem: error.problem },
    );
  }
  const [header, ...lines] = records;
  if (!header || !headerMatches(header.fields)) {
    const expected = importColumns.join(IMPORT_DELIMITER);
    throw new AppError(
      'invalid_csv_header',
      400,
      {
        sv: `Första raden ska vara kolumnnamnen, avgränsade med semikolon: ${expected}`,
        en: `The first line must be the column names, separated by semicolons: ${expected}`,
      },
      { expected, found: header?.fields.join(IMPORT_DELIMITER) ?? '' },
    );
  }
  // Spreadsheets often end an export with rows of empty cells (";;;;"): not units.
  return lines.filter((record) => record.fields.some((field) => field.trim() !== ''));
}

// Region administrators only: the catalogue spans every organisation in the region.
const onlyRegionImports = { sv: 'Bara regionens administratörer kan importera enheter.', en: 'Only region administrators can import units.' };

type PlannedLine = ImportLine & { unit?: ImportedUnit; existing?: ExistingUnitRow };

function currentOf(row: ExistingUnitRow): CurrentUnit {
  const profile = row.profile;
  return {
    hsaId: row.hsaId,
    name: row.name,
    kind: row.kind as CurrentUnit['kind'],
    organisationNumber: normaliseOrganisationNumber(row.organisationNumber) ?? row.organisationNumber,
    locality: row.locality,
    profile: profile && {
      streetAddress: profile.streetAddress,
      postalCode: profile.postalCode,
      city: profile.city,
      phone: profile.phone,
      latitude: profile.latitude,
      longitude: profile.longitude,
      careOffered: profile.careOffered,
    },
  };
}

async function planImport(tx: Tx, records: CsvRecord[], organisations: Map<string, OrganisationRow>, language: Language): Promise<PlannedLine[]> {
  const firstLineOf = new Map<string, number>();
  const read = records.map((record) => {
    const result = readLine(record.fields, (number) => organisations.has(number), language);
    const hsaId = (record.fields[0] ?? '').trim();
    const errors: LineError[] = [...result.errors];
    if (hsaId !== '') {
      const first = firstLineOf.get(hsaId);
      if (first !== undefined) errors.push(lineError('hsaId', 'duplicate_hsa_id', language, String(first)));
      else firstLineOf.set(hsaId, record.line);
    }
    return { line: record.line, hsaId, unit: errors.length === 0 ? result.unit : null, errors };
  });
  const existing = new Map(
    (await findUnitsByHsaIds(tx, read.flatMap((entry) => (entry.unit ? [entry.unit.hsaId] : [])))).map((row) => [row.hsaId, row]),
  );
  return read.map(({ line, hsaId, unit, errors }): PlannedLine => {
    if (!unit) return { line, hsaId, action: 'invalid', errors };
    const current = existing.get(unit.hsaId);
    if (!current) return { line, hsaId, action: 'create', unit };
    const changes = changedFields(currentOf(current), unit);
    return changes.length > 0 ? { line, hsaId, action: 'update', changes, unit, existing: current } : { line, hsaId, action: 'unchanged', unit, existing: current };
  });
}

function reportOf(planned: PlannedLine[], dryRun: boolean): ImportReport {
  const summary = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const line of planned) summary[line.action] += 1;
  return { dryRun, summary, lines: planned.map(({ unit: _unit, existing: _existing, ...line }) => line) };
}

function profileOf(unitId: string, unit: ImportedUnit, kept?: ExistingUnitRow['profile']): ProfileValues {
  return {
    unitId,
    streetAddress: unit.streetAddress,
    postalCode: unit.postalCode,
    city: unit.city,
    phone: unit.phone,
    latitude: unit.latitude,
    longitude: unit.longitude,
    careOffered: unit.careOffered,
    // Opening hours and descriptions are not in the file: an existing unit keeps its own.
    openingHours: kept?.openingHours ?? defaultOpeningHours(),
    descriptionSv: kept?.descriptionSv ?? '',
    descriptionEn: kept?.descriptionEn ?? '',
    searchText: unitSearchText({ name: unit.name, locality: unit.city, city: unit.city, kind: unit.kind, careOffered: unit.careOffered }),
  };
}

async function applyImport(tx: Tx, context: ServiceContext, actor: StaffActor, planned: PlannedLine[], organisations: Map<string, OrganisationRow>) {
  const organisationId = (unit: ImportedUnit) => organisations.get(unit.organisationNumber)!.id;
  const creates = planned.filter((line) => line.action === 'create');
  const ids = await insertUnits(
    tx,
    creates.map(({ unit }) => ({ hsaId: unit!.hsaId, name: unit!.name, kind: unit!.kind, organisationId: organisationId(unit!), locality: unit!.city })),
  );
  const profiles: ProfileValues[] = creates.map(({ unit }) => profileOf(ids.get(unit!.hsaId)!, unit!));
  const updates = planned.filter((line) => line.action === 'update');
  for (const { unit, existing, changes } of updates) {
    if (changes!.some((column) => column === 'name' || column === 'kind' || column === 'organisationNumber' || column === 'city')) {
      await updateUnitDetails(tx, existing!.id, { name: unit!.name, kind: unit!.kind, organisationId: organisationId(unit!), locality: unit!.city });
    }
    profiles.push(profileOf(existing!.id, unit!, existing!.profile));
  }
  await upsertProfiles(tx, profiles);
  for (const { unit } of creates) {
    await recordAudit(tx, context, actor, { action: 'create', objectType: 'care_unit', objectId: ids.get(unit!.hsaId)!, reason: 'unit_import' });
  }
  for (const { existing, changes } of updates) {
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'care_unit', objectId: existing!.id, reason: `unit_import: ${changes!.join(',')}` });
  }
}

/**
 * Checks every line of the file against the catalogue; with dryRun false also
 * applies it, all or nothing: a file with any invalid line is refused (422,
 * import_has_errors, the report in details) and changes nothing.
 */
export async function importUnits(
  context: ServiceContext,
  actor: StaffActor,
  csv: string,
  options: { dryRun: boolean; language: Language },
): Promise<ImportReport> {
  await context.db.transaction((tx) => requireRegionAdministrator(tx, actor));
  const records = readCatalogueFile(csv);
  return context.db.transaction(async (tx) => {
    if (!options.dryRun) await lockImports(tx);
    const organisations = new Map((await listOrganisations(tx)).map((organisation) => [normaliseOrganisationNumber(organisation.organisationNumber) ?? organisation.organisationNumber, organisation]));
    const planned = await planImport(tx, records, organisations, options.language);
    const report = reportOf(planned, options.dryRun);
    if (options.dryRun) return report;
    if (report.summary.invalid > 0) {
      throw new AppError(
        'import_has_errors',
        422,
        {
          sv: `Inget importerades: ${report.summary.invalid} rad(er) har fel. Rätta dem och försök igen.`,
          en: `Nothing was imported: ${report.summary.invalid} line(s) have errors. Correct them and try again.`,
        },
        report,
      );
    }
    await applyImport(tx, context, actor, planned, organisations);
    return report;
  });
}
