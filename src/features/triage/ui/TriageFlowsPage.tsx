import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { FlowView, Urgency } from '../model.ts';
import './triage.css';

const texts = {
  sv: {
    title: 'Sök vård – beslutsflöden',
    lead: 'Varje sökorsaks frågor och regler, från det mest brådskande och nedåt. Innehållet finns i content/triage/ och kontrolleras med npm run triage:check.',
    loading: 'Hämtar …',
    failed: 'Det gick inte att hämta flödena.',
    questions: 'Frågor',
    rules: 'Regler (den första som gäller avgör)',
    floor: 'Annars',
    routing: 'Dirigering',
    routingLead: 'Den första regeln som passar ger typ av vård, i ordning; mottagningar som är öppna då visas närmast först.',
    levels: { 'call-112': 'Ring 112', 'emergency-now': 'Akut nu', 'care-today': 'Vård i dag', 'care-days': 'Vård inom dagar', 'self-care': 'Egenvård' } as Record<Urgency, string>,
    rule: 'Regel',
    when: 'Villkor',
    kinds: 'Vård',
  },
  en: {
    title: 'Seek care – decision flows',
    lead: 'Each complaint’s questions and rules, from the most urgent down. The content is in content/triage/ and is checked by npm run triage:check.',
    loading: 'Loading …',
    failed: 'The flows could not be loaded.',
    questions: 'Questions',
    rules: 'Rules (the first that applies decides)',
    floor: 'Otherwise',
    routing: 'Routing',
    routingLead: 'The first rule that fits gives the kinds of care, in order; units open then are shown nearest first.',
    levels: { 'call-112': 'Call 112', 'emergency-now': 'Emergency now', 'care-today': 'Care today', 'care-days': 'Care within days', 'self-care': 'Self-care' } as Record<Urgency, string>,
    rule: 'Rule',
    when: 'When',
    kinds: 'Care',
  },
};

type RoutingRuleView = { id: string; urgency?: string[]; group?: string[]; minAge?: number; maxAge?: number; time?: string[]; kinds: string[] };

export default function TriageFlowsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const flows = useQuery({
    queryKey: ['triage-flows', language],
    queryFn: () => api<{ complaints: FlowView[]; routing: RoutingRuleView[] }>('GET', `/api/admin/triage/flows?lang=${language}`),
  });
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {flows.isPending && <p role="status">{t.loading}</p>}
      {flows.isError && <p className="alert alert--error">{t.failed}</p>}
      {flows.data?.complaints.map((flow) => (
        <details key={flow.id} className="card">
          <summary>
            {flow.name} <code>{flow.code.code}</code>
          </summary>
          <h2>{t.questions}</h2>
          <ol>
            {flow.questions.map((question) => (
              <li key={question.id}>
                {question.text} <code>{question.id}</code>
                {question.options.length > 0 && <> — {question.options.join(' · ')}</>}
              </li>
            ))}
          </ol>
          <h2>{t.rules}</h2>
          <ol>
            {flow.rules.map((rule, index) => (
              <li key={index}>
                <strong>{t.levels[rule.level]}</strong>: {rule.when} <small>({rule.source})</small>
              </li>
            ))}
            <li>
              <strong>{t.floor}</strong>: {t.levels[flow.floor]}
            </li>
          </ol>
        </details>
      ))}
      {flows.data && (
        <>
          <h2>{t.routing}</h2>
          <p>{t.routingLead}</p>
          <ol>
            {flows.data.routing.map((rule) => (
              <li key={rule.id}>
                <strong>{rule.id}</strong>: {[rule.urgency?.join('/'), rule.group?.join('/'), rule.minAge !== undefined ? `≥ ${rule.minAge}` : '', rule.maxAge !== undefined ? `< ${rule.maxAge}` : '', rule.time?.join('/')].filter(Boolean).join(', ')} → {rule.kinds.join(', ')}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
