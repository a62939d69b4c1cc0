import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { MeetingView } from '../contract.ts';
import { admit, endMeeting, joinMeeting, leaveMeeting, meetingKey, removeFromMeeting, useMeeting } from './api.ts';
import { kindLabels } from './labels.ts';
import { confirmIdChecked } from './invitation-api.ts';
import { MeetingEnded } from './MeetingEnded.tsx';
import { MeetingRoom } from './MeetingRoom.tsx';
import { PreMeetingCheck } from './PreMeetingCheck.tsx';
import { useLocalMedia } from './rtc/useLocalMedia.ts';
import type { Remote } from './rtc/mesh.ts';
import { useMesh } from './rtc/useMesh.ts';
import { WaitingRoom } from './WaitingRoom.tsx';
import './meetings.css';

/**
 * A video meeting (/arbetsyta/moten/:id for staff, /start/moten/:id for the patient): first
 * the check of camera, microphone and speaker (E5), then the waiting room until the host lets
 * the person in (the host goes straight in), then the meeting; afterwards its record.
 */

const texts = {
  sv: {
    title: 'Videomöte',
    back: 'Alla videomöten',
    with: (name: string) => `med ${name}`,
    planned: (time: string) => `Tid: ${time}`,
    notFound: 'Mötet finns inte',
    notFoundBody: 'Länken kan vara fel, eller så gäller mötet någon annan.',
    startHost: 'Starta mötet',
    goIn: 'Gå in i mötet',
    toWaitingRoom: 'Gå till väntrummet',
    otherTab: 'Mötet är öppet i en annan flik eller på en annan enhet.',
    useThisTab: 'Använd den här fliken i stället',
    otherTabHere: 'Mötet är öppet i en annan flik eller på en annan enhet. Fortsätter du här flyttas det hit.',
    left: 'Du har lämnat mötet.',
    rejoin: 'Gå in igen',
    removed: 'Värden har tagit bort dig från mötet. Kontakta mottagningen om du tror att det blev fel.',
    admitted: 'Du är insläppt i mötet.',
    someoneWaits: (n: number) => (n === 1 ? 'En person väntar i väntrummet.' : `${n} personer väntar i väntrummet.`),
  },
  en: {
    title: 'Video meeting',
    back: 'All video meetings',
    with: (name: string) => `with ${name}`,
    planned: (time: string) => `Time: ${time}`,
    notFound: 'The meeting does not exist',
    notFoundBody: 'The link may be wrong, or the meeting is someone else’s.',
    startHost: 'Start the meeting',
    goIn: 'Go into the meeting',
    toWaitingRoom: 'Go to the waiting room',
    otherTab: 'The meeting is open in another tab or on another device.',
    useThisTab: 'Use this tab instead',
    otherTabHere: 'The meeting is open in another tab or on another device. If you continue here, it moves here.',
    left: 'You have left the meeting.',
    rejoin: 'Go back in',
    removed: 'The host has removed you from the meeting. Contact the clinic if you think this was a mistake.',
    admitted: 'You have been let into the meeting.',
    someoneWaits: (n: number) => (n === 1 ? 'One person is waiting in the waiting room.' : `${n} people are waiting in the waiting room.`),
  },
};

const HOST_CHECK_HOLD = { audio: true, video: true };
const GUEST_CHECK_HOLD = { audio: true, video: false };

/** Those inside, and for the host the guests waiting for the ID check (whose picture the host sees, sending them nothing). */
function peersInside(view: MeetingView): Remote[] {
  const checks = view.isHost ? view.waiting.filter((person) => person.idCheck !== null).map((person) => ({ id: person.id, clientId: person.clientId, hold: HOST_CHECK_HOLD })) : [];
  return [...view.participants, ...checks];
}

/** This tab's id for signals: new for each page, so a second tab takes the meeting over instead of answering twice. */
const newClientId = () => crypto.randomUUID();

/** `listPath` null: a guest's page (E3), with no list to go back to. */
export default function MeetingPage({ listPath }: { listPath: string | null }) {
  const t = useTexts(texts);
  const kinds = useTexts(kindLabels);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const queryClient = useQueryClient();
  const [clientId] = useState(newClientId);
  const [busy, setBusy] = useState(false);
  const [checkedHere, setCheckedHere] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const phaseHeading = useRef<HTMLHeadingElement>(null);
  const view = meeting.data;
  usePageTitle(view ? `${t.title} – ${view.unit.name}` : t.title);

  // The camera and microphone for the check, the waiting room and the meeting; released when the page goes.
  const local = useLocalMedia();
  const openMedia = local.reopen;

  const act = async (step: () => Promise<MeetingView>) => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(meetingKey(id), await step());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      void queryClient.invalidateQueries({ queryKey: meetingKey(id) });
    } finally {
      setBusy(false);
    }
  };

  const me = view?.me ?? null;
  const inThisTab = me !== null && me.clientId === clientId && (me.state === 'waiting' || me.state === 'admitted');
  const elsewhere = me !== null && !inThisTab && (me.state === 'waiting' || me.state === 'admitted');
  // A fresh page (also a reload) starts with the check; a page that was in and has been taken over by another tab says so.
  const phase = !view
    ? 'loading'
    : view.status === 'ended'
      ? 'ended'
      : inThisTab
        ? me.state
        : me?.state === 'removed'
          ? 'removed'
          : checkedHere && me?.state === 'left'
            ? 'left'
            : checkedHere && elsewhere
              ? 'other-tab'
              : 'check';

  // From the drop-in queue (E6) the person already checked sound and picture and waits: this tab takes their place at once.
  const fromDropin = (useLocation().state as { fromDropin?: boolean } | null)?.fromDropin === true;
  const autoJoined = useRef(false);
  useEffect(() => {
    if (!fromDropin || autoJoined.current || phase !== 'check' || (me?.state !== 'waiting' && me?.state !== 'admitted')) return;
    autoJoined.current = true;
    setCheckedHere(true);
    void act(() => joinMeeting(id, clientId));
  });

  // The connections: prepared while waiting, started when let in — or, for a guest waiting for
  // the ID check (E3), with the host alone: the host sends nothing, the guest only the picture.
  const checking = phase === 'waiting' ? (view?.idCheckWith ?? null) : null;
  const connection = useMesh({
    meetingId: id,
    myId: me?.participantId ?? null,
    myClientId: clientId,
    joined: phase === 'waiting' || phase === 'admitted',
    admitted: phase === 'admitted' || checking !== null,
    participants: phase === 'admitted' && view ? peersInside(view) : checking ? [{ id: checking.participantId, clientId: checking.clientId, hold: GUEST_CHECK_HOLD }] : [],
    localStream: local.stream,
    ...(checking ? { unknownHold: GUEST_CHECK_HOLD } : view?.isHost && view.requiredIdentification === 'id_on_camera' ? { unknownHold: HOST_CHECK_HOLD } : {}),
  });

  // Each new step of the way is announced by moving focus to its heading.
  useEffect(() => {
    if (phase !== 'loading') (phaseHeading.current ?? heading.current)?.focus();
  }, [phase]);

  if (meeting.isPending) return <PageStatus state="loading" />;
  if (meeting.isError) {
    if (meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400)) {
      return (
        <>
          <h1>{t.notFound}</h1>
          <p>{t.notFoundBody}</p>
          {listPath && (
            <p>
              <Link to={listPath}>{t.back}</Link>
            </p>
          )}
        </>
      );
    }
    return <PageStatus state="error" error={meeting.error} />;
  }
  const data = meeting.data;
  const subject = data.patient?.name ?? data.title ?? null;
  const join = () => {
    setCheckedHere(true);
    void act(() => joinMeeting(id, clientId));
  };
  const announcement = phase === 'admitted' ? (data.waiting.length > 0 ? t.someoneWaits(data.waiting.length) : t.admitted) : '';

  return (
    <div className="meeting-page">
      {listPath && (
        <p>
          <Link to={listPath}>
            <span aria-hidden="true">← </span>
            {t.back}
          </Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {t.title} {subject && t.with(subject)}
      </h1>
      <p className="lead">
        {data.unit.name} · {kinds[data.kind]} · {data.host.name}
        <br />
        {t.planned(formatDateTime(data.startsAt, language))}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {phase === 'check' && (
        <PreMeetingCheck
          stream={local.stream}
          problem={local.problem}
          onRetry={() => void openMedia()}
          continueLabel={data.isHost ? (data.status === 'scheduled' ? t.startHost : t.goIn) : me?.state === 'admitted' ? t.goIn : t.toWaitingRoom}
          onContinue={join}
          busy={busy}
          headingRef={phaseHeading}
          notice={elsewhere ? t.otherTabHere : null}
        />
      )}
      {phase === 'waiting' && <WaitingRoom meeting={data} localStream={local.stream} busy={busy} onLeave={() => void act(() => leaveMeeting(id))} headingRef={phaseHeading} />}
      {phase === 'admitted' && (
        <MeetingRoom
          meeting={data}
          connection={connection}
          localStream={local.stream}
          busy={busy}
          onAdmit={(participantId) => void act(() => admit(id, participantId))}
          onIdChecked={(participantId) => void act(() => confirmIdChecked(id, participantId))}
          onRemove={(participantId) => void act(() => removeFromMeeting(id, participantId))}
          onLeave={() => void act(() => leaveMeeting(id))}
          onEnd={() => void act(() => endMeeting(id))}
        />
      )}
      {(phase === 'other-tab' || phase === 'left') && (
        <section className="alert" aria-labelledby="meeting-away-heading">
          <h2 id="meeting-away-heading" ref={phaseHeading} tabIndex={-1}>
            {phase === 'left' ? t.left : t.otherTab}
          </h2>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={join}>
              {phase === 'left' ? t.rejoin : t.useThisTab}
            </button>
          </p>
        </section>
      )}
      {phase === 'removed' && (
        <p className="alert alert--warning" role="alert">
          {t.removed}
        </p>
      )}
      {phase === 'ended' && <MeetingEnded meeting={data} headingRef={phaseHeading} withRecord={listPath !== null} />}
    </div>
  );
}
