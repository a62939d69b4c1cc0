import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { MAX_UPCOMING_MAX, MAX_UPCOMING_MIN, PREPARATION_MAX, VISIT_TYPE_NAME_MAX, visitTypeRequestSchema, type AdminVisitType, type VisitTypeRequest } from '../../admin-contract.ts';
import { channels, onlineBookers } from '../../model.ts';
import { BASE, creationKey, schedulesKey, visitTypesKey } from './api.ts';
import { bookerWords, channelWords } from './words.ts';

const texts = {
  sv: {
    newTitle: 'Ny besökstyp',
    editTitle: (name: string) => `Ändra ${name}`,
    name: 'Namn',
    nameHint: 'Så som patienten ser den, till exempel Besök hos sjuksköterska 30 min.',
    preparation: 'Förberedelser för patienten',
    preparationHint: 'Visas vid bokningen och i bekräftelsen, till exempel Ta med dina mediciner.',
    length: 'Längd i minuter',
    lengthHint: '5–480 minuter.',
    channel: 'Hur besöket sker',
    bookers: 'Vem får boka själv via webben',
    cancellation: 'Avbokning och ombokning via webben, timmar före',
    cancellationHint: 'Senare än så får patienten ringa. Vanligt är 24 timmar i primärvården och 72 på specialistmottagningar.',
    limit: 'Högst antal bokade tider per patient via webben (tomt = ingen gräns)',
    limitHint: `${MAX_UPCOMING_MIN}–${MAX_UPCOMING_MAX}. Räknar patientens kommande bokade tider av den här typen. Den som redan har så många kan omboka men inte boka fler via webben; personalen kan alltid boka. Vanligt är 1; en behandlingsserie kan behöva fler.`,
    published: 'Publicerad – visas i webbtidboken',
    editNote: 'Redan bokade besök behåller sin tid, längd och form.',
    create: 'Skapa besökstypen',
    save: 'Spara ändringarna',
    cancel: 'Avbryt',
    summary: 'Formuläret behöver rättas:',
    problems: {
      name: 'Skriv ett namn på 2–120 tecken.',
      preparation: `Förberedelserna får vara högst ${PREPARATION_MAX} tecken.`,
      lengthMinutes: 'Längden ska vara ett heltal mellan 5 och 480 minuter.',
      cancellationHours: 'Avbokningsgränsen ska vara ett heltal mellan 0 och 720 timmar.',
      maxUpcomingPerPatient: `Högsta antalet bokade tider ska vara ett heltal mellan ${MAX_UPCOMING_MIN} och ${MAX_UPCOMING_MAX}, eller tomt för ingen gräns.`,
    } as Record<string, string>,
    created: (name: string) => `Besökstypen ${name} är skapad. Lägg till den på ett schema för att den ska gå att boka.`,
    saved: (name: string) => `Besökstypen ${name} är sparad.`,
  },
  en: {
    newTitle: 'New visit type',
    editTitle: (name: string) => `Edit ${name}`,
    name: 'Name',
    nameHint: 'As the patient sees it, for example Nurse visit 30 min.',
    preparation: 'Preparation for the patient',
    preparationHint: 'Shown when booking and in the confirmation, for example Bring your medicines.',
    length: 'Length in minutes',
    lengthHint: '5–480 minutes.',
    channel: 'How the visit takes place',
    bookers: 'Who may book online themselves',
    cancellation: 'Online cancelling and rebooking, hours before',
    cancellationHint: 'After that the patient has to call. Common are 24 hours in primary care and 72 at specialist clinics.',
    limit: 'Most upcoming times per patient booked online (empty = no limit)',
    limitHint: `${MAX_UPCOMING_MIN}–${MAX_UPCOMING_MAX}. Counts the patient’s upcoming booked times of this type. A patient who already holds that many can rebook but not book more online; staff can always book. 1 is common; a course of treatment may need more.`,
    published: 'Published – shown in the web booking',
    editNote: 'Visits already booked keep their time, length and form.',
    create: 'Create the visit type',
    save: 'Save the changes',
    cancel: 'Cancel',
    summary: 'The form needs correcting:',
    problems: {
      name: 'Write a name of 2–120 characters.',
      preparation: `The preparation may be at most ${PREPARATION_MAX} characters.`,
      lengthMinutes: 'The length must be a whole number from 5 to 480 minutes.',
      cancellationHours: 'The cancellation limit must be a whole number from 0 to 720 hours.',
      maxUpcomingPerPatient: `The most upcoming times must be a whole number from ${MAX_UPCOMING_MIN} to ${MAX_UPCOMING_MAX}, or empty for no limit.`,
    } as Record<string, string>,
    created: (name: string) => `The visit type ${name} has been created. Add it to a schedule to make it bookable.`,
    saved: (name: string) => `The visit type ${name} has been saved.`,
  },
};

type Draft = { name: string; preparation: string; lengthMinutes: string; channel: VisitTypeRequest['channel']; bookableOnlineBy: VisitTypeRequest['bookableOnlineBy']; cancellationHours: string; published: boolean; maxUpcomingPerPatient: string };

const draftOf = (existing?: AdminVisitType): Draft => ({
  name: existing?.name ?? '',
  preparation: existing?.preparation ?? '',
  lengthMinutes: String(existing?.lengthMinutes ?? 30),
  channel: existing?.channel ?? 'at_unit',
  bookableOnlineBy: existing?.bookableOnlineBy ?? 'listed',
  cancellationHours: String(existing?.cancellationHours ?? 24),
  published: existing?.published ?? true,
  maxUpcomingPerPatient: existing?.maxUpcomingPerPatient == null ? '' : String(existing.maxUpcomingPerPatient),
});

/** An empty limit is no limit (null, which also removes one on an edit). */
const requestOf = (draft: Draft) => ({
  ...draft,
  lengthMinutes: Number(draft.lengthMinutes || NaN),
  cancellationHours: Number(draft.cancellationHours || NaN),
  maxUpcomingPerPatient: draft.maxUpcomingPerPatient.trim() === '' ? null : Number(draft.maxUpcomingPerPatient),
});

/** Create or edit a visit type; the same Zod schema as the server checks the fields first. */
export function VisitTypeForm({ existing, onDone, onCancel }: { existing?: AdminVisitType; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(() => draftOf(existing));
  const [showProblems, setShowProblems] = useState(false);
  const [key] = useState(creationKey);
  const prefix = existing ? `vt-${existing.id}` : 'vt-new';
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (body: VisitTypeRequest) => (existing ? api<AdminVisitType>('PUT', `${BASE}/visit-types/${existing.id}`, body) : api<AdminVisitType>('POST', `${BASE}/visit-types`, body, { 'idempotency-key': key })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: visitTypesKey });
      await queryClient.invalidateQueries({ queryKey: schedulesKey });
      onDone(existing ? t.saved(saved.name) : t.created(saved.name));
    },
  });

  const parsed = visitTypeRequestSchema.safeParse(requestOf(draft));
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const problems = [...invalid].filter((field) => t.problems[field]);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const fieldClass = (field: string) => `field${showProblems && invalid.has(field) ? ' field--invalid' : ''}`;
  const describedBy = (field: string, hint?: string) => [hint, showProblems && invalid.has(field) ? `${prefix}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    showProblems && invalid.has(field) ? (
      <span id={`${prefix}-${field}-error`} className="error-text">
        {t.problems[field]}
      </span>
    ) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!parsed.success) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    save.mutate(parsed.data);
  };

  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        {existing ? t.editTitle(existing.name) : t.newTitle}
      </h2>
      {existing && <p className="muted">{t.editNote}</p>}
      <form onSubmit={submit} noValidate>
        {showProblems && problems.length > 0 && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={summary}>
            <p>{t.summary}</p>
            <ul>
              {problems.map((field) => (
                <li key={field}>
                  <a href={`#${prefix}-${field}`}>{t.problems[field]}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className={fieldClass('name')}>
          <label htmlFor={`${prefix}-name`}>{t.name}</label>
          <span id={`${prefix}-name-hint`} className="hint">
            {t.nameHint}
          </span>
          <input id={`${prefix}-name`} value={draft.name} maxLength={VISIT_TYPE_NAME_MAX} onChange={(e) => set({ name: e.target.value })} aria-describedby={describedBy('name', `${prefix}-name-hint`)} aria-invalid={(showProblems && invalid.has('name')) || undefined} />
          {errorText('name')}
        </div>
        <div className={fieldClass('preparation')}>
          <label htmlFor={`${prefix}-preparation`}>{t.preparation}</label>
          <span id={`${prefix}-preparation-hint`} className="hint">
            {t.preparationHint}
          </span>
          <textarea id={`${prefix}-preparation`} value={draft.preparation} onChange={(e) => set({ preparation: e.target.value })} aria-describedby={describedBy('preparation', `${prefix}-preparation-hint`)} aria-invalid={(showProblems && invalid.has('preparation')) || undefined} />
          {errorText('preparation')}
        </div>
        <div className="inline-fields">
          <div className={fieldClass('lengthMinutes')}>
            <label htmlFor={`${prefix}-lengthMinutes`}>{t.length}</label>
            <span id={`${prefix}-length-hint`} className="hint">
              {t.lengthHint}
            </span>
            <input id={`${prefix}-lengthMinutes`} type="number" inputMode="numeric" min={5} max={480} step={5} value={draft.lengthMinutes} onChange={(e) => set({ lengthMinutes: e.target.value })} aria-describedby={describedBy('lengthMinutes', `${prefix}-length-hint`)} aria-invalid={(showProblems && invalid.has('lengthMinutes')) || undefined} />
            {errorText('lengthMinutes')}
          </div>
        </div>
        <fieldset className="field appt-admin__choices">
          <legend>{t.channel}</legend>
          {channels.map((channel) => (
            <label key={channel} className="checkbox">
              <input type="radio" name={`${prefix}-channel`} value={channel} checked={draft.channel === channel} onChange={() => set({ channel })} /> {channelWords[channel][language]}
            </label>
          ))}
        </fieldset>
        <fieldset className="field appt-admin__choices">
          <legend>{t.bookers}</legend>
          {onlineBookers.map((who) => (
            <label key={who} className="checkbox">
              <input type="radio" name={`${prefix}-bookers`} value={who} checked={draft.bookableOnlineBy === who} onChange={() => set({ bookableOnlineBy: who })} /> {bookerWords[who][language]}
            </label>
          ))}
        </fieldset>
        <div className={fieldClass('cancellationHours')}>
          <label htmlFor={`${prefix}-cancellationHours`}>{t.cancellation}</label>
          <span id={`${prefix}-cancellation-hint`} className="hint">
            {t.cancellationHint}
          </span>
          <input id={`${prefix}-cancellationHours`} className="appt-admin__number" type="number" inputMode="numeric" min={0} max={720} value={draft.cancellationHours} onChange={(e) => set({ cancellationHours: e.target.value })} aria-describedby={describedBy('cancellationHours', `${prefix}-cancellation-hint`)} aria-invalid={(showProblems && invalid.has('cancellationHours')) || undefined} />
          {errorText('cancellationHours')}
        </div>
        <div className={fieldClass('maxUpcomingPerPatient')}>
          <label htmlFor={`${prefix}-maxUpcomingPerPatient`}>{t.limit}</label>
          <span id={`${prefix}-limit-hint`} className="hint">
            {t.limitHint}
          </span>
          <input
            id={`${prefix}-maxUpcomingPerPatient`}
            className="appt-admin__number"
            type="number"
            inputMode="numeric"
            min={MAX_UPCOMING_MIN}
            max={MAX_UPCOMING_MAX}
            value={draft.maxUpcomingPerPatient}
            onChange={(e) => set({ maxUpcomingPerPatient: e.target.value })}
            aria-describedby={describedBy('maxUpcomingPerPatient', `${prefix}-limit-hint`)}
            aria-invalid={(showProblems && invalid.has('maxUpcomingPerPatient')) || undefined}
          />
          {errorText('maxUpcomingPerPatient')}
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={draft.published} onChange={(e) => set({ published: e.target.checked })} /> {t.published}
          </label>
        </div>
        {save.isError && <PageStatus state="error" error={save.error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {existing ? t.save : t.create}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
