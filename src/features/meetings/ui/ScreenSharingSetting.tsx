import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import type { MeetingSettings } from '../contract.ts';
import { meetingSettingsKey, useMeetingSettings } from './api.ts';

/** E4: the unit manager's decision about screen sharing; everyone else at the unit reads it. */

const texts = {
  sv: {
    heading: 'Skärmdelning',
    rule: 'Skärmar som kan visa patientuppgifter får inte delas i videomöten, om inte verksamhetschefen har beslutat om det och det finns rutiner för hur det går till.',
    allowed: 'Skärmdelning är tillåten i enhetens nya möten.',
    forbidden: 'Skärmdelning är inte tillåten i enhetens möten.',
    decided: (who: string, when: string) => `Beslutat av ${who} ${when}.`,
    label: 'Tillåt skärmdelning i enhetens nya videomöten (verksamhetschefens beslut)',
    save: 'Spara beslutet',
    saved: 'Sparat.',
  },
  en: {
    heading: 'Screen sharing',
    rule: 'Screens that may show patient information must not be shared in video meetings unless the unit’s manager has decided so and there are routines for it.',
    allowed: 'Screen sharing is allowed in the unit’s new meetings.',
    forbidden: 'Screen sharing is not allowed in the unit’s meetings.',
    decided: (who: string, when: string) => `Decided by ${who} on ${when}.`,
    label: 'Allow screen sharing in the unit’s new video meetings (the manager’s decision)',
    save: 'Save the decision',
    saved: 'Saved.',
  },
};

export function ScreenSharingSetting() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const settings = useMeetingSettings();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const current = settings.data;
  const checked = choice ?? current.screenSharingAllowed;

  const save = async () => {
    setError(null);
    try {
      queryClient.setQueryData(meetingSettingsKey, await api<MeetingSettings>('PUT', '/api/staff/meeting-settings', { screenSharingAllowed: checked }));
      setChoice(null);
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <section className="meeting-settings" aria-labelledby="meeting-settings-heading">
      <h2 id="meeting-settings-heading">{t.heading}</h2>
      <p>{t.rule}</p>
      <p>
        <strong>{current.screenSharingAllowed ? t.allowed : t.forbidden}</strong>
        {current.decidedBy && current.decidedAt && ` ${t.decided(current.decidedBy, formatDateTime(current.decidedAt, language))}`}
      </p>
      {current.mayDecide && (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={checked} onChange={(event) => {
              setChoice(event.target.checked);
              setSaved(false);
            }} />
            {t.label}
          </label>
          <p className="actions">
            <button type="button" className="button button--secondary" onClick={() => void save()}>
              {t.save}
            </button>
            <span className="saved-note" role="status">
              {saved ? t.saved : ''}
            </span>
          </p>
          {error && (
            <p className="alert alert--error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
