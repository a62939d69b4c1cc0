import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLogout, useSession } from '../api/session.ts';
import { useLanguage, useTexts } from '../i18n/i18n.tsx';
import { SessionTimeoutWarning } from './SessionTimeoutWarning.tsx';
import { EndAllSessions } from '../../platform/identity/ui/EndAllSessions.tsx';

const texts = {
  sv: { skip: 'Hoppa till huvudinnehållet', logout: 'Logga ut', login: 'Logga in', findCare: 'Hitta vård', seekCare: 'Sök vård', otherLanguage: 'English', otherLanguageLabel: 'Switch to English', loggedInAs: 'Inloggad som', footer: 'Nära är en öppen plattform för digital vård. Demoregionen är påhittad.' },
  en: { skip: 'Skip to main content', logout: 'Log out', login: 'Log in', findCare: 'Find care', seekCare: 'Seek care', otherLanguage: 'Svenska', otherLanguageLabel: 'Byt till svenska', loggedInAs: 'Logged in as', footer: 'Nära is an open platform for digital care. The demo region is fictional.' },
};

export function Brand() {
  return (
    <Link to="/" className="brand">
      <svg className="brand__mark" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#fff" />
        <path d="M18 46V18h6l16 19V18h6v28h-6L24 27v19z" fill="#1d4f91" />
      </svg>
      Nära
    </Link>
  );
}

/** Header (brand, language, who is logged in), an optional area navigation, the page, a footer. */
export function AppLayout({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  const t = useTexts(texts);
  const { language, setLanguage } = useLanguage();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const signedIn = session.data?.authenticated ? session.data : null;

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="header">
        <div className="header__inner">
          <Brand />
          <div className="header__tools">
            <Link to="/sok-vard">{t.seekCare}</Link>
            <Link to="/hitta-vard">{t.findCare}</Link>
            <button type="button" className="link" lang={language === 'sv' ? 'en' : 'sv'} aria-label={t.otherLanguageLabel} onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}>
              {t.otherLanguage}
            </button>
            {signedIn ? (
              <>
                <span>
                  <span className="visually-hidden">{t.loggedInAs} </span>
                  {signedIn.displayName}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}
                >
                  {t.logout}
                </button>
              </>
            ) : (
              <Link to="/logga-in">{t.login}</Link>
            )}
          </div>
        </div>
        {nav}
      </header>
      {signedIn && <SessionTimeoutWarning idleTimeoutSeconds={signedIn.idleTimeoutSeconds} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        {signedIn && <EndAllSessions />}
        {t.footer}
      </footer>
    </>
  );
}
