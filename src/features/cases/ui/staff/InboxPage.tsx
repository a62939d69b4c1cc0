import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { ScrollableTable } from '../../../../web/layout/ScrollableTable.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { colleaguesSchema, InboxPage as InboxPageData } from '../../contract.ts';
import { caseStatuses } from '../../model.ts';
import type { z } from 'zod';
import { colleaguesKey, DeadlineText, formatDeadline, formatShort, inboxKey, LIVE_REFETCH_MS, PatientIdentity, standardTypes, statusLabels, useLiveCases } from './shared.tsx';

type Colleagues = z.infer<typeof colleaguesSchema>;

const texts = {
  sv: {
    title: 'Ärenden',
    intro: 'Enhetens inkorg. Öppna ärenden visas med det som ska besvaras först överst. Minst ett delsvar ska ges inom två arbetsdagar.',
    newCase: 'Skicka nytt ärende',
    filters: 'Filtrera',
    status: 'Status',
    statusOpen: 'Öppna ärenden',
    type: 'Ärendetyp',
    allTypes: 'Alla ärendetyper',
    assigned: 'Handläggare',
    anyone: 'Alla',
    me: 'Mina ärenden',
    unassigned: 'Ej tilldelade',
    deadline: 'Svarstid',
    anyDeadline: 'Alla',
    late: 'Försenade',
    dueSoon: 'Inom 24 timmar',
    onTime: 'I tid',
    clear: 'Rensa filtren',
    total: (n: number) => (n === 1 ? '1 ärende' : `${n} ärenden`),
    showing: (shown: number, total: number) => `Visar ${shown} av ${total}.`,
    caption: 'Ärenden, tidigast svarstid först',
    captionClosed: 'Ärenden, senaste händelse först',
    number: 'Nr',
    subject: 'Ärende',
    patient: 'Patient',
    received: 'Inkom',
    deadlineCol: 'Svara senast',
    statusCol: 'Status',
    assignedCol: 'Handläggare',
    nobody: 'Ingen',
    unread: 'Oläst',
    protected: 'Skyddad identitet',
    more: 'Visa fler',
    loadingMore: 'Hämtar fler …',
    none: 'Inga ärenden matchar filtret.',
    noneOpen: 'Inga öppna ärenden just nu.',
    live: 'Listan uppdateras automatiskt.',
    arrived: (n: number) => (n === 1 ? 'Ett nytt ärende har kommit in.' : `${n} nya ärenden har kommit in.`),
  },
  en: {
    title: 'Cases',
    intro: "The unit's inbox. Open cases are listed with the one to answer first at the top. At least a partial answer is due within two working days.",
    newCase: 'Send a new case',
    filters: 'Filter',
    status: 'Status',
    statusOpen: 'Open cases',
    type: 'Case type',
    allTypes: 'All case types',
    assigned: 'Handled by',
    anyone: 'Anyone',
    me: 'My cases',
    unassigned: 'Unassigned',
    deadline: 'Answer time',
    anyDeadline: 'All',
    late: 'Late',
    dueSoon: 'Within 24 hours',
    onTime: 'On time',
    clear: 'Clear the filters',
    total: (n: number) => (n === 1 ? '1 case' : `${n} cases`),
    showing: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
    caption: 'Cases, earliest deadline first',
    captionClosed: 'Cases, latest activity first',
    number: 'No.',
    subject: 'Case',
    patient: 'Patient',
    received: 'Received',
    deadlineCol: 'Answer by',
    statusCol: 'Status',
    assignedCol: 'Handled by',
    nobody: 'Nobody',
    unread: 'Unread',
    protected: 'Protected identity',
    more: 'Show more',
    loadingMore: 'Loading more …',
    none: 'No cases match the filter.',
    noneOpen: 'No open cases right now.',
    live: 'The list updates by itself.',
    arrived: (n: number) => (n === 1 ? 'A new case has arrived.' : `${n} new cases have arrived.`),
  },
};

/** The filters the URL may carry; anything else is ignored so an old link still works. */
const FILTERS = ['status', 'type', 'assigned', 'deadline'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export default function InboxPage() {
  const t = useTexts(texts);
  usePageTitle(t.title);
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const filters = filtersOf(params);
  const ids = { status: useId(), type: useId(), assigned: useId(), deadline: useId() };

  useLiveCases();
  const colleagues = useQuery({ queryKey: colleaguesKey, queryFn: () => api<Colleagues>('GET', '/api/staff/cases/colleagues'), staleTime: 5 * 60_000 });

  const inbox = useInfiniteQuery({
    queryKey: inboxKey(filters),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(filters);
      if (pageParam) query.set('after', pageParam);
      return api<InboxPageData>('GET', `/api/staff/cases?${query}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Live updates by polling until the WebSocket platform (its own issue) pushes them.
    refetchInterval: LIVE_REFETCH_MS,
  });

  // Announce cases that arrive while the page is open (politely: after what the user hears now).
  // A new case sorts by its deadline, so it may be beyond the pages loaded: the total tells too.
  const seen = useRef<{ key: string; ids: Set<string>; total: number } | null>(null);
  const [arrived, setArrived] = useState('');
  const loadingMore = useRef(false);
  const filterKey = JSON.stringify(filters);
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  useEffect(() => {
    if (!inbox.data) return;
    const loaded = inbox.data.pages.flatMap((page) => page.items);
    const current = new Set(loaded.map((item) => item.id));
    const total = inbox.data.pages[0]?.total ?? 0;
    const before = seen.current;
    if (before && before.key === filterKey && !loadingMore.current) {
      const fresh = loaded.filter((item) => !before.ids.has(item.id) && Date.parse(item.receivedAt) > Date.now() - 10 * 60_000).length;
      const count = Math.max(fresh, total - before.total);
      if (count > 0) setArrived(t.arrived(count));
    }
    if (before && before.key === filterKey) for (const id of before.ids) current.add(id);
    seen.current = { key: filterKey, ids: current, total };
    loadingMore.current = false;
  }, [inbox.data, filterKey, t]);

  const setFilter = (name: keyof Filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setArrived('');
    setParams(next, { replace: true });
  };

  const now = inbox.dataUpdatedAt || Date.now();
  const total = inbox.data?.pages[0]?.total ?? 0;
  const closedView = filters.status === 'closed';
  const typeName = (code: string) => standardTypes.find((type) => type.code === code)?.name[language] ?? code;

  return (
    <div className="staff-inbox">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
      <p>
        <Link to="/arbetsyta/arenden/nytt" className="button button--secondary">
          {t.newCase}
        </Link>
      </p>

      <form className="staff-inbox__filters" onSubmit={(event) => event.preventDefault()} aria-label={t.filters}>
        <div className="field">
          <label htmlFor={ids.status}>{t.status}</label>
          <select id={ids.status} value={filters.status ?? 'open'} onChange={(event) => setFilter('status', event.target.value === 'open' ? '' : event.target.value)}>
            <option value="open">{t.statusOpen}</option>
            {caseStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status][language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t.type}</label>
          <select id={ids.type} value={filters.type ?? ''} onChange={(event) => setFilter('type', event.target.value)}>
            <option value="">{t.allTypes}</option>
            {standardTypes.map((type) => (
              <option key={type.code} value={type.code}>
                {type.name[language]}
              </option>
            ))}
            {filters.type && !standardTypes.some((type) => type.code === filters.type) && <option value={filters.type}>{filters.type}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.assigned}>{t.assigned}</label>
          <select id={ids.assigned} value={filters.assigned ?? 'anyone'} onChange={(event) => setFilter('assigned', event.target.value === 'anyone' ? '' : event.target.value)}>
            <option value="anyone">{t.anyone}</option>
            <option value="me">{t.me}</option>
            <option value="unassigned">{t.unassigned}</option>
            {colleagues.data?.colleagues.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}
              </option>
            ))}
            {filters.assigned && !['anyone', 'me', 'unassigned'].includes(filters.assigned) && !colleagues.data?.colleagues.some((c) => c.id === filters.assigned) && (
              <option value={filters.assigned}>{filters.assigned}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.deadline}>{t.deadline}</label>
          <select id={ids.deadline} value={filters.deadline ?? ''} onChange={(event) => setFilter('deadline', event.target.value)}>
            <option value="">{t.anyDeadline}</option>
            <option value="late">{t.late}</option>
            <option value="due_soon">{t.dueSoon}</option>
            <option value="on_time">{t.onTime}</option>
          </select>
        </div>
      </form>

      <div className="staff-inbox__bar">
        {/* The count is a status: a screen reader hears it after a filter changes or a case arrives. */}
        <p role="status" aria-live="polite">
          {inbox.data && <span className="staff-inbox__count">{t.total(total)}</span>} {arrived}
        </p>
        <p className="muted">
          {t.live}
          {Object.keys(filters).length > 0 && (
            <>
              {' '}
              <Link to="/arbetsyta/arenden">{t.clear}</Link>
            </>
          )}
        </p>
      </div>

      {inbox.isPending ? (
        <PageStatus state="loading" />
      ) : inbox.isError ? (
        <PageStatus state="error" error={inbox.error} />
      ) : items.length === 0 ? (
        <p className="card muted">{Object.keys(filters).length === 0 ? t.noneOpen : t.none}</p>
      ) : (
        <>
          <ScrollableTable label={closedView ? t.captionClosed : t.caption}>
            {/* Explicit roles: on a phone the rows are shown as cards (CSS display), which must not cost the table its semantics. */}
            <table role="table">
              <caption className="visually-hidden">{closedView ? t.captionClosed : t.caption}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">{t.number}</th>
                  <th role="columnheader" scope="col">{t.subject}</th>
                  <th role="columnheader" scope="col">{t.patient}</th>
                  <th role="columnheader" scope="col">{t.received}</th>
                  <th role="columnheader" scope="col">{t.deadlineCol}</th>
                  <th role="columnheader" scope="col">{t.statusCol}</th>
                  <th role="columnheader" scope="col">{t.assignedCol}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {items.map((item) => (
                  <tr role="row" key={item.id} className={item.unread ? 'staff-inbox__row--unread' : undefined}>
                    <td role="cell" className="staff-nowrap" data-label={t.number}>
                      {item.number}
                    </td>
                    <th role="rowheader" scope="row">
                      {item.unread && <span className="staff-unread-mark">{t.unread}</span>}
                      <Link to={`/arbetsyta/arenden/${item.id}`}>{item.subject}</Link>
                      <span className="staff-inbox__type">{item.typeName[language] || typeName(item.typeCode)}</span>
                    </th>
                    <td role="cell">
                      <PatientIdentity patient={item.patient} protectedText={t.protected} />
                    </td>
                    <td role="cell" data-label={t.received}>
                      {formatShort(item.receivedAt, language)}
                    </td>
                    <td role="cell" data-label={t.deadlineCol}>
                      <span className="staff-nowrap">{formatDeadline(item.deadlineAt, language)}</span>
                      <br />
                      {item.status === 'closed' && item.deadlineState !== 'met' && item.deadlineState !== 'met_late' ? null : (
                        <DeadlineText deadlineAt={item.deadlineAt} state={item.deadlineState} now={now} language={language} />
                      )}
                    </td>
                    <td role="cell" data-label={t.statusCol}>
                      {statusLabels[item.status][language]}
                    </td>
                    <td role="cell" data-label={t.assignedCol}>
                      {item.assignedTo?.name ?? <span className="muted">{t.nobody}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          <div className="staff-inbox__more">
            <p className="muted">{t.showing(items.length, total)}</p>
            {inbox.hasNextPage && (
              <button type="button" className="button button--secondary" disabled={inbox.isFetchingNextPage} onClick={() => {
                  loadingMore.current = true;
                  void inbox.fetchNextPage();
                }}>
                {inbox.isFetchingNextPage ? t.loadingMore : t.more}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
