import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { urgencies, type Urgency } from '../model.ts';
import type { RoutingProblem, RoutingSettings } from '../region-routing.ts';
import type { RoutingRule } from '../routing.ts';
import { urgencyLabels } from './OutcomeStatistics.tsx';

const texts = {
  sv: {
    title: 'Dirigering',
    lead: 'Reglerna prövas uppifrån; den första som passar ger typerna av vård i ordning, och patienten får de mottagningar av den första typen som har öppet, närmast först. Ett tomt villkor gäller alla. Vid ”Ring 112” står 112 alltid först, och vid ”Akut nu” finns akutmottagningen alltid med.',
    sourceStandard: 'Nu gäller regionens standard (content/triage/routing.json).',
    sourceRegion: (who: string, when: string) => `Nu gäller regler sparade av ${who} ${when}.`,
    rule: 'Regel',
    name: 'Namn',
    urgency: 'Brådska',
    time: 'Tid',
    group: 'Grupp av sökorsaker',
    complaints: 'Bara dessa sökorsaker (id, kommaseparerade)',
    complaintsHint: 'Tomt: alla sökorsaker.',
    minAge: 'Lägsta ålder (år)',
    maxAge: 'Ålder under (år)',
    kinds: 'Vård, i ordning',
    kindAt: (n: number) => `Vård ${n}`,
    noKind: '— ingen —',
    any: 'alla',
    emptyAll: 'tomt: alla',
    years: 'år',
    up: 'Flytta upp',
    down: 'Flytta ned',
    remove: 'Ta bort',
    add: 'Lägg till regel',
    save: 'Spara reglerna',
    saved: 'Reglerna är sparade och gäller för nya bedömningar.',
    reset: 'Återställ regionens standard',
    resetConfirm: 'Reglerna ersätts med regionens standard. Den sparade versionen finns kvar i historiken.',
    resetYes: 'Ja, återställ',
    cancel: 'Avbryt',
    resetDone: 'Regionens standard gäller igen.',
    problems: 'Reglerna sparades inte. Rätta felen:',
    unsaved: 'Ändringar som inte är sparade.',
    bands: { office: 'Kontorstid (08–17 vardagar)', evening: 'Kväll (17–22)', 'weekend-day': 'Helgdag (08–22)', night: 'Natt (22–08)' } as Record<string, string>,
  },
  en: {
    title: 'Routing',
    lead: 'The rules are tried from the top; the first that fits gives the kinds of care in order, and the patient is shown the units of the first kind that are open, nearest first. An empty condition applies to all. For “Call 112”, 112 always comes first, and for “Emergency now” the emergency department is always included.',
    sourceStandard: 'The region’s standard applies (content/triage/routing.json).',
    sourceRegion: (who: string, when: string) => `Rules saved by ${who} ${when} apply.`,
    rule: 'Rule',
    name: 'Name',
    urgency: 'Urgency',
    time: 'Time',
    group: 'Group of complaints',
    complaints: 'Only these complaints (ids, comma-separated)',
    complaintsHint: 'Empty: all complaints.',
    minAge: 'Minimum age (years)',
    maxAge: 'Age below (years)',
    kinds: 'Care, in order',
    kindAt: (n: number) => `Care ${n}`,
    noKind: '— none —',
    any: 'all',
    emptyAll: 'empty: all',
    years: 'years',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    add: 'Add a rule',
    save: 'Save the rules',
    saved: 'The rules are saved and apply to new assessments.',
    reset: 'Restore the region’s standard',
    resetConfirm: 'The rules are replaced by the region’s standard. The saved version stays in the history.',
    resetYes: 'Yes, restore',
    cancel: 'Cancel',
    resetDone: 'The region’s standard applies again.',
    problems: 'The rules were not saved. Correct the errors:',
    unsaved: 'Unsaved changes.',
    bands: { office: 'Office hours (08–17 working days)', evening: 'Evening (17–22)', 'weekend-day': 'Weekend/holiday (08–22)', night: 'Night (22–08)' } as Record<string, string>,
  },
};

export const routingQueryKey = ['triage-routing'];

type Draft = { key: number; id: string; urgency: string[]; time: string[]; group: string[]; complaints: string; minAge: string; maxAge: string; kinds: string[] };

let nextKey = 1;
const toDraft = (rule: RoutingRule): Draft => ({
  key: nextKey++,
  id: rule.id,
  urgency: rule.urgency ?? [],
  time: rule.time ?? [],
  group: rule.group ?? [],
  complaints: (rule.complaints ?? []).join(', '),
  minAge: rule.minAge === undefined ? '' : String(rule.minAge),
  maxAge: rule.maxAge === undefined ? '' : String(rule.maxAge),
  kinds: [...rule.kinds],
});
const toRule = (draft: Draft): Record<string, unknown> => {
  const complaints = draft.complaints
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));
  return {
    id: draft.id.trim(),
    ...(draft.urgency.length ? { urgency: draft.urgency } : {}),
    ...(draft.group.length ? { group: draft.group } : {}),
    ...(complaints.length ? { complaints } : {}),
    ...(number(draft.minAge) !== undefined ? { minAge: number(draft.minAge) } : {}),
    ...(number(draft.maxAge) !== undefined ? { maxAge: number(draft.maxAge) } : {}),
    ...(draft.time.length ? { time: draft.time } : {}),
    kinds: draft.kinds,
  };
};

/** The region administrator's editor of the routing rules (G4). */
export function RoutingEditor() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: routingQueryKey, queryFn: () => api<RoutingSettings>('GET', '/api/admin/triage/routing') });
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [done, setDone] = useState('');
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (settings.data && !dirty) setDrafts(settings.data.rules.map(toDraft));
  }, [settings.data, dirty]);

  const onSaved = (data: RoutingSettings, message: string) => {
    queryClient.setQueryData(routingQueryKey, data);
    void queryClient.invalidateQueries({ queryKey: ['triage-flows'] });
    setDirty(false);
    setDrafts(data.rules.map(toDraft));
    setDone(message);
  };
  const save = useMutation({
    mutationFn: () => api<RoutingSettings>('PUT', '/api/admin/triage/routing', { rules: (drafts ?? []).map(toRule) }),
    onSuccess: (data) => onSaved(data, t.saved),
    onError: () => setTimeout(() => problemsRef.current?.focus(), 0),
  });
  const reset = useMutation({
    mutationFn: () => api<RoutingSettings>('DELETE', '/api/admin/triage/routing'),
    onSuccess: (data) => {
      setConfirmReset(false);
      save.reset();
      onSaved(data, t.resetDone);
    },
  });

  if (settings.isPending) return <PageStatus state="loading" />;
  if (settings.isError) return <PageStatus state="error" error={settings.error} />;
  if (!drafts) return null;
  const options = settings.data.options;
  const problems: RoutingProblem[] = save.error instanceof ApiError && save.error.code === 'triage_routing_invalid' ? ((save.error.details as { problems: RoutingProblem[] }).problems ?? []) : [];

  const update = (index: number, change: Partial<Draft>) => {
    setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));
    setDirty(true);
    setDone('');
  };
  const move = (index: number, by: number) => {
    const next = [...drafts];
    const [taken] = next.splice(index, 1);
    next.splice(index + by, 0, taken!);
    setDrafts(next);
    setDirty(true);
    setDone('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const when = settings.data.savedAt ? new Date(settings.data.savedAt).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';

  return (
    <section aria-labelledby="triage-routing-title">
      <h2 id="triage-routing-title">{t.title}</h2>
      <p>{t.lead}</p>
      <p>
        <strong>{settings.data.source === 'standard' ? t.sourceStandard : t.sourceRegion(settings.data.savedBy ?? '?', when)}</strong>
      </p>
      <form onSubmit={submit} noValidate>
        {save.isError && (
          <div ref={problemsRef} tabIndex={-1} className="alert alert--error" role="alert">
            {problems.length === 0 ? (
              save.error.message
            ) : (
              <>
                <p>{t.problems}</p>
                <ul>
                  {problems.map((problem, index) => (
                    <li key={index}>
                      {problem.rule !== null ? (
                        <a href={`#triage-rule-${problem.rule}`}>
                          {t.rule} {problem.rule + 1} ({drafts[problem.rule]?.id || '…'})
                        </a>
                      ) : null}
                      {problem.rule !== null ? ': ' : ''}
                      {problem[language]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <ol className="triage-rules">
          {drafts.map((draft, index) => (
            <RuleFields
              key={draft.key}
              index={index}
              count={drafts.length}
              draft={draft}
              options={options}
              problems={problems.filter((problem) => problem.rule === index)}
              onChange={(change) => update(index, change)}
              onMove={(by) => move(index, by)}
              onRemove={() => {
                setDrafts(drafts.filter((_, i) => i !== index));
                setDirty(true);
              }}
            />
          ))}
        </ol>
        <div className="triage-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDrafts([...drafts, { key: nextKey++, id: `regel-${drafts.length + 1}`, urgency: [], time: [], group: [], complaints: '', minAge: '', maxAge: '', kinds: ['1177'] }]);
              setDirty(true);
            }}
          >
            {t.add}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {t.save}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirmReset(true)} disabled={reset.isPending}>
            {t.reset}
          </button>
        </div>
        {dirty && <p className="hint">{t.unsaved}</p>}
        {confirmReset && (
          <div className="alert alert--warning triage-confirm">
            <p>{t.resetConfirm}</p>
            <div className="triage-actions">
              <button type="button" className="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
                {t.resetYes}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
                {t.cancel}
              </button>
            </div>
          </div>
        )}
        {reset.isError && <PageStatus state="error" error={reset.error} />}
        <p role="status" className="saved-note">
          {done}
        </p>
      </form>
    </section>
  );
}

function RuleFields({
  index,
  count,
  draft,
  options,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  draft: Draft;
  options: RoutingSettings['options'];
  problems: RoutingProblem[];
  onChange: (change: Partial<Draft>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const base = useId();
  const invalid = (field: string) => problems.some((problem) => problem.field === field);
  const kindLabel = (id: string) => options.careKinds.find((kind) => kind.id === id)?.label[language] ?? id;
  const summary = [
    draft.urgency.length ? draft.urgency.map((u) => urgencyLabels[language][u as Urgency] ?? u).join(', ') : null,
    draft.group.length ? draft.group.join(', ') : null,
    draft.complaints.trim() || null,
    draft.minAge ? `≥ ${draft.minAge} ${t.years}` : null,
    draft.maxAge ? `< ${draft.maxAge} ${t.years}` : null,
    draft.time.length ? draft.time.map((band) => t.bands[band]?.split(' (')[0] ?? band).join(', ') : null,
  ].filter(Boolean);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));
  const checkboxes = (field: 'urgency' | 'time' | 'group', values: readonly string[], label: (value: string) => string) => (
    <fieldset className={`field triage-checks${invalid(field) ? ' field--invalid' : ''}`}>
      <legend>
        {field === 'urgency' ? t.urgency : field === 'time' ? t.time : t.group} <span className="hint">({t.emptyAll})</span>
      </legend>
      {values.map((value) => (
        <label key={value} className="checkbox">
          <input type="checkbox" checked={draft[field].includes(value)} onChange={(event) => onChange({ [field]: toggle(draft[field], value, event.target.checked) })} />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
  const kindSlots = [...draft.kinds, ''];
  return (
    <li id={`triage-rule-${index}`} className={`card triage-rule${problems.length ? ' triage-rule--invalid' : ''}`}>
      <details open={problems.length > 0 || undefined}>
        <summary>
          <strong>{draft.id || '…'}</strong>: {summary.length ? summary.join(' · ') : t.any} → {draft.kinds.map(kindLabel).join(', ')}
        </summary>
        {problems.length > 0 && (
          <ul className="error-text triage-rule__problems">
            {problems.map((problem, i) => (
              <li key={i}>{problem[language]}</li>
            ))}
          </ul>
        )}
        <div className={`field${invalid('id') ? ' field--invalid' : ''}`}>
          <label htmlFor={`${base}-id`}>{t.name}</label>
          <input id={`${base}-id`} value={draft.id} aria-invalid={invalid('id') || undefined} onChange={(event) => onChange({ id: event.target.value })} />
        </div>
        <div className="triage-rule__grid">
          {checkboxes('urgency', urgencies, (u) => urgencyLabels[language][u as Urgency])}
          {checkboxes('time', options.timeBands, (band) => t.bands[band] ?? band)}
          {checkboxes('group', options.groups, (group) => group)}
        </div>
        <div className={`field${invalid('complaints') ? ' field--invalid' : ''}`}>
          <label htmlFor={`${base}-complaints`}>{t.complaints}</label>
          <span className="hint" id={`${base}-complaints-hint`}>
            {t.complaintsHint}
          </span>
          <input
            id={`${base}-complaints`}
            aria-describedby={`${base}-complaints-hint`}
            aria-invalid={invalid('complaints') || undefined}
            value={draft.complaints}
            onChange={(event) => onChange({ complaints: event.target.value })}
          />
        </div>
        <div className="triage-rule__ages">
          <div className={`field${invalid('minAge') ? ' field--invalid' : ''}`}>
            <label htmlFor={`${base}-min`}>{t.minAge}</label>
            <input id={`${base}-min`} inputMode="decimal" value={draft.minAge} aria-invalid={invalid('minAge') || undefined} onChange={(event) => onChange({ minAge: event.target.value })} />
          </div>
          <div className={`field${invalid('maxAge') ? ' field--invalid' : ''}`}>
            <label htmlFor={`${base}-max`}>{t.maxAge}</label>
            <input id={`${base}-max`} inputMode="decimal" value={draft.maxAge} aria-invalid={invalid('maxAge') || undefined} onChange={(event) => onChange({ maxAge: event.target.value })} />
          </div>
        </div>
        <fieldset className={`field triage-kinds${invalid('kinds') ? ' field--invalid' : ''}`}>
          <legend>{t.kinds}</legend>
          {kindSlots.map((kind, slot) => (
            <div key={slot} className="triage-kind">
              <label htmlFor={`${base}-kind-${slot}`}>{t.kindAt(slot + 1)}</label>
              <select
                id={`${base}-kind-${slot}`}
                value={kind}
                onChange={(event) => {
                  const next = [...draft.kinds];
                  if (event.target.value === '') next.splice(slot, 1);
                  else next[slot] = event.target.value;
                  onChange({ kinds: next });
                }}
              >
                <option value="">{t.noKind}</option>
                {options.careKinds.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label[language]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <div className="triage-actions">
          <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => onMove(-1)}>
            {t.up}
          </button>
          <button type="button" className="button button--secondary" disabled={index === count - 1} onClick={() => onMove(1)}>
            {t.down}
          </button>
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t.remove}
          </button>
        </div>
      </details>
    </li>
  );
}
