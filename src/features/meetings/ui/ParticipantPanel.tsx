import { useState } from 'react';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import type { MeetingParticipant, MeetingView } from '../contract.ts';
import { useRoleText } from './labels.ts';
import type { RemoteView } from './rtc/mesh.ts';
import { VideoTile } from './VideoTile.tsx';

/** Who is in the meeting, and for the host who waits to be let in (with "Släpp in" and "Neka"). */

const texts = {
  sv: {
    waiting: (n: number) => `Väntrummet (${n})`,
    nobodyWaiting: 'Ingen väntar.',
    waitingSince: (time: string) => `Väntar sedan ${time}`,
    admit: 'Släpp in',
    admitWho: (name: string) => `Släpp in ${name}`,
    deny: 'Neka',
    denyWho: (name: string) => `Neka ${name}`,
    identification: 'Mötet kräver att legitimationen visas i kameran innan du släpper in.',
    idVideo: (name: string) => `Legitimation från ${name}`,
    idCheckHint: 'Be personen hålla upp sin legitimation mot kameran. Personen ser och hör dig inte förrän du släppt in hen.',
    idChecked: 'Legitimation kontrollerad på kamera',
    idCheckedWho: (name: string) => `Legitimation kontrollerad på kamera för ${name}`,
    idDone: 'Legitimation kontrollerad',
    guest: 'Gäst via länk',
    inside: (n: number, max: number) => `I mötet (${n} av högst ${max})`,
    you: '(du)',
    hand: 'Räcker upp handen',
    sharing: 'Delar skärm',
    micOff: 'Mikrofon av',
    cameraOff: 'Kamera av',
    remove: 'Ta bort',
    removeWho: (name: string) => `Ta bort ${name} från mötet`,
    confirmRemove: (name: string) => `Ta bort ${name}? Personen kan inte komma tillbaka till det här mötet.`,
    yesRemove: 'Ja, ta bort',
    cancel: 'Avbryt',
  },
  en: {
    waiting: (n: number) => `Waiting room (${n})`,
    nobodyWaiting: 'Nobody is waiting.',
    waitingSince: (time: string) => `Waiting since ${time}`,
    admit: 'Let in',
    admitWho: (name: string) => `Let in ${name}`,
    deny: 'Turn away',
    denyWho: (name: string) => `Turn away ${name}`,
    identification: 'The meeting requires ID to be shown on camera before you let someone in.',
    idVideo: (name: string) => `ID from ${name}`,
    idCheckHint: 'Ask the person to hold their ID up to the camera. They neither see nor hear you until you let them in.',
    idChecked: 'ID checked on camera',
    idCheckedWho: (name: string) => `ID checked on camera for ${name}`,
    idDone: 'ID checked',
    guest: 'Guest by link',
    inside: (n: number, max: number) => `In the meeting (${n} of at most ${max})`,
    you: '(you)',
    hand: 'Has raised a hand',
    sharing: 'Sharing the screen',
    micOff: 'Microphone off',
    cameraOff: 'Camera off',
    remove: 'Remove',
    removeWho: (name: string) => `Remove ${name} from the meeting`,
    confirmRemove: (name: string) => `Remove ${name}? They cannot come back to this meeting.`,
    yesRemove: 'Yes, remove',
    cancel: 'Cancel',
  },
};

export function ParticipantPanel(props: {
  meeting: MeetingView;
  busy: boolean;
  onAdmit: (id: string) => void;
  onRemove: (id: string) => void;
  /** E3: the connections to guests waiting for the ID check (their picture), and the host's confirmation. */
  remotes?: RemoteView[];
  onIdChecked?: (id: string) => void;
}) {
  const t = useTexts(texts);
  const roleText = useRoleText();
  const { language } = useLanguage();
  const { meeting } = props;
  const [confirming, setConfirming] = useState<MeetingParticipant | null>(null);
  const host = meeting.me?.role === 'host';

  return (
    <div className="meeting-panel">
      {host && (
        <section aria-labelledby="meeting-waiting-heading" className="meeting-waiting">
          <h2 id="meeting-waiting-heading">{t.waiting(meeting.waiting.length)}</h2>
          {meeting.requiredIdentification === 'id_on_camera' && <p className="hint">{t.identification}</p>}
          {meeting.waiting.length === 0 ? (
            <p>{t.nobodyWaiting}</p>
          ) : (
            <ul className="meeting-people">
              {meeting.waiting.map((person) => (
                <li key={person.id} className="meeting-person">
                  <span className="meeting-person__name">{person.name}</span>
                  <span className="meeting-person__meta">
                    {roleText(person)}
                    {person.kind === 'guest' && ` · ${t.guest}`}
                    {person.waitingSince && ` · ${t.waitingSince(formatDateTime(person.waitingSince, language))}`}
                    {person.idCheck === 'done' && (
                      <>
                        {' · '}
                        <span className="badge badge--success">{t.idDone}</span>
                      </>
                    )}
                  </span>
                  {person.idCheck === 'needed' && (
                    <div className="meeting-id-check">
                      <VideoTile participantId={person.id} stream={props.remotes?.find((remote) => remote.id === person.id)?.stream ?? null} name={person.name} label={t.idVideo(person.name)} />
                      <p className="hint">{t.idCheckHint}</p>
                      <button type="button" className="button button--secondary" aria-label={t.idCheckedWho(person.name)} disabled={props.busy} onClick={() => props.onIdChecked?.(person.id)}>
                        {t.idChecked}
                      </button>
                    </div>
                  )}
                  <span className="meeting-person__actions">
                    <button type="button" className="button" aria-label={t.admitWho(person.name)} disabled={props.busy || person.idCheck === 'needed'} onClick={() => props.onAdmit(person.id)}>
                      {t.admit}
                    </button>
                    <button type="button" className="button button--secondary" aria-label={t.denyWho(person.name)} disabled={props.busy} onClick={() => props.onRemove(person.id)}>
                      {t.deny}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="meeting-inside-heading">
        <h2 id="meeting-inside-heading">{t.inside(meeting.participants.length, meeting.maxParticipants)}</h2>
        <ul className="meeting-people">
          {meeting.participants.map((person) => (
            <li key={person.id} className="meeting-person">
              <span className="meeting-person__name">
                {person.name} {person.id === meeting.me?.participantId && t.you}
              </span>
              <span className="meeting-person__meta">
                {roleText(person)}
                {person.handRaised && (
                  <>
                    {' · '}
                    <span className="badge badge--warning">{t.hand}</span>
                  </>
                )}
                {person.micOff && (
                  <>
                    {' · '}
                    <span className="badge">{t.micOff}</span>
                  </>
                )}
                {person.cameraOff && (
                  <>
                    {' · '}
                    <span className="badge">{t.cameraOff}</span>
                  </>
                )}
                {person.screenSharing && (
                  <>
                    {' · '}
                    <span className="badge badge--danger">{t.sharing}</span>
                  </>
                )}
              </span>
              {host && person.role !== 'host' && (
                <span className="meeting-person__actions">
                  <button type="button" className="button button--secondary" aria-label={t.removeWho(person.name)} onClick={() => setConfirming(person)}>
                    {t.remove}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {confirming && (
          <div className="alert alert--warning" role="alertdialog" aria-labelledby="meeting-remove-question">
            <p id="meeting-remove-question">{t.confirmRemove(confirming.name)}</p>
            <p className="actions">
              <button
                type="button"
                className="button"
                autoFocus
                disabled={props.busy}
                onClick={() => {
                  props.onRemove(confirming.id);
                  setConfirming(null);
                }}
              >
                {t.yesRemove}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                {t.cancel}
              </button>
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
