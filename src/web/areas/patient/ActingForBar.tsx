import { useId } from 'react';
import { useActingFor } from '../../api/session.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';

const texts = {
  sv: { label: 'Du sköter ärenden för', self: 'dig själv', guardian: 'som vårdnadshavare', proxy: 'som ombud' },
  en: { label: 'You are handling matters for', self: 'yourself', guardian: 'as guardian', proxy: 'as proxy' },
};

/** Always visible when the citizen can act for someone else, so it is never unclear whose matters are shown. */
export function ActingForBar({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const switchTo = useActingFor();
  const id = useId();
  const citizen = session.citizen;
  if (!citizen || citizen.representable.length < 2) return null;
  return (
    <div className="acting-for">
      <label htmlFor={id}>{t.label}</label>
      <select id={id} value={citizen.subject.id} disabled={switchTo.isPending} onChange={(event) => switchTo.mutate(event.target.value)}>
        {citizen.representable.map((person) => (
          <option key={person.id} value={person.id}>
            {person.basis === 'self' ? `${person.displayName} (${t.self})` : `${person.displayName} (${t[person.basis]})`}
          </option>
        ))}
      </select>
    </div>
  );
}
