import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { BackLink, PageLoadFailure } from '../../../../web/layout/PageLoadFailure.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { useCaseTypes } from './api.ts';
import '../patient-cases.css';

/** /start/kontakt/:unitId — what the patient can send to the unit: each case type with what it is for. */

const texts = {
  sv: {
    back: 'Alla mottagningar',
    title: (unit: string) => `Kontakta ${unit}`,
    lead: 'Vad gäller ditt ärende? Välj det som passar bäst.',
    forOther: (name: string) => `Du sköter ärenden för ${name}. Ärendet skickas för ${name}.`,
    none: 'Mottagningen tar inte emot några ärenden i Nära som gäller dig just nu. Ring mottagningen.',
    aboutUnit: 'Om mottagningen: adress, öppettider och telefon',
    notFound: 'Mottagningen finns inte',
    notFoundBody: 'Mottagningen kan ha bytt namn eller slutat. Välj en mottagning igen.',
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
    alsoHeading: 'Fler sätt att nå mottagningen',
    chat: 'Chatta med mottagningen',
    chatBody: 'Skriv med en sjuksköterska direkt, när chatten är öppen.',
    book: 'Boka tid',
    bookBody: 'Boka, omboka eller avboka en tid själv.',
  },
  en: {
    back: 'All clinics',
    title: (unit: string) => `Contact ${unit}`,
    lead: 'What is your case about? Choose what fits best.',
    forOther: (name: string) => `You are handling matters for ${name}. The case is sent for ${name}.`,
    none: 'The clinic does not take any cases in Nära that apply to you at the moment. Call the clinic.',
    aboutUnit: 'About the clinic: address, opening hours and phone',
    notFound: 'The clinic does not exist',
    notFoundBody: 'The clinic may have changed its name or closed. Choose a clinic again.',
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
    alsoHeading: 'More ways to reach the clinic',
    chat: 'Chat with the clinic',
    chatBody: 'Write with a nurse straight away, while the chat is open.',
    book: 'Book an appointment',
    bookBody: 'Book, rebook or cancel an appointment yourself.',
  },
};

export default function UnitCaseTypesPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { unitId = '' } = useParams();
  const caseTypes = useCaseTypes(unitId);
  const subject = session.citizen!.subject;
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = caseTypes.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, unitId]);
  usePageTitle(caseTypes.data ? t.title(caseTypes.data.unit.name) : undefined);

  const back = <BackLink to="/start/kontakta">{t.back}</BackLink>;
  if (caseTypes.isPending) return <PageStatus state="loading" />;
  if (caseTypes.isError) return <PageLoadFailure error={caseTypes.error} back={back} notFound={{ title: t.notFound, body: t.notFoundBody }} />;
  const { unit, caseTypes: types, alsoOffered } = caseTypes.data;
  return (
    <>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {t.title(unit.name)}
      </h1>
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      {types.length === 0 ? (
        <p className="card">{t.none}</p>
      ) : (
        <>
          <p className="lead">{t.lead}</p>
          <ul className="plain-list case-type-list">
            {types.map((type) => (
              <li key={type.key}>
                <Link to={`/start/kontakt/${unit.id}/${encodeURIComponent(type.key)}`} className="card card--link case-type-card">
                  <h2>{type.name[language]}</h2>
                  {type.description[language] && <p>{type.description[language]}</p>}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {(alsoOffered.chat || alsoOffered.webBooking) && (
        <section aria-labelledby="unit-also-offered">
          <h2 id="unit-also-offered">{t.alsoHeading}</h2>
          <ul className="plain-list case-type-list">
            {alsoOffered.chat && (
              <li>
                <Link to={`/start/kontakt/${unit.id}/chatt`} className="card card--link case-type-card">
                  <h3>{t.chat}</h3>
                  <p>{t.chatBody}</p>
                </Link>
              </li>
            )}
            {alsoOffered.webBooking && (
              <li>
                <Link to={`/start/tider/boka/${unit.id}`} className="card card--link case-type-card">
                  <h3>{t.book}</h3>
                  <p>{t.bookBody}</p>
                </Link>
              </li>
            )}
          </ul>
        </section>
      )}
      <p>
        <Link to={`/hitta-vard/${unit.id}`}>{t.aboutUnit}</Link>
      </p>
      <p className="alert" role="note">
        {t.emergency}
      </p>
    </>
  );
}
