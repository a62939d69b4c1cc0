import { useEffect, useState, type RefObject } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { playTestSound, watchMicrophoneLevel, type MediaProblem } from './rtc/media.ts';
import { VideoTile } from './VideoTile.tsx';

/**
 * E5, seed 003: before the meeting the person sees their own camera, watches the microphone
 * level move when they speak, can play a sound to test the speaker or headset, and reads the
 * practical checklist. Nothing here is sent anywhere.
 */

const texts = {
  sv: {
    heading: 'Kontrollera ljud och bild',
    intro: 'Innan du går in: se att kameran visar dig, att mikrofonen hör dig och att du hör ljud.',
    you: 'Du',
    camera: 'Din kamera',
    micLabel: 'Mikrofonens ljudnivå',
    micHint: 'Säg något. Stapeln ska röra sig när du pratar.',
    noMic: 'Ingen mikrofon hittades.',
    speaker: 'Testa högtalaren',
    playing: 'Spelar upp ett ljud …',
    speakerHint: 'Hörde du två toner? Om inte, höj volymen eller anslut ditt headset och försök igen.',
    problems: {
      denied: 'Webbläsaren fick inte använda kameran och mikrofonen. Tillåt dem i webbläsarens inställningar för den här sidan (ofta en ikon i adressfältet) och försök igen.',
      not_found: 'Ingen kamera hittades. Du kan ändå delta med ljud, eller ansluta en kamera och försöka igen.',
      in_use: 'Kameran eller mikrofonen används av ett annat program. Stäng det och försök igen.',
      unsupported: 'Den här webbläsaren kan inte visa video. Använd en aktuell version av Chrome, Edge, Firefox eller Safari.',
      other: 'Kameran och mikrofonen kunde inte startas. Försök igen.',
    } satisfies Record<MediaProblem, string>,
    retry: 'Försök igen',
    checklistHeading: 'Inför mötet',
    checklist: [
      'Se till att det är ljust runt dig, med ljuset framifrån, så att den du pratar med ser dig.',
      'Ställ kameran i nivå med dina ögon, så ser ni varandra rakt framifrån.',
      'Sitt ostört. Det hjälper samtalet och skyddar det som sägs.',
      'Använd gärna ett headset. Det ger bättre ljud och ingen rundgång.',
      'Använder du mobil eller surfplatta: håll den stadigt, eller ställ den mot något.',
    ],
  },
  en: {
    heading: 'Check your sound and picture',
    intro: 'Before you go in: make sure the camera shows you, the microphone hears you and you can hear sound.',
    you: 'You',
    camera: 'Your camera',
    micLabel: 'Microphone level',
    micHint: 'Say something. The bar should move when you speak.',
    noMic: 'No microphone was found.',
    speaker: 'Test the speaker',
    playing: 'Playing a sound …',
    speakerHint: 'Did you hear two tones? If not, turn up the volume or connect your headset and try again.',
    problems: {
      denied: 'The browser was not allowed to use the camera and microphone. Allow them in the browser’s settings for this page (often an icon in the address bar) and try again.',
      not_found: 'No camera was found. You can still take part with sound, or connect a camera and try again.',
      in_use: 'The camera or microphone is used by another program. Close it and try again.',
      unsupported: 'This browser cannot show video. Use a current version of Chrome, Edge, Firefox or Safari.',
      other: 'The camera and microphone could not be started. Try again.',
    } satisfies Record<MediaProblem, string>,
    retry: 'Try again',
    checklistHeading: 'Before the meeting',
    checklist: [
      'Make sure it is light around you, with the light in front of you, so the other person can see you.',
      'Put the camera at the level of your eyes, so you see each other face to face.',
      'Sit where you will not be disturbed. It helps the conversation and protects what is said.',
      'Use a headset if you can. It gives better sound and no echo.',
      'On a phone or tablet: hold it steady, or lean it against something.',
    ],
  },
};

export function PreMeetingCheck(props: {
  stream: MediaStream | null;
  problem: MediaProblem | null;
  onRetry: () => void;
  /** Without them (waiting in a drop-in queue) the check has no button of its own. */
  continueLabel?: string;
  onContinue?: () => void;
  busy: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Something to know before going on (the meeting is open in another tab). */
  notice?: string | null;
}) {
  const t = useTexts(texts);
  const { stream } = props;
  const [level, setLevel] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [played, setPlayed] = useState(false);
  const hasMic = (stream?.getAudioTracks().length ?? 0) > 0;

  useEffect(() => (stream ? watchMicrophoneLevel(stream, setLevel) : undefined), [stream]);

  const testSpeaker = async () => {
    setPlaying(true);
    try {
      await playTestSound();
    } finally {
      setPlaying(false);
      setPlayed(true);
    }
  };

  return (
    <section className="meeting-check" aria-labelledby="meeting-check-heading">
      <h2 id="meeting-check-heading" ref={props.headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      <p>{t.intro}</p>
      {props.problem && (
        <div className={`alert ${props.problem === 'not_found' ? 'alert--warning' : 'alert--error'}`} role="alert">
          <p>{t.problems[props.problem]}</p>
          <button type="button" className="button button--secondary" onClick={props.onRetry}>
            {t.retry}
          </button>
        </div>
      )}
      <div className="meeting-check__media">
        <VideoTile stream={stream} name={t.you} label={t.camera} self />
        <div className="meeting-check__sound">
          <div className="field">
            <label htmlFor="meeting-mic-level">{t.micLabel}</label>
            <meter id="meeting-mic-level" className="meeting-meter" min={0} max={1} low={0.05} high={0.8} optimum={0.3} value={level} aria-describedby="meeting-mic-hint" />
            <span id="meeting-mic-hint" className="hint">
              {hasMic ? t.micHint : t.noMic}
            </span>
          </div>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void testSpeaker()} disabled={playing} aria-describedby="meeting-speaker-hint">
              {playing ? t.playing : t.speaker}
            </button>
          </p>
          <p id="meeting-speaker-hint" className="hint" aria-live="polite">
            {played ? t.speakerHint : ''}
          </p>
        </div>
      </div>
      <h3>{t.checklistHeading}</h3>
      <ul className="meeting-checklist">
        {t.checklist.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {props.notice && <p className="alert alert--warning">{props.notice}</p>}
      {props.onContinue && (
        <p className="actions">
          <button type="button" className="button" onClick={props.onContinue} disabled={props.busy}>
            {props.continueLabel}
          </button>
        </p>
      )}
    </section>
  );
}
