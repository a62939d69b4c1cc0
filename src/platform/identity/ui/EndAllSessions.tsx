import { useNavigate } from 'react-router';
import { useLogoutEverywhere } from '../../../web/api/session.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';

const texts = {
  sv: { label: 'Avsluta alla mina inloggningar', hint: 'på alla enheter, till exempel om du glömt att logga ut på en annan dator' },
  en: { label: 'End all my sessions', hint: 'on every device, for example if you forgot to log out on another computer' },
};

/** "Log out everywhere": ends every session of the person or staff member, this one too. */
export function EndAllSessions() {
  const t = useTexts(texts);
  const navigate = useNavigate();
  const end = useLogoutEverywhere();
  return (
    <p>
      <button type="button" className="link" disabled={end.isPending} onClick={() => end.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}>
        {t.label}
      </button>{' '}
      ({t.hint})
    </p>
  );
}
