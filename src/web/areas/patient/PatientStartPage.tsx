import { Link } from 'react-router';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';
import { usePageTitle } from '../../layout/usePageTitle.ts';

const texts = {
  sv: {
    greeting: (name: string) => `Hej ${name}!`,
    forOther: (name: string) => `Du sköter nu ärenden för ${name}.`,
    what: 'Det här kan du göra',
    contact: 'Kontakta vården',
    contactBody: 'Skicka ett ärende till din mottagning: beställ tid, förnya recept, ställ en fråga eller be att bli kontaktad.',
    contactBodyOther: (name: string) => `Skicka ett ärende till vården för ${name}: beställ tid, förnya recept eller be att bli kontaktad.`,
    cases: 'Mina ärenden',
    casesBody: 'Se dina ärenden och svaren från vården, och svara när mottagningen frågar något.',
    casesBodyOther: (name: string) => `Se ärenden för ${name} och svaren från vården.`,
    appointments: 'Mina tider',
    appointmentsBody: 'Se dina bokade besök, boka en ny tid, omboka eller avboka.',
    appointmentsBodyOther: (name: string) => `Se, boka, omboka och avboka tider för ${name}.`,
    log: 'Vem har läst mina uppgifter?',
    logBody: 'Se vilka medarbetare, på vilken mottagning, som har läst eller ändrat dina uppgifter och när.',
    logBodyOther: (name: string) => `Se vilka medarbetare som har läst eller ändrat uppgifter om ${name}, och när.`,
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    greeting: (name: string) => `Hello ${name}!`,
    forOther: (name: string) => `You are now handling matters for ${name}.`,
    what: 'What you can do',
    contact: 'Contact care',
    contactBody: 'Send a case to your clinic: request an appointment, renew a prescription, ask a question or ask to be contacted.',
    contactBodyOther: (name: string) => `Send a case to care for ${name}: request an appointment, renew a prescription or ask to be contacted.`,
    cases: 'My cases',
    casesBody: 'See your cases and the answers from care, and reply when the clinic asks you something.',
    casesBodyOther: (name: string) => `See cases for ${name} and the answers from care.`,
    appointments: 'My appointments',
    appointmentsBody: 'See your booked visits, book a new time, rebook or cancel.',
    appointmentsBodyOther: (name: string) => `See, book, rebook and cancel appointments for ${name}.`,
    log: 'Who has read my records?',
    logBody: 'See which staff, at which clinic, have read or changed your records, and when.',
    logBodyOther: (name: string) => `See which staff have read or changed records about ${name}, and when.`,
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
  },
};

export default function PatientStartPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  usePageTitle('Start');
  const subject = session.citizen!.subject;
  const forOther = subject.basis !== 'self';
  return (
    <>
      <h1>{t.greeting(session.displayName.split(' ')[0]!)}</h1>
      {forOther && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      <h2>{t.what}</h2>
      <div className="grid">
        <Link to="/start/kontakta" className="card card--link">
          <h3>{t.contact}</h3>
          <p>{forOther ? t.contactBodyOther(subject.displayName) : t.contactBody}</p>
        </Link>
        <Link to="/start/arenden" className="card card--link">
          <h3>{t.cases}</h3>
          <p>{forOther ? t.casesBodyOther(subject.displayName) : t.casesBody}</p>
        </Link>
        <Link to="/start/tider" className="card card--link">
          <h3>{t.appointments}</h3>
          <p>{forOther ? t.appointmentsBodyOther(subject.displayName) : t.appointmentsBody}</p>
        </Link>
        <Link to="/start/logg" className="card card--link">
          <h3>{t.log}</h3>
          <p>{forOther ? t.logBodyOther(subject.displayName) : t.logBody}</p>
        </Link>
      </div>
      <p className="alert" role="note">
        {t.emergency}
      </p>
    </>
  );
}
