import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../web/api/client.ts';
import { focusField, SelectField, TextField } from '../../../web/forms/fields.tsx';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import type { CreatedInvitation, CreateInvitationRequest } from '../invitation-contract.ts';
import { interpretationKinds, invitableRoles, type InterpretationKind, type InvitableRole } from '../invitation-model.ts';
import { createInvitation, invitationsKey, revokeInvitation, useInvitations } from './invitation-api.ts';
import { interpretationLabels, roleLabels, useRoleText } from './labels.ts';

/**
 * The host invites someone by link (E2): a relative, an interpreter (spoken language with the
 * language, sign language, deaf-blind), another care provider, social services. The link is
 * shown once to copy, and may be sent by SMS or e-mail with the link only. The list shows each
 * link's state; one not yet used can be withdrawn.
 */

const texts = {
  sv: {
    heading: 'Bjud in',
    role: 'Roll',
    interpretation: 'Typ av tolkning',
    language: 'Språk',
    languageHint: 'Till exempel arabiska.',
    languageMissing: 'Skriv vilket språk.',
    name: 'Namn (valfritt)',
    nameHint: 'Bara för din egen lista.',
    sms: 'Skicka länken med SMS till (valfritt)',
    email: 'Skicka länken med e-post till (valfritt)',
    sendHint: 'Meddelandet innehåller bara länken, inget om patienten.',
    create: 'Skapa inbjudan',
    creating: 'Skapar …',
    link: 'Inbjudningslänk',
    linkHint: 'Länken visas bara nu. Den kan användas en gång och gäller till',
    copy: 'Kopiera länken',
    copied: 'Länken är kopierad.',
    sent: (channels: string) => `Länken skickas med ${channels}.`,
    invitations: 'Inbjudningar',
    none: 'Inga inbjudningar än.',
    states: { valid: 'Gäller', used: 'Använd', revoked: 'Tillbakadragen', expired: 'Har gått ut', meeting_ended: 'Mötet är avslutat' },
    usedBy: (name: string) => `av ${name}`,
    until: (time: string) => `till ${time}`,
    revoke: 'Dra tillbaka',
    revokeWho: (what: string) => `Dra tillbaka inbjudan: ${what}`,
  },
  en: {
    heading: 'Invite',
    role: 'Role',
    interpretation: 'Kind of interpreting',
    language: 'Language',
    languageHint: 'For example Arabic.',
    languageMissing: 'Enter the language.',
    name: 'Name (optional)',
    nameHint: 'For your own list only.',
    sms: 'Send the link by SMS to (optional)',
    email: 'Send the link by e-mail to (optional)',
    sendHint: 'The message holds the link only, nothing about the patient.',
    create: 'Create invitation',
    creating: 'Creating …',
    link: 'Invitation link',
    linkHint: 'The link is shown only now. It can be used once and is valid until',
    copy: 'Copy the link',
    copied: 'The link has been copied.',
    sent: (channels: string) => `The link is being sent by ${channels}.`,
    invitations: 'Invitations',
    none: 'No invitations yet.',
    states: { valid: 'Valid', used: 'Used', revoked: 'Withdrawn', expired: 'Expired', meeting_ended: 'The meeting has ended' },
    usedBy: (name: string) => `by ${name}`,
    until: (time: string) => `until ${time}`,
    revoke: 'Withdraw',
    revokeWho: (what: string) => `Withdraw the invitation: ${what}`,
  },
};

export function InvitePanel({ meetingId }: { meetingId: string }) {
  const t = useTexts(texts);
  const roles = useTexts(roleLabels);
  const interpretations = useTexts(interpretationLabels);
  const roleText = useRoleText();
  const { language: uiLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const invitations = useInvitations(meetingId);
  const [role, setRole] = useState<InvitableRole>('relative');
  const [interpretation, setInterpretation] = useState<InterpretationKind>('spoken');
  const [language, setLanguage] = useState('');
  const [name, setName] = useState('');
  const [sms, setSms] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ language?: string; sms?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsKey(meetingId) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === 'interpreter' && interpretation === 'spoken' && !language.trim()) {
      setErrors({ language: t.languageMissing });
      return focusField('invite-language');
    }
    setErrors({});
    setBusy(true);
    try {
      const request: CreateInvitationRequest = {
        role,
        ...(role === 'interpreter' ? { interpretation, ...(interpretation === 'spoken' ? { language: language.trim() } : {}) } : {}),
        ...(name.trim() ? { inviteeName: name.trim() } : {}),
        ...(sms.trim() ? { sms: sms.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      };
      setCreated(await createInvitation(meetingId, request));
      setCopied(false);
      setName('');
      setSms('');
      setEmail('');
      void refresh();
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      setErrors(failure instanceof ApiError && failure.code === 'invalid_mobile' ? { sms: message } : { form: message });
    } finally {
      setBusy(false);
    }
  };

  const link = created ? `${window.location.origin}${created.path}` : '';
  const copy = async () => {
    await navigator.clipboard?.writeText(link).catch(() => {});
    setCopied(true);
  };

  return (
    <section className="meeting-invite" aria-labelledby="meeting-invite-heading">
      <h2 id="meeting-invite-heading">{t.heading}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id="invite-role" label={t.role} value={role} onChange={(value) => setRole(value as InvitableRole)} options={invitableRoles.map((value) => ({ value, label: roles[value] }))} />
        {role === 'interpreter' && (
          <SelectField
            id="invite-interpretation"
            label={t.interpretation}
            value={interpretation}
            onChange={(value) => setInterpretation(value as InterpretationKind)}
            options={interpretationKinds.map((value) => ({ value, label: interpretations[value] }))}
          />
        )}
        {role === 'interpreter' && interpretation === 'spoken' && (
          <TextField id="invite-language" kind="text" label={t.language} hint={t.languageHint} error={errors.language} value={language} onChange={setLanguage} max={40} hardLimit />
        )}
        <TextField id="invite-name" kind="text" label={t.name} hint={t.nameHint} value={name} onChange={setName} max={80} hardLimit autoComplete="off" />
        <TextField id="invite-sms" kind="text" label={t.sms} error={errors.sms} value={sms} onChange={setSms} inputMode="tel" autoComplete="off" />
        <TextField id="invite-email" kind="text" label={t.email} hint={t.sendHint} value={email} onChange={setEmail} autoComplete="off" />
        {errors.form && (
          <p className="alert alert--error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
      </form>
      {created && (
        <div className="meeting-invite__created" role="status">
          <label htmlFor="invite-link">{t.link}</label>
          <p className="hint" id="invite-link-hint">
            {t.linkHint} {formatDateTime(created.invitation.expiresAt, uiLanguage)}.
          </p>
          <input id="invite-link" className="meeting-invite__link" readOnly value={link} aria-describedby="invite-link-hint" onFocus={(event) => event.currentTarget.select()} />
          <p className="actions">
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {t.copy}
            </button>
          </p>
          {copied && <p>{t.copied}</p>}
          {created.sent.length > 0 && <p>{t.sent(created.sent.map((channel) => (channel === 'sms' ? 'SMS' : uiLanguage === 'sv' ? 'e-post' : 'e-mail')).join(uiLanguage === 'sv' ? ' och ' : ' and '))}</p>}
        </div>
      )}
      <h3>{t.invitations}</h3>
      {invitations.data && invitations.data.invitations.length === 0 && <p>{t.none}</p>}
      <ul className="meeting-people">
        {invitations.data?.invitations.map((invitation) => {
          const what = [roleText(invitation), invitation.inviteeName].filter(Boolean).join(', ');
          return (
            <li key={invitation.id} className="meeting-person">
              <span className="meeting-person__name">{what}</span>
              <span className="meeting-person__meta">
                {t.states[invitation.state]}
                {invitation.usedBy && ` ${t.usedBy(invitation.usedBy.name)}`}
                {invitation.state === 'valid' && ` ${t.until(formatDateTime(invitation.expiresAt, uiLanguage))}`}
              </span>
              {invitation.state === 'valid' && (
                <span className="meeting-person__actions">
                  <button type="button" className="button button--secondary" aria-label={t.revokeWho(what)} onClick={() => void revokeInvitation(meetingId, invitation.id).then(refresh)}>
                    {t.revoke}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
