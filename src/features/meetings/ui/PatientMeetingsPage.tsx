import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { professionLabel } from '../../../lib/professions.ts';
import { usePatientMeetings } from './api.ts';
import { usePatientDropin } from './dropin-api.ts';
import { statusLabels } from './labels.ts';
import './meetings.css';

/** /start/moten: the patient's video meetings that have not ended (and those of the last day). */

const texts = {
  sv: {
    title: 'Videomöten',
    intro: 'Här finns dina videomöten med vården. Gå in en stund före utsatt tid och kontrollera ljud och bild.',
    none: 'Du har inga videomöten just nu.',
    with: (name: string, profession: string) => `med ${name}, ${profession}`,
    go: 'Till mötet',
    goTo: (unit: string, time: string) => `Till mötet med ${unit} ${time}`,
    dropin: 'Drop-in via video',
    dropinIntro: 'Träffa vården i ett videomöte utan att boka tid.',
    dropinGo: 'Till drop-in',
  },
  en: {
    title: 'Video meetings',
    intro: 'Your video meetings with care are here. Go in a little before the time and check your sound and picture.',
    none: 'You have no video meetings now.',
    with: (name: string, profession: string) => `with ${name}, ${profession}`,
    go: 'Go to the meeting',
    goTo: (unit: string, time: string) => `Go to the meeting with ${unit} ${time}`,
    dropin: 'Drop-in by video',
    dropinIntro: 'See care in a video meeting without booking.',
    dropinGo: 'To drop-in',
  },
};

export default function PatientMeetingsPage() {
  const t = useTexts(texts);
  const statuses = useTexts(statusLabels);
  const { language } = useLanguage();
  const meetings = usePatientMeetings();
  const dropin = usePatientDropin();
  const offersDropin = (dropin.data?.units.length ?? 0) > 0 || (dropin.data?.entries.length ?? 0) > 0;
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t.title);
  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lead">{t.intro}</p>
      {offersDropin && (
        <section className="card" aria-labelledby="dropin-link-heading">
          <h2 id="dropin-link-heading" className="meetings-list__title">
            {t.dropin}
          </h2>
          <p>{t.dropinIntro}</p>
          <p>
            <Link className="button button--secondary" to="/start/moten/drop-in">
              {t.dropinGo}
            </Link>
          </p>
        </section>
      )}
      {meetings.isPending ? (
        <PageStatus state="loading" />
      ) : meetings.isError ? (
        <PageStatus state="error" error={meetings.error} />
      ) : meetings.data.meetings.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="plain-list meetings-list">
          {meetings.data.meetings.map((meeting) => {
            const time = formatDateTime(meeting.startsAt, language);
            return (
              <li key={meeting.id} className="card">
                <h2 className="meetings-list__title">
                  {meeting.unit.name}, {time}
                </h2>
                <p className="meetings-list__meta">
                  {t.with(meeting.host.name, professionLabel(meeting.host.profession, language))} · {statuses[meeting.status]}
                </p>
                {meeting.status !== 'ended' && (
                  <p>
                    <Link className="button" to={`/start/moten/${meeting.id}`} aria-label={t.goTo(meeting.unit.name, time)}>
                      {t.go}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
