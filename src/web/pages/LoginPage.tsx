import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { demoLoginResponseSchema, demoPersonaListSchema } from '../../platform/auth/contract.ts';
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
    noDemo: 'Inloggning med BankID (invånare) och SITHS (medarbetare) är inte aktiverad på den här servern.',
    groups: { patient: 'Invånare', staff: 'Medarbetare', admin: 'Administratörer' },
    loginAs: (name: string) => `Logga in som ${name}`,
  },
  en: {
    title: 'Log in',
    loggedOut: 'You have been logged out after a period of inactivity. Log in again to continue.',
    demo: 'This is a demo. Choose a fictional person to log in as – no BankID or SITHS card needed.',
    noDemo: 'Login with BankID (citizens) and SITHS (staff) is not enabled on this server.',
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
      const target = params.get('till');
      navigate(target && target.startsWith('/') && target.startsWith(areaHome[result.area]) ? target : areaHome[result.area], { replace: true });
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
      {login.error && <PageStatus state="error" error={login.error} />}
      {demoDisabled ? (
        <p>{t.noDemo}</p>
      ) : personas.isPending ? (
        <PageStatus state="loading" />
      ) : personas.isError ? (
        <PageStatus state="error" error={personas.error} />
      ) : (
        <>
          <p>{t.demo}</p>
          {(['patient', 'staff', 'admin'] as const).map((area) => (
            <section key={area} aria-labelledby={`group-${area}`}>
              <h2 id={`group-${area}`}>{t.groups[area]}</h2>
              <ul className="grid plain-list">
                {personas.data.personas
                  .filter((persona) => persona.area === area)
                  .map((persona) => (
                    <li key={persona.id} className="card">
                      <h3>{persona.title}</h3>
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
