import type { RefObject } from 'react';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { MeetingRecord, MeetingView } from '../contract.ts';
import { useMeetingRecord } from './api.ts';
import { formatDuration, formatTime, useRoleText } from './labels.ts';

/** After the meeting: its short record — who took part, when, and for how long (no sound or picture is kept). */

const texts = {
  sv: {
    heading: 'Mötet är avslutat',
    record: 'Mötesanteckning',
    started: 'Började',
    ended: 'Slutade',
    length: 'Längd',
    notHeld: 'Mötet hölls aldrig.',
    who: 'Deltagare',
    name: 'Namn',
    role: 'Roll',
    joined: 'Kom in',
    time: 'Tid i mötet',
    neverIn: 'Släpptes inte in',
    removed: '(togs bort)',
    noMedia: 'Varken ljud eller bild från mötet har sparats.',
  },
  en: {
    heading: 'The meeting has ended',
    record: 'Meeting record',
    started: 'Started',
    ended: 'Ended',
    length: 'Length',
    notHeld: 'The meeting never took place.',
    who: 'Participants',
    name: 'Name',
    role: 'Role',
    joined: 'Came in',
    time: 'Time in the meeting',
    neverIn: 'Not let in',
    removed: '(removed)',
    noMedia: 'No sound or picture from the meeting has been kept.',
  },
};

/** `withRecord` false: a guest (E3) is told the meeting ended, without the record of who took part. */
export function MeetingEnded({ meeting, headingRef, withRecord = true }: { meeting: MeetingView; headingRef: RefObject<HTMLHeadingElement | null>; withRecord?: boolean }) {
  const t = useTexts(texts);
  const record = useMeetingRecord(meeting.id, withRecord);
  if (!withRecord) {
    return (
      <section aria-labelledby="meeting-ended-heading">
        <h2 id="meeting-ended-heading" ref={headingRef} tabIndex={-1}>
          {t.heading}
        </h2>
        <p>{t.noMedia}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="meeting-ended-heading">
      <h2 id="meeting-ended-heading" ref={headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      {record.isPending ? (
        <PageStatus state="loading" />
      ) : record.isError ? (
        <PageStatus state="error" error={record.error} />
      ) : (
        <>
          <MeetingRecordView record={record.data} />
          <p>{t.noMedia}</p>
        </>
      )}
    </section>
  );
}

/** The record itself: when it started and ended, and who took part in which role for how long. */
export function MeetingRecordView({ record, headingLevel = 3 }: { record: MeetingRecord; headingLevel?: 3 | 4 }) {
  const t = useTexts(texts);
  const roleText = useRoleText();
  const { language } = useLanguage();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
          <Heading>{t.record}</Heading>
          {record.startedAt ? (
            <dl className="facts">
              <dt>{t.started}</dt>
              <dd>{formatDateTime(record.startedAt, language)}</dd>
              <dt>{t.ended}</dt>
              <dd>{record.endedAt ? formatDateTime(record.endedAt, language) : '–'}</dd>
              <dt>{t.length}</dt>
              <dd>{record.durationSeconds === null ? '–' : formatDuration(record.durationSeconds, language)}</dd>
            </dl>
          ) : (
            <p>{t.notHeld}</p>
          )}
          <div className="table-wrap">
            <table>
              <caption>{t.who}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.joined}</th>
                  <th scope="col">{t.time}</th>
                </tr>
              </thead>
              <tbody>
                {record.participants.map((participant, index) => (
                  <tr key={index}>
                    <th scope="row">
                      {participant.name} {participant.removed && t.removed}
                    </th>
                    <td>{roleText(participant)}</td>
                    <td>{participant.firstAdmittedAt ? formatTime(participant.firstAdmittedAt, language) : t.neverIn}</td>
                    <td>{participant.firstAdmittedAt ? formatDuration(participant.presentSeconds, language) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
    </>
  );
}
