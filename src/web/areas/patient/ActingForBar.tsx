import { useId } from 'react';
import { useActingFor } from '../../api/session.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';

const texts = {
  sv: { label: 'Du sköter ärenden för', actingFor: 'Du agerar för:', self: 'dig själv', guardian: 'som vårdnadshavare', proxy: 'som ombud' },
  en: { label: 'You are handling matters for', actingFor: 'You are acting for:', self: 'yourself', guardian: 'as guardian', proxy: 'as proxy' },
};

/**
 * Always visible (issue 6): whose matters are shown — "Du agerar för: …" — and, when the
 * citizen may act for someone else, the switch between them.
 */
export function ActingForBar({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const switchTo = useActingFor();
  const id = useId();
  const citizen = session.citizen;
  if (!citizen) return null;
  const subject = citizen.subject;
  const who = subject.basis === 'self' ? `${subject.displayName} (${t.self})` : `${subject.displayName} (${t[subject.basis]})`;
  if (citizen.representable.length < 2) {
    return (
      <div className="acting-for">
        <p>
          {t.actingFor} <strong>{who}</strong>
        </p>
      </div>
    );
  }
  return (
    <div className="acting-for">
      <p className="visually-hidden" aria-live="polite">
        {t.actingFor} {who}
      </p>
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
