import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { demoLoginResponseSchema, demoPersonaListSchema } from '../../platform/auth/contract.ts';
import type { IdentityStatus } from '../../platform/identity/contract.ts';
import { BankIdLogin } from '../../platform/identity/ui/BankIdLogin.tsx';
import '../../platform/identity/ui/identity.css';
import { api, ApiError } from '../api/client.ts';
import { fetchSession, sessionQueryKey } from '../api/session.ts';
import { useLanguage, useTexts } from '../i18n/i18n.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { PageStatus } from '../layout/PageStatus.tsx';
import { usePageTitle } from '../layout/usePageTitle.ts';

type PersonaList = z.infer<typeof demoPersonaListSchema>;
type Persona = PersonaList['personas'][number];
type LoginResponse = z.infer<typeof demoLoginResponseSchema>;

const texts = {
  sv: {
    title: 'Logga in',
    loggedOut: 'Du har loggats ut eftersom du varit inaktiv en stund. Logga in igen för att fortsätta.',
    demo: 'Det här är en demo. Välj en påhittad person att logga in som – ingen BankID eller SITHS-kort behövs.',
    demoHeading: 'Demopersoner',
    noDemo: 'Inloggning med BankID (invånare) och SITHS (medarbetare) är inte aktiverad på den här servern.',
    citizen: 'Invånare',
    citizenIntro: 'Logga in med BankID.',
    simulator: 'BankID är simulerat på den här servern. Godkänn inloggningen som en påhittad person i',
    simulatorLink: 'BankID-simulatorn (ny flik)',
    staff: 'Medarbetare',
    staffIntro: 'Logga in med ditt SITHS-kort via regionens inloggningstjänst.',
    siths: 'Logga in med SITHS-kort',
    noSiths: 'Inloggning med SITHS är inte konfigurerad på den här servern.',
    noBankId: 'Inloggning med BankID är inte konfigurerad på den här servern.',
    sithsErrors: {
      siths_cancelled: 'Inloggningen med SITHS avbröts.',
      siths_expired: 'Inloggningen tog för lång tid. Försök igen.',
      siths_unknown_staff: 'Du är inloggad med SITHS, men du finns inte som medarbetare i Nära. Kontakta din verksamhetschef.',
      siths_unavailable: 'Regionens inloggningstjänst svarar inte just nu. Försök igen om en stund.',
      siths_failed: 'Inloggningen med SITHS misslyckades. Försök igen.',
    } as Record<string, string>,
    groups: { patient: 'Invånare', staff: 'Medarbetare', admin: 'Administratörer' },
    loginAs: (name: string) => `Logga in som ${name}`,
  },
  en: {
    title: 'Log in',
    loggedOut: 'You have been logged out after a period of inactivity. Log in again to continue.',
    demo: 'This is a demo. Choose a fictional person to log in as – no BankID or SITHS card needed.',
    demoHeading: 'Demo personas',
    noDemo: 'Login with BankID (citizens) and SITHS (staff) is not enabled on this server.',
    citizen: 'Citizens',
    citizenIntro: 'Log in with BankID.',
    simulator: 'BankID is simulated on this server. Approve the login as a fictional person in',
    simulatorLink: 'the BankID simulator (new tab)',
    staff: 'Staff',
    staffIntro: "Log in with your SITHS card through the region's login service.",
    siths: 'Log in with SITHS card',
    noSiths: 'Login with SITHS is not configured on this server.',
    noBankId: 'Login with BankID is not configured on this server.',
    sithsErrors: {
      siths_cancelled: 'The SITHS login was cancelled.',
      siths_expired: 'The login took too long. Please try again.',
      siths_unknown_staff: 'You logged in with SITHS, but you are not registered as staff in Nära. Contact your unit manager.',
      siths_unavailable: "The region's login service is not answering right now. Please try again in a while.",
      siths_failed: 'The SITHS login failed. Please try again.',
    } as Record<string, string>,
    groups: { patient: 'Citizens', staff: 'Staff', admin: 'Administrators' },
    loginAs: (name: string) => `Log in as ${name}`,
  },
};

const areaHome = { patient: '/start', staff: '/arbetsyta', admin: '/admin' } as const;

export default function LoginPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const methods = useQuery({ queryKey: ['auth-methods'], queryFn: () => api<IdentityStatus>('GET', '/api/auth/methods'), retry: false });
  const target = params.get('till');
  const goHome = useCallback(
    (area: keyof typeof areaHome) =>
      navigate(target && target.startsWith('/') && !target.startsWith('//') && target.startsWith(areaHome[area]) ? target : areaHome[area], { replace: true }),
    [navigate, target],
  );
  const onBankIdLogin = useCallback(() => goHome('patient'), [goHome]);
  const sithsError = params.get('fel');
  const sithsHref = `/api/auth/oidc/start${target && /^\/(arbetsyta|admin)/.test(target) ? `?till=${encodeURIComponent(target)}` : ''}`;

  const personas = useQuery({
    queryKey: ['demo-personas', language],
    queryFn: () => api<PersonaList>('GET', '/api/auth/demo/personas'),
    retry: false,
  });
  const login = useMutation({
    mutationFn: (persona: Persona) => api<LoginResponse>('POST', '/api/auth/demo/login', { personaId: persona.id }),
    onSuccess: async (result) => {
      queryClient.clear();
      await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession });
      goHome(result.area);
    },
  });

  const demoDisabled = personas.error instanceof ApiError && personas.error.code === 'demo_mode_disabled';
  return (
    <AppLayout>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      {params.get('utloggad') && (
        <div className="alert alert--warning" role="status">
          {t.loggedOut}
        </div>
      )}
      {sithsError && (
        <p className="alert alert--error" role="alert">
          {t.sithsErrors[sithsError] ?? t.sithsErrors.siths_failed}
        </p>
      )}
      {methods.data && (
        <div className="login-methods">
          <section className="card" aria-labelledby="login-citizen">
            <h2 id="login-citizen">{t.citizen}</h2>
            {methods.data.bankId ? (
              <>
                <p>{t.citizenIntro}</p>
                {methods.data.bankIdSimulator && methods.data.demo && (
                  <p className="muted">
                    {t.simulator}{' '}
                    <a href="/dev/bankid" target="_blank" rel="noopener">
                      {t.simulatorLink}
                    </a>
                    .
                  </p>
                )}
                <BankIdLogin simulator={methods.data.bankIdSimulator} onLoggedIn={onBankIdLogin} />
              </>
            ) : (
              <p>{t.noBankId}</p>
            )}
          </section>
          <section className="card" aria-labelledby="login-staff">
            <h2 id="login-staff">{t.staff}</h2>
            {methods.data.siths ? (
              <>
                <p>{t.staffIntro}</p>
                <a className="button" href={sithsHref}>
                  {t.siths}
                </a>
              </>
            ) : (
              <p>{t.noSiths}</p>
            )}
          </section>
        </div>
      )}
      {login.error && <PageStatus state="error" error={login.error} />}
      {demoDisabled ? (
        methods.data ? null : <p>{t.noDemo}</p>
      ) : personas.isPending ? (
        <PageStatus state="loading" />
      ) : personas.isError ? (
        <PageStatus state="error" error={personas.error} />
      ) : (
        <>
          <h2>{t.demoHeading}</h2>
          <p>{t.demo}</p>
          {(['patient', 'staff', 'admin'] as const).map((area) => (
            <section key={area} aria-labelledby={`group-${area}`}>
              <h3 id={`group-${area}`}>{t.groups[area]}</h3>
              <ul className="grid plain-list">
                {personas.data.personas
                  .filter((persona) => persona.area === area)
                  .map((persona) => (
                    <li key={persona.id} className="card">
                      <h4>{persona.title}</h4>
                      <p className="muted">{persona.description}</p>
                      <button type="button" className="button" disabled={login.isPending} onClick={() => login.mutate(persona)}>
                        {t.loginAs(persona.title.split(',')[0]!)}
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </AppLayout>
  );
}
