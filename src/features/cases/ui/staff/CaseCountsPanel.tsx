import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { InboxCounts } from '../../contract.ts';
import { countsKey, LIVE_REFETCH_MS, useLiveCases } from './shared.tsx';

const texts = {
  sv: {
    title: 'Ärenden',
    inbox: 'Till inkorgen',
    open: 'öppna',
    late: 'försenade',
    dueSoon: 'ska besvaras inom 24 timmar',
    unassigned: 'ej tilldelade',
    mine: 'mina',
    awaitingPatient: 'väntar på patienten',
    deadlineNote: 'Minst ett delsvar ska ges inom två arbetsdagar.',
  },
  en: {
    title: 'Cases',
    inbox: 'To the inbox',
    open: 'open',
    late: 'late',
    dueSoon: 'due within 24 hours',
    unassigned: 'unassigned',
    mine: 'mine',
    awaitingPatient: 'awaiting the patient',
    deadlineNote: 'At least a partial answer is due within two working days.',
  },
};

const links: { key: keyof InboxCounts; query: string; alert?: boolean }[] = [
  { key: 'open', query: '' },
  { key: 'late', query: '?deadline=late', alert: true },
  { key: 'dueSoon', query: '?deadline=due_soon', alert: true },
  { key: 'unassigned', query: '?assigned=unassigned' },
  { key: 'mine', query: '?assigned=me' },
  { key: 'awaitingPatient', query: '?status=awaiting_patient' },
];

/** C3 on the start page: what is open at the unit, and what is close to or past its deadline. */
export function CaseCountsPanel() {
  const t = useTexts(texts);
  useLiveCases();
  const counts = useQuery({
    queryKey: countsKey,
    queryFn: () => api<InboxCounts>('GET', '/api/staff/cases/counts'),
    // Polling until the WebSocket platform (its own issue) pushes changes.
    refetchInterval: LIVE_REFETCH_MS,
  });
  return (
    <section className="card staff-case-counts" aria-labelledby="case-counts-heading">
      <div className="staff-case-counts__head">
        <h2 id="case-counts-heading">{t.title}</h2>
        <Link to="/arbetsyta/arenden">{t.inbox}</Link>
      </div>
      {counts.isPending ? (
        <PageStatus state="loading" />
      ) : counts.isError ? (
        <PageStatus state="error" error={counts.error} />
      ) : (
        <ul>
          {links.map((link) => {
            const value = counts.data[link.key];
            return (
              <li key={link.key}>
                <Link to={`/arbetsyta/arenden${link.query}`} className={link.alert && value > 0 ? 'staff-case-counts--alert' : undefined}>
                  <span className="staff-case-counts__number">{value}</span> <span className="staff-case-counts__label">{t[link.key]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted">{t.deadlineNote}</p>
    </section>
  );
}
