import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import type { BookingMeetingRecord as BookingRecord } from '../contract.ts';
import { MeetingRecordView } from './MeetingEnded.tsx';

/**
 * With a booked video visit (issue 8 item 5): the short record of its meeting — who took part,
 * when and for how long — once a meeting has been opened for it; nothing before that.
 */
export function BookingMeetingRecord({ side, appointmentId }: { side: 'patient' | 'staff'; appointmentId: string }) {
  const record = useQuery({
    queryKey: ['meetings', 'booking-record', side, appointmentId],
    queryFn: () => api<BookingRecord>('GET', `/api/${side}/meetings/for-appointment/${encodeURIComponent(appointmentId)}/record`),
  });
  if (!record.data?.record) return null;
  return (
    <section className="booking-meeting-record">
      <MeetingRecordView record={record.data.record} headingLevel={side === 'staff' ? 4 : 3} />
    </section>
  );
}
