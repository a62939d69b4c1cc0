import { useQuery } from '@tanstack/react-query';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { usePageTitle } from '../../../web/layout/usePageTitle.ts';
import type { FlowView, Urgency } from '../model.ts';
import { OutcomeStatistics } from './OutcomeStatistics.tsx';
import { RoutingEditor } from './RoutingEditor.tsx';
import './triage.css';

const texts = {
  sv: {
    title: 'Sök vård – utfall, dirigering och beslutsflöden',
    lead: 'Statistik över avslutade bedömningar, regionens dirigeringsregler och varje sökorsaks frågor och regler.',
    flows: 'Beslutsflöden',
    flowsLead: 'Varje sökorsaks frågor och regler, från det mest brådskande och nedåt. Innehållet finns i content/triage/ och kontrolleras med npm run triage:check.',
    loading: 'Hämtar …',
    failed: 'Det gick inte att hämta flödena.',
    questions: 'Frågor',
    rules: 'Regler (den första som gäller avgör)',
    floor: 'Annars',
    levels: { 'call-112': 'Ring 112', 'emergency-now': 'Akut nu', 'care-today': 'Vård i dag', 'care-days': 'Vård inom dagar', 'self-care': 'Egenvård' } as Record<Urgency, string>,
  },
  en: {
    title: 'Seek care – outcomes, routing and decision flows',
    lead: 'Statistics of finished assessments, the region’s routing rules and each complaint’s questions and rules.',
    flows: 'Decision flows',
    flowsLead: 'Each complaint’s questions and rules, from the most urgent down. The content is in content/triage/ and is checked by npm run triage:check.',
    loading: 'Loading …',
    failed: 'The flows could not be loaded.',
    questions: 'Questions',
    rules: 'Rules (the first that applies decides)',
    floor: 'Otherwise',
    levels: { 'call-112': 'Call 112', 'emergency-now': 'Emergency now', 'care-today': 'Care today', 'care-days': 'Care within days', 'self-care': 'Self-care' } as Record<Urgency, string>,
  },
};

export default function TriageFlowsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const flows = useQuery({
    queryKey: ['triage-flows', language],
    queryFn: () => api<{ complaints: FlowView[] }>('GET', `/api/admin/triage/flows?lang=${language}`),
  });
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <OutcomeStatistics />
      <RoutingEditor />
      <h2>{t.flows}</h2>
      <p>{t.flowsLead}</p>
      {flows.isPending && <p role="status">{t.loading}</p>}
      {flows.isError && <p className="alert alert--error">{t.failed}</p>}
      {flows.data?.complaints.map((flow) => (
        <details key={flow.id} className="card">
          <summary>
            {flow.name} <code>{flow.code.code}</code>
          </summary>
          <h3>{t.questions}</h3>
          <ol>
            {flow.questions.map((question) => (
              <li key={question.id}>
                {question.text} <code>{question.id}</code>
                {question.options.length > 0 && <> — {question.options.join(' · ')}</>}
              </li>
            ))}
          </ol>
          <h3>{t.rules}</h3>
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
    </>
  );
}
