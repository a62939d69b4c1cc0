import { Link } from 'react-router';
import { useSession } from '../api/session.ts';
import { useTexts } from '../i18n/i18n.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { homeOf } from '../layout/RequireSession.tsx';
import { usePageTitle } from '../layout/usePageTitle.ts';

const texts = {
  sv: {
    title: 'Nära – en väg in till vården',
    lead: 'Dina e-tjänster i vården på ett ställe – för dig själv, ditt barn eller den du är ombud för. Och för vården: en arbetsyta för alla enheter i regionen och kommunerna.',
    citizen: 'För invånare',
    citizenBody: 'Logga in för att komma till dina e-tjänster.',
    staff: 'För medarbetare',
    staffBody: 'Arbetsytan för vårdcentraler, sjukhus, kommunens hälso- och sjukvård och elevhälsan.',
    admin: 'För administratörer',
    adminBody: 'Organisationer, avtalspaket och enheter i regionen.',
    login: 'Logga in',
    continue: 'Fortsätt till din startsida',
    emergency: 'Vid livshotande tillstånd, ring 112. För sjukvårdsrådgivning, ring 1177.',
    findCare: 'Hitta vård',
    findCareBody: 'Sök mottagning, se öppettider och e-tjänster. Du behöver inte logga in.',
    seekCare: 'Sök vård',
    seekCareBody: 'Svara på några frågor om dina besvär och få råd om hur bråttom det är och vart du ska vända dig.',
  },
  en: {
    title: 'Nära – one way into care',
    lead: 'Your e-services in care in one place – for yourself, your child or someone you are a proxy for. And for care staff: one workspace for every unit in the region and its municipalities.',
    citizen: 'For citizens',
    citizenBody: 'Log in to reach your e-services.',
    staff: 'For staff',
    staffBody: 'The workspace for health centres, hospitals, municipal health care and school health.',
    admin: 'For administrators',
    adminBody: 'Organisations, option packages and units in the region.',
    login: 'Log in',
    continue: 'Continue to your start page',
    emergency: 'In a life-threatening emergency, call 112. For health care advice, call 1177.',
    findCare: 'Find care',
    findCareBody: 'Search for a clinic, see opening hours and e-services. No login needed.',
    seekCare: 'Seek care',
    seekCareBody: 'Answer a few questions about your symptoms and get advice on how urgent it is and where to turn.',
  },
};

export default function HomePage() {
  const t = useTexts(texts);
  usePageTitle(undefined);
  const session = useSession();
  const signedIn = session.data?.authenticated ? session.data : null;
  return (
    <AppLayout>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <div className="alert" role="note">
        {t.emergency}
      </div>
      <Link className="card card--link" to="/sok-vard">
        <h2>{t.seekCare}</h2>
        <p>{t.seekCareBody}</p>
      </Link>
      <Link className="card card--link" to="/hitta-vard">
        <h2>{t.findCare}</h2>
        <p>{t.findCareBody}</p>
      </Link>
      {signedIn ? (
        <p>
          <Link className="button" to={homeOf(signedIn)}>
            {t.continue}
          </Link>
        </p>
      ) : (
        <div className="grid">
          {[
            { title: t.citizen, body: t.citizenBody },
            { title: t.staff, body: t.staffBody },
            { title: t.admin, body: t.adminBody },
          ].map((card) => (
            <Link key={card.title} className="card card--link" to="/logga-in">
              <h2>{card.title}</h2>
              <p>{card.body}</p>
              <span className="button">{t.login}</span>
            </Link>
          ))}
        </div>
      )}
    </AppLayout>
  );
}
