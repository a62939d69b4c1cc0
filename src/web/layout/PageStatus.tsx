import { useTexts } from '../i18n/i18n.tsx';

const texts = {
  sv: { loading: 'Laddar …', error: 'Något gick fel.' },
  en: { loading: 'Loading …', error: 'Something went wrong.' },
};

/** Loading and error states, announced to screen readers. */
export function PageStatus({ state, error }: { state: 'loading' | 'error'; error?: Error | null }) {
  const t = useTexts(texts);
  if (state === 'loading') {
    return (
      <p role="status" className="muted">
        {t.loading}
      </p>
    );
  }
  return (
    <div role="alert" className="alert alert--error">
      {error?.message ?? t.error}
    </div>
  );
}
