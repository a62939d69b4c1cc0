import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { Enrolment } from '../../contract.ts';
import type { Programme } from '../../programme.ts';

const texts = {
  sv: {
    today: (day: number, of: number | null) => (of ? `I dag, dag ${day} av ${of}:` : 'I dag:'),
    finished: 'Mätperioden är slut. Vården går igenom dina värden.',
    notStarted: 'Programmet har inte börjat än.',
    slot: { morning: 'morgon', evening: 'kväll' },
    done: (done: number, required: number) => `${Math.min(done, required)} av ${required} klara`,
    allDone: 'klart',
  },
  en: {
    today: (day: number, of: number | null) => (of ? `Today, day ${day} of ${of}:` : 'Today:'),
    finished: 'The measuring period is over. Your care team will review your values.',
    notStarted: 'The programme has not started yet.',
    slot: { morning: 'morning', evening: 'evening' },
    done: (done: number, required: number) => `${Math.min(done, required)} of ${required} done`,
    allDone: 'done',
  },
};

/** What to measure today, per task and time of day, and how much is done. */
export function PlanList({ programme, plan }: { programme: Programme; plan: Enrolment['plan'] }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  if (plan.finished) return <p>{t.finished}</p>;
  if (plan.notStarted) return <p>{t.notStarted}</p>;
  return (
    <>
      <p>{t.today(plan.day, plan.periodDays)}</p>
      <ul className="monitoring-plan">
        {plan.items.map((item) => {
          const task = programme.tasks.find((candidate) => candidate.id === item.task);
          const complete = item.done >= item.required;
          return (
            <li key={`${item.task}:${item.slot}`}>
              {complete ? '✓' : '○'} {task?.name[language] ?? item.task}, {t.slot[item.slot]}: {complete ? t.allDone : t.done(item.done, item.required)}
            </li>
          );
        })}
      </ul>
    </>
  );
}
