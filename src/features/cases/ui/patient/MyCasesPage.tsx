import { Link } from 'react-router';
import { formatDateTime, useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import type { CaseSummary } from '../../contract.ts';
import { useCaseList } from './api.ts';
import { caseWords } from './case-words.ts';
import { deadlineDay } from './format.ts';
import '../patient-cases.css';

/** Mina ärenden (/start/arenden): every case, open ones first, with status in words and what is unread. */

const texts = {
  sv: {
    title: 'Mina ärenden',
    titleOther: (name: string) => `Ärenden för ${name}`,
    lead: 'Här ser du dina ärenden och svaren från vården.',
    leadOther: (name: string) => `Här ser du ärenden för ${name} och svaren från vården.`,
    open: 'Pågående ärenden',
    closed: 'Avslutade ärenden',
    noOpen: 'Du har inga pågående ärenden.',
    none: 'Du har inga ärenden ännu.',
    contact: 'Kontakta vården',
    number: (n: number) => `Ärende ${n}`,
    answerBy: (day: string) => `Svar senast ${day}`,
    acknowledgeBy: (day: string) => `Bekräftas senast ${day}`,
    lastActivity: 'Senast ändrat',
    unreadLong: 'Nytt från mottagningen',
    status: 'Status',
  },
  en: {
    title: 'My cases',
    titleOther: (name: string) => `Cases for ${name}`,
    lead: 'Here you see your cases and the answers from care.',
    leadOther: (name: string) => `Here you see cases for ${name} and the answers from care.`,
    open: 'Ongoing cases',
    closed: 'Closed cases',
    noOpen: 'You have no ongoing cases.',
    none: 'You have no cases yet.',
    contact: 'Contact care',
    number: (n: number) => `Case ${n}`,
    answerBy: (day: string) => `Answer by ${day}`,
    acknowledgeBy: (day: string) => `Confirmed by ${day}`,
    lastActivity: 'Last changed',
    unreadLong: 'New from the clinic',
    status: 'Status',
  },
};

/** No first answer yet: the deadline still matters to the patient. */
export const awaitingFirstAnswer = (item: Pick<CaseSummary, 'deadlineState' | 'status'>) =>
  item.status !== 'closed' && (item.deadlineState === 'on_time' || item.deadlineState === 'due_soon' || item.deadlineState === 'late');

function CaseCard({ item }: { item: CaseSummary }) {
  const t = useTexts(texts);
  const words = useTexts(caseWords);
  const { language } = useLanguage();
  const statusClass = item.status === 'awaiting_patient' ? ' badge--warning' : item.status === 'closed' ? ' case-badge--closed' : '';
  return (
    <li className={`card case-card${item.unread ? ' case-card--unread' : ''}`}>
      <h3 className="case-card__title">
        {/* The link covers the whole card (CSS), but its name stays short: type and subject. */}
        <Link to={`/start/arenden/${item.id}`} className="case-card__link">
          <span className="case-card__type">{item.typeName[language]}</span>
          <span className="visually-hidden">: </span>
          <span className="case-card__subject">{item.subject}</span>
        </Link>
      </h3>
      {item.unread && (
        <p className="case-card__unread">
          <span className="badge case-badge--unread">{t.unreadLong}</span>
        </p>
      )}
      <p className="case-card__meta">
        {item.unit.name} · {t.number(item.number)}
      </p>
      <p className="case-card__meta case-card__status">
        <span className="visually-hidden">{t.status}: </span>
        <span className={`badge${statusClass}`}>{words.status[item.status]}</span>
        {awaitingFirstAnswer(item) && (
          <span>{item.typeCode === 'skicka_meddelande' ? t.acknowledgeBy(deadlineDay(item.deadlineAt, language)) : t.answerBy(deadlineDay(item.deadlineAt, language))}</span>
        )}
      </p>
      <p className="case-card__meta muted">
        {t.lastActivity} <time dateTime={item.lastActivityAt}>{formatDateTime(item.lastActivityAt, language)}</time>
      </p>
    </li>
  );
}

export default function MyCasesPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const subject = session.citizen!.subject;
  const forOther = subject.basis !== 'self';
  const title = forOther ? t.titleOther(subject.displayName) : t.title;
  usePageTitle(title);
  const list = useCaseList(30_000);

  const cases = list.data?.cases ?? [];
  const open = cases.filter((item) => item.status !== 'closed');
  const closed = cases.filter((item) => item.status === 'closed');
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{forOther ? t.leadOther(subject.displayName) : t.lead}</p>
      <p>
        <Link to="/start/kontakta" className="button">
          {t.contact}
        </Link>
      </p>
      {list.isPending ? (
        <PageStatus state="loading" />
      ) : list.isError ? (
        <PageStatus state="error" error={list.error} />
      ) : cases.length === 0 ? (
        <p className="card">{t.none}</p>
      ) : (
        <>
          <section className="case-section" aria-labelledby="cases-open">
            <h2 id="cases-open">{t.open}</h2>
            {open.length === 0 ? (
              <p>{t.noOpen}</p>
            ) : (
              <ul className="plain-list case-list">
                {open.map((item) => (
                  <CaseCard key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
          {closed.length > 0 && (
            <section className="case-section" aria-labelledby="cases-closed">
              <h2 id="cases-closed">{t.closed}</h2>
              <ul className="plain-list case-list">
                {closed.map((item) => (
                  <CaseCard key={item.id} item={item} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
