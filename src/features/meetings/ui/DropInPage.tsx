import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { DropinEntry } from '../dropin-contract.ts';
import { DropInJoinForm } from './DropInJoinForm.tsx';
import { leaveDropinQueue, patientDropinKey, usePatientDropin } from './dropin-api.ts';
import { PreMeetingCheck } from './PreMeetingCheck.tsx';
import { useLocalMedia } from './rtc/useLocalMedia.ts';
import './meetings.css';

/**
 * /start/moten/drop-in (E6): the patient — or a guardian for a child — joins a unit's video
 * drop-in queue with a short reason, sees their place in it (live), and checks camera and
 * sound while waiting. When a clinician takes them, the page goes on to the meeting, where
 * they are already in the waiting room.
 */

const texts = {
  sv: {
    title: 'Drop-in via video',
    back: 'Alla videomöten',
    intro: 'Träffa vården i ett videomöte utan att boka tid. Ställ dig i kön, så tar vårdpersonalen emot dig när det är din tur.',
    inQueue: (unit: string) => `Du står i kön hos ${unit}`,
    position: (n: number) => (n === 1 ? 'Du är näst på tur.' : `Du är nummer ${n} i kön.`),
    reason: (text: string) => `Ditt ärende: ${text}`,
    whileWaiting: 'Vänta kvar på den här sidan. När vårdpersonalen tar emot dig kommer du direkt till mötets väntrum.',
    leave: 'Lämna kön',
    left: 'Du har lämnat kön.',
    taken: 'Det är din tur. Du skickas till mötet …',
    toMeeting: 'Till mötet',
  },
  en: {
    title: 'Drop-in by video',
    back: 'All video meetings',
    intro: 'See care in a video meeting without booking. You join the queue and are taken into the video meeting when it is your turn.',
    inQueue: (unit: string) => `You are in the queue at ${unit}`,
    position: (n: number) => (n === 1 ? 'You are next.' : `You are number ${n} in the queue.`),
    reason: (text: string) => `Your matter: ${text}`,
    whileWaiting: 'Stay on this page. When the care staff take you, you go straight to the meeting’s waiting room.',
    leave: 'Leave the queue',
    left: 'You have left the queue.',
    taken: 'It is your turn. Taking you to the meeting …',
    toMeeting: 'To the meeting',
  },
};

export default function DropInPage() {
  const t = useTexts(texts);
  const dropin = usePatientDropin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const [left, setLeft] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t.title);
  useEffect(() => heading.current?.focus(), []);

  const entries = dropin.data?.entries ?? [];
  const waiting = entries.find((entry) => entry.status === 'waiting');
  const taken = entries.find((entry) => entry.status === 'taken' && entry.meetingId);

  // Taken: on to the meeting, where the person is already in the waiting room.
  useEffect(() => {
    if (!waiting && taken?.meetingId) void navigate(`/start/moten/${taken.meetingId}`, { state: { fromDropin: true } });
  }, [navigate, taken?.meetingId, waiting]);

  // The camera and microphone while waiting in the queue (the pre-meeting check).
  const local = useLocalMedia(waiting !== undefined);

  const leave = async (entry: DropinEntry) => {
    setError(null);
    try {
      await leaveDropinQueue(entry.id);
      setLeft(true);
      await queryClient.invalidateQueries({ queryKey: patientDropinKey });
      heading.current?.focus();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div className="dropin-page">
      <p>
        <Link to="/start/moten">
          <span aria-hidden="true">← </span>
          {t.back}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lead">{t.intro}</p>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {dropin.isPending ? (
        <PageStatus state="loading" />
      ) : dropin.isError ? (
        <PageStatus state="error" error={dropin.error} />
      ) : waiting ? (
        <>
          <section className="card dropin-place" aria-labelledby="dropin-place-heading">
            <h2 id="dropin-place-heading">{t.inQueue(waiting.unit.name)}</h2>
            <p className="dropin-place__position" aria-live="polite">
              {waiting.position !== null && t.position(waiting.position)}
            </p>
            <p>{t.reason(waiting.reason)}</p>
            <p>{t.whileWaiting}</p>
            <p className="actions">
              <button type="button" className="button button--secondary" onClick={() => void leave(waiting)}>
                {t.leave}
              </button>
            </p>
          </section>
          <PreMeetingCheck stream={local.stream} problem={local.problem} onRetry={() => void local.reopen()} busy={false} headingRef={checkHeading} />
        </>
      ) : taken?.meetingId ? (
        <p role="status">
          {t.taken} <Link to={`/start/moten/${taken.meetingId}`}>{t.toMeeting}</Link>
        </p>
      ) : (
        <>
          {left && <p role="status">{t.left}</p>}
          <DropInJoinForm units={dropin.data.units} onJoined={() => void queryClient.invalidateQueries({ queryKey: patientDropinKey })} />
        </>
      )}
    </div>
  );
}
