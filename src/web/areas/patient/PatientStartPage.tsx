import { Link } from 'react-router';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';
import { usePageTitle } from '../../layout/usePageTitle.ts';

const texts = {
  sv: {
    greeting: (name: string) => `Hej ${name}!`,
    forOther: (name: string) => `Du sköter nu ärenden för ${name}.`,
    what: 'Det här kan du göra',
    log: 'Vem har läst mina uppgifter?',
    logBody: 'Se vilka medarbetare, på vilken mottagning, som har läst eller ändrat dina uppgifter och när.',
    logBodyOther: (name: string) => `Se vilka medarbetare som har läst eller ändrat uppgifter om ${name}, och när.`,
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
  },
  en: {
    greeting: (name: string) => `Hello ${name}!`,
    forOther: (name: string) => `You are now handling matters for ${name}.`,
    what: 'What you can do',
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
