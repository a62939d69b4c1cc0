import { useEffect, useRef, useState } from 'react';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import type { MeetingView } from '../contract.ts';
import { setHand, setMediaState, setScreenSharing } from './api.ts';
import type { Mesh } from './rtc/mesh.ts';

/**
 * The meeting's buttons: microphone, camera, screen sharing (only where the unit's manager
 * allowed it, E4), raise hand, leave, and for the host end the meeting. Turning the camera or
 * microphone off stops sending (the track is disabled), without a new connection, and tells
 * the others (media-state.ts) so they see it is off rather than broken.
 */

const texts = {
  sv: {
    group: 'Mötets knappar',
    micOff: 'Stäng av mikrofonen',
    micOn: 'Slå på mikrofonen',
    cameraOff: 'Stäng av kameran',
    cameraOn: 'Slå på kameran',
    share: 'Dela skärm',
    stopShare: 'Sluta dela skärm',
    shareFailed: 'Skärmen kunde inte delas.',
    raise: 'Räck upp handen',
    lower: 'Ta ner handen',
    leave: 'Lämna mötet',
    end: 'Avsluta mötet för alla',
    confirmEnd: 'Avsluta mötet för alla? Alla som är med eller väntar lämnar mötet.',
    yesEnd: 'Ja, avsluta mötet',
    cancel: 'Avbryt',
  },
  en: {
    group: 'Meeting buttons',
    micOff: 'Turn off the microphone',
    micOn: 'Turn on the microphone',
    cameraOff: 'Turn off the camera',
    cameraOn: 'Turn on the camera',
    share: 'Share screen',
    stopShare: 'Stop sharing the screen',
    shareFailed: 'The screen could not be shared.',
    raise: 'Raise your hand',
    lower: 'Lower your hand',
    leave: 'Leave the meeting',
    end: 'End the meeting for everyone',
    confirmEnd: 'End the meeting for everyone? Everyone in it or waiting leaves.',
    yesEnd: 'Yes, end the meeting',
    cancel: 'Cancel',
  },
};

function setEnabled(tracks: MediaStreamTrack[] | undefined, enabled: boolean) {
  for (const track of tracks ?? []) track.enabled = enabled;
}

export function MeetingControls(props: { meeting: MeetingView; localStream: MediaStream | null; mesh: Mesh | null; busy: boolean; onChanged: () => void; onLeave: () => void; onEnd: () => void }) {
  const t = useTexts(texts);
  const { meeting, localStream, mesh } = props;
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [screen, setScreen] = useState<MediaStreamTrack | null>(null);
  const [shareError, setShareError] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const me = meeting.participants.find((participant) => participant.id === meeting.me?.participantId);
  const handRaised = me?.handRaised ?? false;
  // Others see what this tab sends: a fresh tab starts with both on, whatever an earlier tab said.
  const told = useRef(false);
  useEffect(() => {
    if (told.current || !me) return;
    told.current = true;
    if (me.micOff || me.cameraOff) void setMediaState(meeting.id, { micOff: false, cameraOff: false }).catch(() => {});
  }, [me, meeting.id]);
  const tell = (next: { micOn: boolean; cameraOn: boolean }) => void setMediaState(meeting.id, { micOff: !next.micOn, cameraOff: !next.cameraOn }).then(props.onChanged, () => {});
  const mayShare = meeting.screenSharingAllowed && me?.kind === 'staff' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

  const stopSharing = async (track: MediaStreamTrack | null) => {
    track?.stop();
    setScreen(null);
    await mesh?.replaceVideo(null);
    await setScreenSharing(meeting.id, false).catch(() => {});
    props.onChanged();
  };

  const startSharing = async () => {
    setShareError(false);
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = display.getVideoTracks()[0]!;
      await setScreenSharing(meeting.id, true);
      await mesh?.replaceVideo(track);
      setScreen(track);
      props.onChanged();
      // The browser's own "Stop sharing" bar ends the track.
      track.onended = () => void stopSharing(track);
    } catch {
      setShareError(true);
    }
  };

  // Leaving the page stops a shared screen.
  const screenRef = useRef(screen);
  screenRef.current = screen;
  useEffect(() => () => screenRef.current?.stop(), []);

  return (
    <div className="meeting-controls" role="group" aria-label={t.group}>
      <button type="button" className={`button${micOn ? ' button--secondary' : ''}`} disabled={!localStream?.getAudioTracks().length} onClick={() => {
        setEnabled(localStream?.getAudioTracks(), !micOn);
        setMicOn(!micOn);
        tell({ micOn: !micOn, cameraOn });
      }}>
        {micOn ? t.micOff : t.micOn}
      </button>
      <button type="button" className={`button${cameraOn ? ' button--secondary' : ''}`} disabled={!localStream?.getVideoTracks().length} onClick={() => {
        setEnabled(localStream?.getVideoTracks(), !cameraOn);
        setCameraOn(!cameraOn);
        tell({ micOn, cameraOn: !cameraOn });
      }}>
        {cameraOn ? t.cameraOff : t.cameraOn}
      </button>
      {mayShare && (
        <button type="button" className="button button--secondary" onClick={() => void (screen ? stopSharing(screen) : startSharing())}>
          {screen ? t.stopShare : t.share}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={() => void setHand(meeting.id, !handRaised).then(props.onChanged)}>
        {handRaised ? t.lower : t.raise}
      </button>
      <button type="button" className="button button--secondary" disabled={props.busy} onClick={props.onLeave}>
        {t.leave}
      </button>
      {meeting.isHost && (
        <button type="button" ref={endButton} className="button meeting-controls__end" disabled={props.busy} onClick={() => setConfirmEnd(true)}>
          {t.end}
        </button>
      )}
      {shareError && (
        <p className="meeting-controls__note" role="alert">
          {t.shareFailed}
        </p>
      )}
      {confirmEnd && (
        <div className="alert alert--warning meeting-controls__confirm" role="alertdialog" aria-labelledby="meeting-end-question">
          <p id="meeting-end-question">{t.confirmEnd}</p>
          <p className="actions">
            <button type="button" className="button" autoFocus disabled={props.busy} onClick={props.onEnd}>
              {t.yesEnd}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirmEnd(false);
                endButton.current?.focus();
              }}
            >
              {t.cancel}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
