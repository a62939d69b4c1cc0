import { useQueryClient } from '@tanstack/react-query';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import type { MeetingView } from '../contract.ts';
import { meetingKey, sendMessage } from './api.ts';
import { MeetingChat } from './MeetingChat.tsx';
import { MeetingControls } from './MeetingControls.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { ParticipantPanel } from './ParticipantPanel.tsx';
import type { Mesh, RemoteView } from './rtc/mesh.ts';
import { VideoTile } from './VideoTile.tsx';

/** Inside the meeting: everyone's video, the buttons, who is in (and waiting, for the host) and the chat. */

const texts = {
  sv: {
    videos: 'Video',
    you: 'Du',
    yourCamera: 'Din kamera',
    videoOf: (name: string) => `Video från ${name}`,
    connecting: 'Ansluter …',
    lost: 'Anslutningen bröts, försöker igen …',
    micOff: 'Mikrofonen är av',
    cameraOff: 'Kameran är av',
    alone: 'Ingen annan är med i mötet än.',
    sharing: 'Skärmdelning pågår — visa inte fler patientuppgifter än nödvändigt.',
    noIce: 'Mötets anslutningsuppgifter kunde inte hämtas. Ladda om sidan.',
    waiting: (n: number) => (n === 1 ? 'En person väntar i väntrummet.' : `${n} personer väntar i väntrummet.`),
    toWaiting: 'Till väntrummet',
  },
  en: {
    videos: 'Video',
    you: 'You',
    yourCamera: 'Your camera',
    videoOf: (name: string) => `Video from ${name}`,
    connecting: 'Connecting …',
    lost: 'The connection was lost, trying again …',
    micOff: 'Microphone off',
    cameraOff: 'Camera off',
    alone: 'Nobody else has joined yet.',
    sharing: 'Screen sharing is on — show no more patient information than necessary.',
    noIce: 'The meeting’s connection details could not be fetched. Reload the page.',
    waiting: (n: number) => (n === 1 ? 'One person is waiting in the waiting room.' : `${n} people are waiting in the waiting room.`),
    toWaiting: 'To the waiting room',
  },
};

export function MeetingRoom(props: { meeting: MeetingView; connection: { mesh: Mesh | null; remotes: RemoteView[]; failed: boolean }; localStream: MediaStream | null; busy: boolean; onAdmit: (id: string) => void; onIdChecked?: (id: string) => void; onRemove: (id: string) => void; onLeave: () => void; onEnd: () => void }) {
  const t = useTexts(texts);
  const { meeting } = props;
  const myId = meeting.me?.participantId ?? null;
  const { mesh, remotes, failed } = props.connection;
  const others = meeting.participants.filter((participant) => participant.id !== myId);
  const sharing = meeting.participants.some((participant) => participant.screenSharing);
  const queryClient = useQueryClient();
  // The socket's event refetches too; this shows one's own message at once, also without a socket.
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });

  return (
    <div className="meeting-room">
      {sharing && (
        <p className="meeting-sharing" role="status">
          {t.sharing}
        </p>
      )}
      {meeting.isHost && meeting.waiting.length > 0 && (
        <p className="meeting-waiting-notice">
          {t.waiting(meeting.waiting.length)} <a href="#meeting-waiting-heading">{t.toWaiting}</a>
        </p>
      )}
      {failed && (
        <p className="alert alert--error" role="alert">
          {t.noIce}
        </p>
      )}
      <div className="meeting-room__layout">
        <div className="meeting-room__main">
          <h2 className="visually-hidden">{t.videos}</h2>
          <div className={`meeting-grid meeting-grid--${Math.min(others.length + 1, 6)}`}>
            <VideoTile stream={props.localStream} name={t.you} label={t.yourCamera} self participantId={myId ?? undefined} />
            {others.map((participant) => {
              const remote = remotes.find((candidate) => candidate.id === participant.id);
              const state = remote?.state;
              const status = state === 'failed' || state === 'disconnected' ? t.lost : state !== 'connected' ? t.connecting : null;
              return (
                <VideoTile
                  key={participant.id}
                  participantId={participant.id}
                  stream={remote?.stream ?? null}
                  name={participant.name}
                  label={t.videoOf(participant.name)}
                  status={
                    <>
                      {status && <span className="meeting-tile__status">{status}</span>}
                      {participant.micOff && <span className="meeting-tile__status">{t.micOff}</span>}
                      {participant.cameraOff && <span className="meeting-tile__status">{t.cameraOff}</span>}
                    </>
                  }
                />
              );
            })}
          </div>
          {others.length === 0 && <p>{t.alone}</p>}
          <MeetingControls meeting={meeting} localStream={props.localStream} mesh={mesh} busy={props.busy} onChanged={refresh} onLeave={props.onLeave} onEnd={props.onEnd} />
        </div>
        <aside className="meeting-room__side">
          <ParticipantPanel meeting={meeting} busy={props.busy} onAdmit={props.onAdmit} onRemove={props.onRemove} remotes={remotes} onIdChecked={props.onIdChecked} />
          {meeting.isHost && <InvitePanel meetingId={meeting.id} />}
          <MeetingChat messages={meeting.messages} onSend={(body) => sendMessage(meeting.id, body).then(refresh)} />
        </aside>
      </div>
    </div>
  );
}
