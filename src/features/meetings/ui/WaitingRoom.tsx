import type { RefObject } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import type { MeetingView } from '../contract.ts';
import { VideoTile } from './VideoTile.tsx';

/** The waiting room: the person sees themselves and waits until the host lets them in (the page moves on by itself). */

const texts = {
  sv: {
    heading: 'Du är i väntrummet',
    soon: 'Vårdgivaren släpper in dig snart.',
    notStarted: 'Mötet har inte börjat än. Vårdgivaren släpper in dig när det börjar.',
    stay: 'Låt sidan vara öppen. Du behöver inte göra något mer.',
    idOnCamera: 'Ha din legitimation till hands: vårdgivaren kan be dig visa den i kameran.',
    you: 'Du',
    camera: 'Din kamera',
    leave: 'Lämna väntrummet',
  },
  en: {
    heading: 'You are in the waiting room',
    soon: 'The care provider will let you in soon.',
    notStarted: 'The meeting has not started yet. The care provider will let you in when it does.',
    stay: 'Keep the page open. You do not need to do anything else.',
    idOnCamera: 'Have your ID ready: the care provider may ask you to show it on camera.',
    you: 'You',
    camera: 'Your camera',
    leave: 'Leave the waiting room',
  },
};

export function WaitingRoom(props: { meeting: MeetingView; localStream: MediaStream | null; busy: boolean; onLeave: () => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const t = useTexts(texts);
  return (
    <section className="meeting-waiting-room" aria-labelledby="meeting-waiting-room-heading">
      <h2 id="meeting-waiting-room-heading" ref={props.headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      <div className="meeting-waiting-room__layout">
        <VideoTile stream={props.localStream} name={t.you} label={t.camera} self />
        <div role="status">
          <p className="meeting-waiting-room__soon">{props.meeting.status === 'open' ? t.soon : t.notStarted}</p>
          <p>{t.stay}</p>
          {props.meeting.requiredIdentification === 'id_on_camera' && <p>{t.idOnCamera}</p>}
        </div>
      </div>
      <p className="actions">
        <button type="button" className="button button--secondary" disabled={props.busy} onClick={props.onLeave}>
          {t.leave}
        </button>
      </p>
    </section>
  );
}
