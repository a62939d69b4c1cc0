import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDate, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { useStaffMeetings } from './api.ts';
import { formatTime, kindLabels, statusLabels } from './labels.ts';
import { DropInStaffPanel } from './DropInStaffPanel.tsx';
import { NewMeetingForm } from './NewMeetingForm.tsx';
import { ScreenSharingSetting } from './ScreenSharingSetting.tsx';
import './meetings.css';

/** /arbetsyta/moten: the unit's video meetings today (who waits, who is in), the drop-in queue (E6), a new meeting, and the screen-sharing decision. */

const texts = {
  sv: {
    title: 'Videomöten',
    today: (date: string) => `Dagens möten, ${date}`,
    none: 'Inga videomöten i dag.',
    host: (name: string) => `Värd: ${name}`,
    waiting: (n: number) => (n === 1 ? '1 väntar' : `${n} väntar`),
    inside: (n: number) => `${n} i mötet`,
    booked: 'Bokat videobesök',
  },
  en: {
    title: 'Video meetings',
    today: (date: string) => `Today’s meetings, ${date}`,
    none: 'No video meetings today.',
    host: (name: string) => `Host: ${name}`,
    waiting: (n: number) => `${n} waiting`,
    inside: (n: number) => `${n} in the meeting`,
    booked: 'Booked video visit',
  },
};

export default function StaffMeetingsPage() {
  const t = useTexts(texts);
  const kinds = useTexts(kindLabels);
  const statuses = useTexts(statusLabels);
  const { language } = useLanguage();
  const meetings = useStaffMeetings();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t.title);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="meetings-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <div className="meetings-page__layout">
        <section aria-labelledby="meetings-today-heading">
          {meetings.isPending ? (
            <PageStatus state="loading" />
          ) : meetings.isError ? (
            <PageStatus state="error" error={meetings.error} />
          ) : (
            <>
              <h2 id="meetings-today-heading">{t.today(formatDate(`${meetings.data.date}T12:00:00Z`, language))}</h2>
              {meetings.data.meetings.length === 0 ? (
                <p>{t.none}</p>
              ) : (
                <ul className="plain-list meetings-list">
                  {meetings.data.meetings.map((meeting) => {
                    const what = meeting.patient?.name ?? meeting.title ?? kinds[meeting.kind];
                    return (
                      <li key={meeting.id} className="card">
                        <h3 className="meetings-list__title">
                          <Link to={`/arbetsyta/moten/${meeting.id}`}>
                            {formatTime(meeting.startsAt, language)} {what}
                          </Link>
                        </h3>
                        <p className="meetings-list__meta">
                          {kinds[meeting.kind]} · {t.host(meeting.host.name)} · {statuses[meeting.status]}
                          {meeting.fromAppointment && ` · ${t.booked}`}
                        </p>
                        {meeting.status !== 'ended' && (meeting.waitingCount > 0 || meeting.admittedCount > 0) && (
                          <p className="meetings-list__meta">
                            {meeting.waitingCount > 0 && <span className="badge badge--warning">{t.waiting(meeting.waitingCount)}</span>}{' '}
                            {meeting.admittedCount > 0 && <span className="badge">{t.inside(meeting.admittedCount)}</span>}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}
        </section>
        <div>
          <DropInStaffPanel />
          <NewMeetingForm />
          <ScreenSharingSetting />
        </div>
      </div>
    </div>
  );
}
