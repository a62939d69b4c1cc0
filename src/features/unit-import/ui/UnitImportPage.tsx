import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { ImportLine, ImportReport } from '../contract.ts';
import { importColumns, type ImportColumn } from '../model.ts';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Importera enheter',
    intro:
      'Läs in regionens vårdenheter från en export ur HSA-katalogen. Nya enheter skapas med öppettiderna vardagar 08–17 (stängt helgdagar), befintliga uppdateras; öppettider och beskrivningar som enheterna själva har angett behålls.',
    format: 'Filformat: CSV i UTF-8, semikolon mellan fälten, första raden med kolumnnamnen:',
    file: 'CSV-fil',
    fileHint: 'Högst 5 MB. Förhandsgranska först; inget ändras förrän du väljer Importera.',
    preview: 'Förhandsgranska',
    apply: 'Importera',
    chooseFile: 'Välj en fil först.',
    summaryTitle: (dryRun: boolean): string => (dryRun ? 'Förhandsgranskning' : 'Importen är klar'),
    summary: (s: ImportReport['summary']) => `${s.create} nya, ${s.update} ändrade, ${s.unchanged} oförändrade, ${s.invalid} med fel.`,
    fixFirst: 'Filen har rader med fel. Rätta dem och förhandsgranska igen; inget importeras förrän alla rader är giltiga.',
    nothingToDo: 'Filen innehåller inga ändringar.',
    ready: (n: number) => `Klart att importera: ${n} enheter skapas eller ändras i en och samma åtgärd.`,
    onlyProblems: 'Visa bara rader med fel',
    caption: (n: number) => `${n} rader`,
    line: 'Rad',
    hsaId: 'HSA-id',
    action: 'Åtgärd',
    details: 'Ändringar eller fel',
    actions: { create: 'Ny', update: 'Ändras', unchanged: 'Oförändrad', invalid: 'Fel' },
    columns: {
      hsaId: 'HSA-id',
      name: 'namn',
      kind: 'typ',
      organisationNumber: 'organisationsnummer',
      streetAddress: 'gatuadress',
      postalCode: 'postnummer',
      city: 'ort',
      phone: 'telefon',
      latitude: 'latitud',
      longitude: 'longitud',
      careOffered: 'vårdutbud',
    } satisfies Record<ImportColumn, string>,
    wholeLine: 'raden',
  },
  en: {
    title: 'Import units',
    intro:
      "Load the region's care units from an export of the HSA catalogue. New units are created with opening hours weekdays 08–17 (closed on public holidays); existing ones are updated, keeping the opening hours and descriptions the units have entered themselves.",
    format: 'File format: CSV in UTF-8, semicolons between fields, the first line holding the column names:',
    file: 'CSV file',
    fileHint: 'At most 5 MB. Preview first; nothing changes until you choose Import.',
    preview: 'Preview',
    apply: 'Import',
    chooseFile: 'Choose a file first.',
    summaryTitle: (dryRun: boolean): string => (dryRun ? 'Preview' : 'The import is done'),
    summary: (s: ImportReport['summary']) => `${s.create} new, ${s.update} changed, ${s.unchanged} unchanged, ${s.invalid} with errors.`,
    fixFirst: 'The file has lines with errors. Correct them and preview again; nothing is imported until every line is valid.',
    nothingToDo: 'The file contains no changes.',
    ready: (n: number) => `Ready to import: ${n} units are created or changed in one single operation.`,
    onlyProblems: 'Show only lines with errors',
    caption: (n: number) => `${n} lines`,
    line: 'Line',
    hsaId: 'HSA id',
    action: 'Action',
    details: 'Changes or errors',
    actions: { create: 'New', update: 'Changed', unchanged: 'Unchanged', invalid: 'Error' },
    columns: {
      hsaId: 'HSA id',
      name: 'name',
      kind: 'kind',
      organisationNumber: 'organisation number',
      streetAddress: 'street address',
      postalCode: 'postal code',
      city: 'city',
      phone: 'phone',
      latitude: 'latitude',
      longitude: 'longitude',
      careOffered: 'care offered',
    } satisfies Record<ImportColumn, string>,
    wholeLine: 'the line',
  },
};

/** Sends the file as it is (text/csv) through the shared client: same CSRF token, errors and session handling. */
function uploadCatalogue(file: File, dryRun: boolean): Promise<ImportReport> {
  return api<ImportReport>('POST', `/api/admin/unit-import?dryRun=${dryRun}`, { raw: file, contentType: 'text/csv' });
}

/** The report an import_has_errors answer carries, if this error is one. */
function reportIn(error: unknown): ImportReport | undefined {
  return error instanceof ApiError && error.code === 'import_has_errors' ? (error.details as ImportReport) : undefined;
}

export default function UnitImportPage() {
  const t = useTexts(texts);
  const ids = { file: useId(), hint: useId(), onlyProblems: useId() };
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => uploadCatalogue(file!, dryRun),
    onSuccess: async (report) => {
      if (!report.dryRun) await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
  const report = upload.data ?? reportIn(upload.error);
  const run = (dryRun: boolean) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    upload.mutate({ dryRun });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(true);
  };
  const canApply = upload.data?.dryRun === true && upload.data.summary.invalid === 0 && upload.data.summary.create + upload.data.summary.update > 0;
  const lines = report?.lines.filter((line) => (onlyProblems ? line.action === 'invalid' : line.action !== 'unchanged')) ?? [];

  const describe = (line: ImportLine) => {
    if (line.errors) {
      return (
        <ul className="plain-list">
          {line.errors.map((error, index) => (
            <li key={index}>
              <strong>{error.field === '*' ? t.wholeLine : t.columns[error.field]}:</strong> {error.message}
            </li>
          ))}
        </ul>
      );
    }
    return line.changes?.map((column) => t.columns[column]).join(', ') ?? '';
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        {t.format} <code>{importColumns.join(';')}</code>
      </p>
      <form onSubmit={submit} className="card">
        <div className={`field${missingFile ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.file}>{t.file}</label>
          <span id={ids.hint} className="hint">
            {t.fileHint}
          </span>
          {missingFile && <span className="error-text">{t.chooseFile}</span>}
          <input
            id={ids.file}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={ids.hint}
            aria-invalid={missingFile || undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissingFile(false);
              upload.reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={upload.isPending}>
            {t.preview}
          </button>
          <button type="button" className="button" disabled={!canApply || upload.isPending} onClick={() => run(false)}>
            {t.apply}
          </button>
        </div>
      </form>
      {upload.isPending && <PageStatus state="loading" />}
      {upload.isError && <PageStatus state="error" error={upload.error} />}
      <div role="status">
        {report && (
          <section className="card" aria-labelledby="import-summary">
            <h2 id="import-summary">{t.summaryTitle(report.dryRun)}</h2>
            <p>{t.summary(report.summary)}</p>
            {report.dryRun && report.summary.invalid > 0 && <p className="alert alert--warning">{t.fixFirst}</p>}
            {report.dryRun && report.summary.invalid === 0 && report.summary.create + report.summary.update === 0 && <p>{t.nothingToDo}</p>}
            {canApply && <p>{t.ready(report.summary.create + report.summary.update)}</p>}
          </section>
        )}
      </div>
      {report && report.lines.length > 0 && (
        <>
          <label className="checkbox" htmlFor={ids.onlyProblems}>
            <input id={ids.onlyProblems} type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} /> {t.onlyProblems}
          </label>
          <ScrollableTable label={t.caption(lines.length)}>
            <table>
              <caption>{t.caption(lines.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.hsaId}</th>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.details}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.line}>
                    <td>{line.line}</td>
                    <td>{line.hsaId}</td>
                    <td>{line.action === 'invalid' ? <span className="badge badge--danger">{t.actions.invalid}</span> : t.actions[line.action]}</td>
                    <td>{describe(line)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}
    </>
  );
}
