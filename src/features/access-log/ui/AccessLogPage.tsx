import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { professionLabel } from '../../../lib/professions.ts';
import { api } from '../../../web/api/client.ts';
import { formatDateTime, useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../web/layout/RequireSession.tsx';
import type { AccessLogEntry, accessLogResponseSchema } from '../contract.ts';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Vem har läst mina uppgifter?',
    titleOther: (name: string) => `Vem har läst uppgifter om ${name}?`,
    intro: 'Här ser du vilka medarbetare som har läst eller ändrat uppgifterna, på vilken mottagning och när. Varje gång någon i vården öppnar dina uppgifter loggas det.',
    empty: 'Ingen medarbetare har läst uppgifterna ännu.',
    caption: 'Åtkomster, senaste först',
    when: 'När',
    who: 'Vem',
    where: 'Mottagning',
    what: 'Vad',
    actions: { read: 'Läste', emergency_read: 'Nödåtkomst', create: 'Skapade', update: 'Ändrade', delete: 'Tog bort' },
    objects: { patient_summary: 'patientöversikten' } as Record<string, string>,
    emergencyReason: 'Angivet skäl',
    questions: 'Har någon läst dina uppgifter utan anledning? Kontakta mottagningen eller regionens patientnämnd.',
  },
  en: {
    title: 'Who has read my records?',
    titleOther: (name: string) => `Who has read the records of ${name}?`,
    intro: 'Here you see which staff have read or changed the records, at which clinic and when. Every time someone in care opens your records, it is logged.',
    empty: 'No member of staff has read the records yet.',
    caption: 'Accesses, newest first',
    when: 'When',
    who: 'Who',
    where: 'Clinic',
    what: 'What',
    actions: { read: 'Read', emergency_read: 'Emergency access', create: 'Created', update: 'Changed', delete: 'Removed' },
    objects: { patient_summary: 'the patient overview' } as Record<string, string>,
    emergencyReason: 'Reason given',
    questions: 'Has someone read your records without reason? Contact the clinic or the patient advisory committee.',
  },
};

export default function AccessLogPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const subject = session.citizen!.subject;
  const log = useQuery({
    queryKey: ['access-log', subject.id],
    queryFn: () => api<z.infer<typeof accessLogResponseSchema>>('GET', '/api/me/access-log'),
  });
  return (
    <>
      <h1>{subject.basis === 'self' ? t.title : t.titleOther(subject.displayName)}</h1>
      <p>{t.intro}</p>
      {log.isPending ? (
        <PageStatus state="loading" />
      ) : log.isError ? (
        <PageStatus state="error" error={log.error} />
      ) : log.data.entries.length === 0 ? (
        <p className="card">{t.empty}</p>
      ) : (
        <ScrollableTable label={t.caption}>
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.where}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((entry: AccessLogEntry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.occurredAt, language)}</td>
                  <td>
                    {entry.staffName}
                    <br />
                    <span className="muted">{professionLabel(entry.profession, language)}</span>
                  </td>
                  <td>{entry.unitName ?? '–'}</td>
                  <td>
                    {entry.action === 'emergency_read' ? <span className="badge badge--warning">{t.actions[entry.action]}</span> : t.actions[entry.action]}{' '}
                    {t.objects[entry.objectType] ?? entry.objectType}
                    {entry.emergencyReason && (
                      <>
                        <br />
                        <span className="muted">
                          {t.emergencyReason}: {entry.emergencyReason}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p className="muted">{t.questions}</p>
    </>
  );
}
