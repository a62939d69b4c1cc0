import { useTexts } from '../../../../web/i18n/i18n.tsx';

const texts = {
  sv: { label: 'Steg i bokningen', book: ['Mottagning', 'Typ av besök', 'Tid', 'Bekräfta'], rebook: ['Ny tid', 'Bekräfta'], step: (n: number, of: number) => `Steg ${n} av ${of}:` },
  en: { label: 'Booking steps', book: ['Clinic', 'Type of visit', 'Time', 'Confirm'], rebook: ['New time', 'Confirm'], step: (n: number, of: number) => `Step ${n} of ${of}:` },
};

/** Where the patient is in booking (or rebooking): the steps in order, the current one marked. */
export function BookingSteps({ current, kind = 'book' }: { current: number; kind?: 'book' | 'rebook' }) {
  const t = useTexts(texts);
  const steps = t[kind];
  return (
    <nav aria-label={t.label}>
      <ol className="booking-steps">
        {steps.map((name, index) => (
          <li key={name} aria-current={index + 1 === current ? 'step' : undefined} className={index + 1 < current ? 'booking-steps__done' : undefined}>
            <span className="visually-hidden">{t.step(index + 1, steps.length)} </span>
            {name}
          </li>
        ))}
      </ol>
    </nav>
  );
}
