import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { AdminVisitType } from '../../admin-contract.ts';
import { AdminTable } from './AdminTable.tsx';
import { AdminSubNav } from './AdminSubNav.tsx';
import { BASE, schedulesKey, useAdminVisitTypes, visitTypesKey } from './api.ts';
import { VisitTypeForm } from './VisitTypeForm.tsx';
import { bookerWords, channelWords } from './words.ts';

const texts = {
  sv: {
    title: 'Besökstyper',
    intro: 'Det här kan bokas på enheten. En besökstyp går att boka när den finns på minst ett schema. Besökstyper tas aldrig bort – de tas ur bruk, så att gjorda bokningar finns kvar.',
    noWebBooking: 'E-tjänsten Webbtidbok är inte aktiv på enheten: patienter kan inte boka själva förrän den aktiveras under E-tjänster. Personalen kan boka ändå.',
    noVideo: 'Enheten har videobesök men e-tjänsten Videomöte är inte aktiv.',
    caption: 'Enhetens besökstyper',
    name: 'Besökstyp',
    visit: 'Besök',
    minutes: (n: number) => `${n} min`,
    online: 'Bokas via webben av',
    cancelUntil: (n: number) => `Av- och omboka till ${n} tim före`,
    limit: (n: number) => `Högst ${n} ${n === 1 ? 'bokad tid' : 'bokade tider'} per patient`,
    onSchedules: (n: number) => (n === 1 ? 'På 1 schema' : `På ${n} scheman`),
    status: 'Status',
    published: 'Publicerad',
    unpublished: 'Ej publicerad',
    retired: 'Ur bruk',
    actions: 'Åtgärder',
    edit: 'Ändra',
    retire: 'Ta ur bruk',
    reactivate: 'Återaktivera',
    add: 'Ny besökstyp',
    none: 'Enheten har inga besökstyper ännu.',
    retiredNote: (name: string, ahead: number) =>
      `${name} är tagen ur bruk och borttagen från schemana.${ahead > 0 ? ` ${ahead} bokningar av den ligger kvar framåt – de flyttas inte; följ upp dem i tidboken.` : ''}`,
    reactivatedNote: (name: string) => `${name} är i bruk igen. Lägg till den på de scheman där den ska gå att boka.`,
    confirm: (name: string) => `Ta ${name} ur bruk? Den tas bort från alla scheman och går inte längre att boka. Gjorda bokningar ligger kvar.`,
    cancel: 'Avbryt',
  },
  en: {
    title: 'Visit types',
    intro: 'What can be booked at the unit. A visit type can be booked once it is on at least one schedule. Visit types are never deleted – they are retired, so bookings made stay.',
    noWebBooking: 'The Web booking e-service is not active at the unit: patients cannot book themselves until it is activated under E-services. Staff can book anyway.',
    noVideo: 'The unit has video visits but the Video meeting e-service is not active.',
    caption: "The unit's visit types",
    name: 'Visit type',
    visit: 'Visit',
    minutes: (n: number) => `${n} min`,
    online: 'Booked online by',
    cancelUntil: (n: number) => `Cancel or rebook until ${n} h before`,
    limit: (n: number) => `At most ${n} booked ${n === 1 ? 'time' : 'times'} per patient`,
    onSchedules: (n: number) => (n === 1 ? 'On 1 schedule' : `On ${n} schedules`),
    status: 'Status',
    published: 'Published',
    unpublished: 'Not published',
    retired: 'Retired',
    actions: 'Actions',
    edit: 'Edit',
    retire: 'Retire',
    reactivate: 'Reactivate',
    add: 'New visit type',
    none: 'The unit has no visit types yet.',
    retiredNote: (name: string, ahead: number) =>
      `${name} has been retired and taken off the schedules.${ahead > 0 ? ` ${ahead} bookings of it remain ahead – they are not moved; follow them up in the calendar.` : ''}`,
    reactivatedNote: (name: string) => `${name} is in use again. Add it to the schedules where it should be bookable.`,
    confirm: (name: string) => `Retire ${name}? It is taken off every schedule and can no longer be booked. Bookings made stay.`,
    cancel: 'Cancel',
  },
};

type Editing = { mode: 'new' } | { mode: 'edit'; visitType: AdminVisitType } | null;

/** The unit administrator's visit types: list, create, edit, retire and bring back. */
export default function VisitTypesPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const queryClient = useQueryClient();
  const list = useAdminVisitTypes();
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<AdminVisitType | null>(null);
  const confirmBox = useRef<HTMLDivElement>(null);

  const close = (message: string) => {
    setEditing(null);
    setConfirming(null);
    setNote(message);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const startEditing = (next: Editing) => {
    setNote('');
    setConfirming(null);
    setEditing(next);
  };
  // Retiring takes the type off every schedule, so it is asked first; bringing one back is harmless.
  const retireOrReactivate = (visitType: AdminVisitType) => {
    setNote('');
    if (!visitType.active) return setActive.mutate({ visitType, active: true });
    setConfirming(visitType);
    requestAnimationFrame(() => confirmBox.current?.focus());
  };
  const setActive = useMutation({
    mutationFn: ({ visitType, active }: { visitType: AdminVisitType; active: boolean }) =>
      api<{ visitType: AdminVisitType; bookingsAhead: number }>('POST', `${BASE}/visit-types/${visitType.id}/${active ? 'reactivate' : 'retire'}`),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: visitTypesKey });
      await queryClient.invalidateQueries({ queryKey: schedulesKey });
      close(result.visitType.active ? t.reactivatedNote(result.visitType.name) : t.retiredNote(result.visitType.name, result.bookingsAhead));
    },
  });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <AdminSubNav />
      <p>{t.intro}</p>
      <div role="status">{note && <p className="alert alert--success">{note}</p>}</div>
      {setActive.isError && <PageStatus state="error" error={setActive.error} />}
      {confirming && (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby="retire-question" tabIndex={-1} ref={confirmBox}>
          <p id="retire-question">{t.confirm(confirming.name)}</p>
          <div className="actions">
            <button type="button" className="button" disabled={setActive.isPending} onClick={() => setActive.mutate({ visitType: confirming, active: false })}>
              {t.retire}
            </button>
            <button type="button" className="button button--secondary" onClick={() => close('')}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {list.isPending ? (
        <PageStatus state="loading" />
      ) : list.isError ? (
        <PageStatus state="error" error={list.error} />
      ) : (
        <>
          {!list.data.webBookingActive && <p className="alert alert--warning">{t.noWebBooking}</p>}
          {!list.data.videoActive && list.data.visitTypes.some((row) => row.active && row.channel === 'video') && <p className="alert alert--warning">{t.noVideo}</p>}
          {list.data.visitTypes.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <AdminTable caption={t.caption} columns={[t.name, t.visit, t.online, t.status, t.actions]}>
              {list.data.visitTypes.map((visitType) => (
                <tr key={visitType.id} className={visitType.active ? undefined : 'appt-admin__retired'}>
                  <th scope="row">
                    {visitType.name}
                    {visitType.preparation && <span className="appt-admin__preparation muted">{visitType.preparation}</span>}
                  </th>
                  <td>
                    {t.minutes(visitType.lengthMinutes)}
                    <span className="appt-admin__detail">{channelWords[visitType.channel][language]}</span>
                  </td>
                  <td>
                    {bookerWords[visitType.bookableOnlineBy][language]}
                    <span className="appt-admin__detail">{t.cancelUntil(visitType.cancellationHours)}</span>
                    {visitType.maxUpcomingPerPatient !== null && <span className="appt-admin__detail">{t.limit(visitType.maxUpcomingPerPatient)}</span>}
                  </td>
                  <td>
                    {!visitType.active ? (
                      <span className="badge badge--warning">{t.retired}</span>
                    ) : visitType.published ? (
                      <span className="badge badge--success">{t.published}</span>
                    ) : (
                      <span className="badge">{t.unpublished}</span>
                    )}
                    <span className="appt-admin__detail">{t.onSchedules(visitType.scheduleCount)}</span>
                  </td>
                  <td>
                    <div className="row-actions">
                      {visitType.active && (
                        <button type="button" className="link" onClick={() => startEditing({ mode: 'edit', visitType })}>
                          {t.edit}
                          <span className="visually-hidden"> {visitType.name}</span>
                        </button>
                      )}
                      <button type="button" className="link" disabled={setActive.isPending} onClick={() => retireOrReactivate(visitType)}>
                        {visitType.active ? t.retire : t.reactivate}
                        <span className="visually-hidden"> {visitType.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
          {editing === null && (
            <div className="actions">
              <button type="button" className="button" onClick={() => startEditing({ mode: 'new' })}>
                {t.add}
              </button>
            </div>
          )}
        </>
      )}
      {editing && (
        <VisitTypeForm
          key={editing.mode === 'edit' ? editing.visitType.id : 'new'}
          existing={editing.mode === 'edit' ? editing.visitType : undefined}
          onDone={close}
          onCancel={() => close('')}
        />
      )}
    </>
  );
}
