import { useLanguage } from '../../../../web/i18n/i18n.tsx';
import type { PatientCase } from '../../contract.ts';
import { calendarDate } from './format.ts';

/**
 * What the patient filled in, as questions and answers (C6), from the server's labelled
 * entries: the same text staff and the medical-record summary see.
 */
export function FormAnswers({ entries }: { entries: PatientCase['formEntries'] }) {
  const { language } = useLanguage();
  if (entries.length === 0) return null;
  return (
    <dl className="case-answers">
      {entries.map((entry, index) => (
        <div key={index} className="case-answers__row">
          <dt>{entry.label[language]}</dt>
          <dd>{calendarDate(entry.value[language], language)}</dd>
        </div>
      ))}
    </dl>
  );
}
