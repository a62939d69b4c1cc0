import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { ContactDetails, ContactDetailsUpdate } from '../contract.ts';
import { EMAIL_MAX, formatSwedishMobile, MOBILE_INPUT_MAX } from '../model.ts';
import './notifications.css';

const texts = {
  sv: {
    title: 'Aviseringar',
    intro: 'Vi kan meddela dig med e-post eller sms när det finns ett nytt meddelande till dig i Nära. Aviseringen säger bara att det finns något nytt – aldrig vad det gäller eller från vilken mottagning. Du läser meddelandet när du har loggat in.',
    forOther: (name: string) => `Inställningarna gäller dig själv, även när du sköter ärenden för ${name}.`,
    email: 'E-postadress',
    emailHint: 'Till exempel namn@exempel.se',
    emailProblem: 'Skriv en giltig e-postadress, till exempel namn@exempel.se.',
    mobile: 'Mobilnummer',
    mobileHint: 'Ett svenskt mobilnummer, till exempel 070-123 45 67',
    mobileProblem: 'Skriv ett svenskt mobilnummer, till exempel 070-123 45 67.',
    channels: 'Hur vill du få aviseringar?',
    byEmail: 'Med e-post',
    bySms: 'Med sms',
    none: 'Kryssar du inte i något får du inga aviseringar. Du ser ändå nya meddelanden när du loggar in.',
    save: 'Spara',
    saved: 'Dina inställningar är sparade.',
    updatedAt: (when: string) => `Senast ändrade ${when}.`,
  },
  en: {
    title: 'Notifications',
    intro: 'We can let you know by e-mail or SMS when there is a new message for you in Nära. The notification only says that there is something new – never what it is about or from which clinic. You read the message once you have logged in.',
    forOther: (name: string) => `These settings are your own, also while you handle matters for ${name}.`,
    email: 'E-mail address',
    emailHint: 'For example name@example.com',
    emailProblem: 'Enter a valid e-mail address, for example name@example.com.',
    mobile: 'Mobile number',
    mobileHint: 'A Swedish mobile number, for example 070-123 45 67',
    mobileProblem: 'Enter a Swedish mobile number, for example 070-123 45 67.',
    channels: 'How do you want to be notified?',
    byEmail: 'By e-mail',
    bySms: 'By SMS',
    none: 'If you tick neither, you get no notifications. You still see new messages when you log in.',
    save: 'Save',
    saved: 'Your settings have been saved.',
    updatedAt: (when: string) => `Last changed ${when}.`,
  },
};

const queryKey = ['contact-details'] as const;
const URL = '/api/patient/contact-details';
type Field = 'email' | 'mobile';

/** Which field an error from the server is about: a 400's details name the path, a 422's the channel. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'contact_address_required') {
    return (error.details as { channel?: string } | undefined)?.channel === 'sms' ? 'mobile' : 'email';
  }
  if (error.code === 'validation_failed' && Array.isArray(error.details)) {
    const paths = (error.details as { path?: string }[]).map((detail) => detail.path);
    if (paths.includes('email')) return 'email';
    if (paths.includes('mobile')) return 'mobile';
  }
  return null;
}

function ContactDetailsForm({ initial }: { initial: ContactDetails }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(initial.email ?? '');
  const [mobile, setMobile] = useState(initial.mobile ? formatSwedishMobile(initial.mobile) : '');
  const [notifyByEmail, setNotifyByEmail] = useState(initial.notifyByEmail);
  const [notifyBySms, setNotifyBySms] = useState(initial.notifyBySms);
  const save = useMutation({
    mutationFn: (body: ContactDetailsUpdate) => api<ContactDetails>('PUT', URL, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      setEmail(saved.email ?? '');
      setMobile(saved.mobile ? formatSwedishMobile(saved.mobile) : '');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ email: email.trim() || null, mobile: mobile.trim() || null, notifyByEmail, notifyBySms });
  };
  const problemField = save.isError ? fieldOf(save.error) : null;
  const problemText = (field: Field) => {
    if (problemField !== field || !(save.error instanceof ApiError)) return null;
    return save.error.code === 'contact_address_required' ? save.error.message : field === 'email' ? t.emailProblem : t.mobileProblem;
  };
  const emailProblem = problemText('email');
  const mobileProblem = problemText('mobile');
  const updatedAt = save.data?.updatedAt ?? initial.updatedAt;
  const emailInput = useRef<HTMLInputElement>(null);
  const mobileInput = useRef<HTMLInputElement>(null);
  // The field the server refused takes focus, so its error (aria-describedby) is read out.
  useEffect(() => {
    if (problemField === 'email') emailInput.current?.focus();
    if (problemField === 'mobile') mobileInput.current?.focus();
  }, [problemField, save.error]);

  return (
    <form className="contact-details__form" onSubmit={submit} noValidate>
      <div className={`field${emailProblem ? ' field--invalid' : ''}`}>
        <label htmlFor="contact-email">{t.email}</label>
        <span id="contact-email-hint" className="hint">
          {t.emailHint}
        </span>
        <input
          id="contact-email"
          ref={emailInput}
          type="email"
          autoComplete="email"
          value={email}
          maxLength={EMAIL_MAX}
          onChange={(event) => setEmail(event.target.value)}
          aria-describedby={`contact-email-hint${emailProblem ? ' contact-email-error' : ''}`}
          aria-invalid={emailProblem ? true : undefined}
        />
        {emailProblem && (
          <span id="contact-email-error" className="error-text">
            {emailProblem}
          </span>
        )}
      </div>
      <div className={`field${mobileProblem ? ' field--invalid' : ''}`}>
        <label htmlFor="contact-mobile">{t.mobile}</label>
        <span id="contact-mobile-hint" className="hint">
          {t.mobileHint}
        </span>
        <input
          id="contact-mobile"
          ref={mobileInput}
          type="tel"
          autoComplete="tel"
          value={mobile}
          maxLength={MOBILE_INPUT_MAX}
          onChange={(event) => setMobile(event.target.value)}
          aria-describedby={`contact-mobile-hint${mobileProblem ? ' contact-mobile-error' : ''}`}
          aria-invalid={mobileProblem ? true : undefined}
        />
        {mobileProblem && (
          <span id="contact-mobile-error" className="error-text">
            {mobileProblem}
          </span>
        )}
      </div>
      <fieldset className="field contact-details__channels" aria-describedby="contact-channels-hint">
        <legend>{t.channels}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={notifyByEmail} onChange={(event) => setNotifyByEmail(event.target.checked)} /> {t.byEmail}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={notifyBySms} onChange={(event) => setNotifyBySms(event.target.checked)} /> {t.bySms}
        </label>
        <span id="contact-channels-hint" className="hint">
          {t.none}
        </span>
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t.save}
      </button>
      <div role="status">{save.isSuccess && <p className="alert alert--success">{t.saved}</p>}</div>
      {save.isError && !problemField && <PageStatus state="error" error={save.error} />}
      {updatedAt && <p className="muted contact-details__updated">{t.updatedAt(formatDateTime(updatedAt, language))}</p>}
    </form>
  );
}

/** /start/installningar: the logged-in citizen's own e-mail, mobile number and choice of notifications. */
export default function ContactDetailsPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const subject = session.citizen?.subject;
  const details = useQuery({ queryKey, queryFn: () => api<ContactDetails>('GET', URL) });
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {subject && subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      {details.isPending ? (
        <PageStatus state="loading" />
      ) : details.isError ? (
        <PageStatus state="error" error={details.error} />
      ) : (
        <ContactDetailsForm initial={details.data} />
      )}
    </>
  );
}
