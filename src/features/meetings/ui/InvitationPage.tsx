import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../web/api/session.ts';
import { focusField, TextField } from '../../../web/forms/fields.tsx';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { AppLayout } from '../../../web/layout/AppLayout.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { acceptInvitation, joinAsGuest, lookupInvitation, PENDING_INVITATION_KEY, tokenFromHash } from './invitation-api.ts';
import { kindLabels, useRoleText } from './labels.ts';
import './meetings.css';

/**
 * /inbjudan#<token>: someone invited to a video meeting (E2) opens the link. It says what they
 * are invited as and to whom; then, depending on what the meeting requires (E3), they log in
 * (BankID, or staff login) or — where ID shown on camera is enough — give their name and go on
 * as a guest of this meeting only. The token stays in the fragment, which the server never sees.
 */

const texts = {
  sv: {
    title: 'Inbjudan till videomöte',
    broken: 'Länken är inte hel. Kopiera hela länken från meddelandet och försök igen.',
    invitedAs: (role: string) => `Du är inbjuden som ${role.toLowerCase()}.`,
    with: (unit: string, host: string) => `Mötet hålls av ${host}, ${unit}.`,
    when: (time: string) => `Planerad tid: ${time}.`,
    states: {
      used: 'Länken har redan använts. Be den som bjöd in dig om en ny inbjudan.',
      revoked: 'Inbjudan har dragits tillbaka.',
      expired: 'Inbjudan har gått ut. Be den som bjöd in dig om en ny.',
      meeting_ended: 'Mötet är avslutat.',
    },
    continueAs: (name: string) => `Gå till mötet som ${name}`,
    guestHeading: 'Delta utan inloggning',
    guestIntro: 'Skriv ditt namn. Du kommer till ett väntrum och behöver visa din legitimation i kameran innan du släpps in.',
    name: 'Ditt för- och efternamn',
    nameMissing: 'Skriv ditt namn.',
    goOn: 'Fortsätt till mötet',
    going: 'Fortsätter …',
    loginHeading: 'Logga in',
    bankIdNeeded: 'Mötet kräver att du legitimerar dig med BankID.',
    bankIdInstead: 'Har du BankID kan du logga in i stället.',
    loginCitizen: 'Logga in med BankID',
    loginStaff: 'Är du vårdpersonal? Logga in som personal',
  },
  en: {
    title: 'Invitation to a video meeting',
    broken: 'The link is not complete. Copy the whole link from the message and try again.',
    invitedAs: (role: string) => `You are invited as ${role.toLowerCase()}.`,
    with: (unit: string, host: string) => `The meeting is held by ${host}, ${unit}.`,
    when: (time: string) => `Planned time: ${time}.`,
    states: {
      used: 'The link has already been used. Ask whoever invited you for a new invitation.',
      revoked: 'The invitation has been withdrawn.',
      expired: 'The invitation has expired. Ask whoever invited you for a new one.',
      meeting_ended: 'The meeting has ended.',
    },
    continueAs: (name: string) => `Go to the meeting as ${name}`,
    guestHeading: 'Take part without logging in',
    guestIntro: 'Enter your name. You come to a waiting room and need to show your ID on camera before you are let in.',
    name: 'Your first and last name',
    nameMissing: 'Enter your name.',
    goOn: 'Continue to the meeting',
    going: 'Continuing …',
    loginHeading: 'Log in',
    bankIdNeeded: 'The meeting requires you to identify yourself with BankID.',
    bankIdInstead: 'If you have BankID you can log in instead.',
    loginCitizen: 'Log in with BankID',
    loginStaff: 'Are you care staff? Log in as staff',
  },
};

export default function InvitationPage() {
  const t = useTexts(texts);
  const kinds = useTexts(kindLabels);
  const roleText = useRoleText();
  const { language } = useLanguage();
  usePageTitle(t.title);
  const token = tokenFromHash(useLocation().hash);
  const navigate = useNavigate();
  const session = useSession();
  const lookup = useQuery({ queryKey: ['meetings', 'invitation', token], queryFn: () => lookupInvitation(token!), enabled: token !== null });
  const [name, setName] = useState('');
  const [error, setError] = useState<{ name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const go = async (step: () => Promise<{ path: string }>) => {
    setBusy(true);
    setError({});
    try {
      const { path } = await step();
      void navigate(path);
    } catch (failure) {
      setError({ form: failure instanceof Error ? failure.message : String(failure) });
    } finally {
      setBusy(false);
    }
  };
  const asGuest = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setError({ name: t.nameMissing });
      return focusField('invitation-name');
    }
    void go(() => joinAsGuest(token!, name.trim()));
  };
  // Logging in leaves this page: the token waits in this tab until the accepting page uses it.
  const remember = () => token && sessionStorage.setItem(PENDING_INVITATION_KEY, token);

  const info = lookup.data;
  const signedIn = session.data?.authenticated ? session.data : null;
  return (
    <AppLayout>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      {!token ? (
        <p className="alert alert--error">{t.broken}</p>
      ) : lookup.isPending ? (
        <PageStatus state="loading" />
      ) : lookup.isError ? (
        <PageStatus state="error" error={lookup.error} />
      ) : (
        <div className="invitation-page">
          <p className="lead">{t.invitedAs(roleText(info!))}</p>
          {info!.state !== 'valid' || !info!.meeting ? (
            <p className="alert alert--warning">{t.states[info!.state as keyof typeof t.states]}</p>
          ) : (
            <>
              <p>
                {kinds[info!.meeting.kind]}. {t.with(info!.meeting.unitName, info!.meeting.hostName)} {t.when(formatDateTime(info!.meeting.startsAt, language))}
              </p>
              {error.form && (
                <p className="alert alert--error" role="alert">
                  {error.form}
                </p>
              )}
              {signedIn ? (
                <p className="actions">
                  <button type="button" className="button" disabled={busy} onClick={() => void go(() => acceptInvitation(token))}>
                    {t.continueAs(signedIn.displayName)}
                  </button>
                </p>
              ) : (
                <>
                  {info!.meeting.requiredIdentification === 'id_on_camera' && (
                    <section className="card" aria-labelledby="invitation-guest-heading">
                      <h2 id="invitation-guest-heading">{t.guestHeading}</h2>
                      <p>{t.guestIntro}</p>
                      <form noValidate onSubmit={asGuest}>
                        <TextField id="invitation-name" kind="text" label={t.name} error={error.name} value={name} onChange={setName} max={80} hardLimit autoComplete="name" />
                        <button type="submit" className="button" disabled={busy}>
                          {busy ? t.going : t.goOn}
                        </button>
                      </form>
                    </section>
                  )}
                  <section aria-labelledby="invitation-login-heading">
                    <h2 id="invitation-login-heading">{t.loginHeading}</h2>
                    <p>{info!.meeting.requiredIdentification === 'strong_eid' ? t.bankIdNeeded : t.bankIdInstead}</p>
                    <p className="actions">
                      <Link className="button button--secondary" to="/logga-in?till=/start/inbjudan" onClick={remember}>
                        {t.loginCitizen}
                      </Link>
                    </p>
                    <p>
                      <Link to="/logga-in?till=/arbetsyta/inbjudan" onClick={remember}>
                        {t.loginStaff}
                      </Link>
                    </p>
                  </section>
                </>
              )}
            </>
          )}
        </div>
      )}
    </AppLayout>
  );
}
