import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';

/**
 * /start/moten/bokning/:appointmentId and /arbetsyta/moten/bokning/:appointmentId: the
 * "Öppna videomötet" link of a booked video visit (D6). Finds or creates the booking's
 * meeting (the server checks that it is this person's booking, or this unit's) and goes
 * on to it; the booking pages need not know meeting ids.
 */
const texts = {
  sv: { title: 'Öppnar videomötet', back: 'Tillbaka' },
  en: { title: 'Opening the video meeting', back: 'Back' },
};

export function BookedMeetingOpener({ side }: { side: 'patient' | 'staff' }) {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { appointmentId = '' } = useParams();
  const base = side === 'patient' ? '/start' : '/arbetsyta';
  const opened = useQuery({
    queryKey: ['meetings', 'for-appointment', side, appointmentId],
    // Find-or-create is safe to repeat, so it may run as a query (a reload opens the same meeting).
    queryFn: () => api<{ meetingId: string }>('POST', `/api/${side}/meetings/for-appointment/${encodeURIComponent(appointmentId)}`),
    retry: false,
    staleTime: Infinity,
  });
  if (opened.isSuccess) return <Navigate replace to={`${base}/moten/${opened.data.meetingId}`} />;
  return (
    <section>
      <h1>{t.title}</h1>
      <PageStatus state={opened.isError ? 'error' : 'loading'} error={opened.error} />
      {opened.isError && <Link to={side === 'patient' ? '/start/tider' : '/arbetsyta/tidbok'}>{t.back}</Link>}
    </section>
  );
}
