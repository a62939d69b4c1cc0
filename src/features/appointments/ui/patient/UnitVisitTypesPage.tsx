import { Link, useParams } from 'react-router';
import { ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { UnitVisitTypes } from '../../patient-contract.ts';
import { visitTimeText } from '../../patient-model.ts';
import { useUnitVisitTypes } from './api.ts';
import { BookingSteps } from './BookingSteps.tsx';
import { appointmentWords, placeText, telHref } from './words.ts';
import './appointments.css';

/**
 * Boka tid, step 2 (/start/tider/boka/:unitId): the unit's published visit types. One this
 * patient cannot book online says why; where not everything can be booked here, Beställ tid
 * is offered beside (D5). A type whose web booking limit the patient has reached points to the
 * time(s) they hold (where Omboka is) instead of offering another.
 */

const texts = {
  sv: {
    back: 'Välj en annan mottagning',
    title: (unit: string) => `Boka tid hos ${unit}`,
    forOther: (name: string) => `Du bokar för ${name}.`,
    choose: 'Vad vill du boka?',
    noBooking: 'Mottagningen har inte webbtidbok i Nära.',
    noTypes: 'Mottagningen har inga tider att boka via webben just nu.',
    refusal: {
      listed_patients_only: 'Kan bara bokas via webben av dig som är listad på mottagningen.',
      not_bookable_online: 'Kan inte bokas via webben.',
    },
    held: (n: number) => (n === 1 ? 'Du har redan en bokad tid av den här typen.' : `Du har redan ${n} bokade tider av den här typen.`),
    heldLead: (n: number): string => (n === 1 ? 'Vill du ha en annan tid kan du omboka den.' : 'Vill du ha en annan tid kan du omboka någon av dem.'),
    heldTooLate: (n: number): string => `Det är för sent att omboka ${n === 1 ? 'den' : 'dem'} via webben: ring mottagningen om du behöver en annan tid.`,
    heldLink: (when: string) => `Din tid ${when}`,
    request: 'Beställ tid',
    requestLead: 'Hittar du inte den tid du behöver? Beställ tid så kontaktar mottagningen dig med en tid.',
    phone: 'Ring mottagningen:',
    notFound: 'Mottagningen finns inte',
  },
  en: {
    back: 'Choose another clinic',
    title: (unit: string) => `Book an appointment at ${unit}`,
    forOther: (name: string) => `You are booking for ${name}.`,
    choose: 'What do you want to book?',
    noBooking: 'The clinic does not offer online booking in Nära.',
    noTypes: 'The clinic has no appointments to book online at the moment.',
    refusal: {
      listed_patients_only: 'Can only be booked online by patients listed at the clinic.',
      not_bookable_online: 'Cannot be booked online.',
    },
    held: (n: number) => (n === 1 ? 'You already have a booked time of this type.' : `You already have ${n} booked times of this type.`),
    heldLead: (n: number): string => (n === 1 ? 'If you want another time, you can rebook it.' : 'If you want another time, you can rebook one of them.'),
    heldTooLate: (n: number): string => `It is too late to rebook ${n === 1 ? 'it' : 'them'} online: please call the clinic if you need another time.`,
    heldLink: (when: string) => `Your time ${when}`,
    request: 'Request an appointment',
    requestLead: 'Cannot find the appointment you need? Request one and the clinic will contact you with a time.',
    phone: 'Call the clinic:',
    notFound: 'The clinic does not exist',
  },
};

function VisitTypeChoice({ offer, type }: { offer: UnitVisitTypes; type: UnitVisitTypes['visitTypes'][number] }) {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  const { language } = useLanguage();
  const body = (
    <>
      <h3>{type.name}</h3>
      <p className="muted">
        {words.channel[type.channel]}, {words.minutes(type.lengthMinutes)}
      </p>
      {type.preparation && <p>{type.preparation}</p>}
    </>
  );
  const held = type.bookedAtLimit;
  if (type.refusal === null && held.length > 0) {
    return (
      <div className="card appointment-choice appointment-choice--refused">
        {body}
        <p className="appointment-choice__note">{t.held(held.length)}</p>
        <p>{held.some((time) => time.mayRebook) ? t.heldLead(held.length) : t.heldTooLate(held.length)}</p>
        <ul className="plain-list appointment-held">
          {held.map((time) => (
            <li key={time.id}>
              <Link to={`/start/tider/${time.id}`}>{t.heldLink(visitTimeText(new Date(time.startsAt), language, new Date()))}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (type.refusal === null) {
    return (
      <Link to={`/start/tider/boka/${offer.unit.id}/${type.id}`} className="card card--link appointment-choice">
        {body}
      </Link>
    );
  }
  return (
    <div className="card appointment-choice appointment-choice--refused">
      {body}
      <p className="appointment-choice__note">{t.refusal[type.refusal]}</p>
      {offer.requestCaseType && <Link to={`/start/kontakt/${offer.unit.id}/${encodeURIComponent(offer.requestCaseType)}`}>{t.request}</Link>}
    </div>
  );
}

export default function UnitVisitTypesPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  const { unitId = '' } = useParams();
  const offer = useUnitVisitTypes(unitId);
  usePageTitle(offer.data ? t.title(offer.data.unit.name) : undefined);
  const subject = session.citizen!.subject;
  const back = (
    <p>
      <Link to="/start/tider/boka">
        <span aria-hidden="true">← </span>
        {t.back}
      </Link>
    </p>
  );
  if (offer.isPending) return <PageStatus state="loading" />;
  if (offer.isError) {
    const missing = offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 400);
    return (
      <>
        {back}
        {missing ? <h1>{t.notFound}</h1> : <PageStatus state="error" error={offer.error} />}
      </>
    );
  }
  const data = offer.data;
  const phone = data.unit.phone;
  return (
    <>
      <BookingSteps current={2} />
      {back}
      <h1>{t.title(data.unit.name)}</h1>
      <p className="muted">{placeText(data.unit)}</p>
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      {!data.bookingOffered ? (
        <p className="card">{t.noBooking}</p>
      ) : data.visitTypes.length === 0 ? (
        <p className="card">{t.noTypes}</p>
      ) : (
        <section className="appointment-section" aria-labelledby="booking-types">
          <h2 id="booking-types">{t.choose}</h2>
          <ul className="plain-list appointment-choice-list">
            {data.visitTypes.map((type) => (
              <li key={type.id}>
                <VisitTypeChoice offer={data} type={type} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.notAllBookable && (
        <div className="card appointment-request">
          <p>{t.requestLead}</p>
          {data.requestCaseType && (
            <p>
              <Link to={`/start/kontakt/${data.unit.id}/${encodeURIComponent(data.requestCaseType)}`} className="button button--secondary">
                {t.request}
              </Link>
            </p>
          )}
          {phone && (
            <p>
              {t.phone} <a href={telHref(phone)}>{phone}</a>
            </p>
          )}
        </div>
      )}
      <p className="alert" role="note">
        {words.emergency}
      </p>
    </>
  );
}
