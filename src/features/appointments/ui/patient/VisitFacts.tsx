import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import type { Channel } from '../../model.ts';
import type { BookedWith, UnitCard } from '../../patient-contract.ts';
import { visitTimeText } from '../../patient-model.ts';
import { appointmentWords, placeText, timeSpan, withText } from './words.ts';

const texts = {
  sv: { what: 'Besök', when: 'Tid', where: 'Plats', unit: 'Mottagning', with: 'Hos', how: 'Så sker besöket', preparation: 'Förbered dig', note: 'Meddelande från mottagningen', length: 'Längd' },
  en: { what: 'Visit', when: 'Time', where: 'Place', unit: 'Clinic', with: 'With', how: 'How the visit happens', preparation: 'How to prepare', note: 'Message from the clinic', length: 'Length' },
};

export type VisitFactsProps = {
  visitTypeName?: string;
  startsAt: string;
  endsAt: string;
  lengthMinutes?: number;
  channel: Channel;
  unit: UnitCard;
  with: BookedWith;
  preparation: string;
  noteToPatient?: string | null;
  /** The day is already in the heading above: the time alone then. */
  dayInHeading?: boolean;
};

/** Everything about one visit as a description list: when, where, with whom, how, what to prepare. */
export function VisitFacts(props: VisitFactsProps) {
  const t = useTexts(texts);
  const words = useTexts(appointmentWords);
  const { language } = useLanguage();
  return (
    <dl className="facts appointment-facts">
      {props.visitTypeName && (
        <>
          <dt>{t.what}</dt>
          <dd>{props.visitTypeName}</dd>
        </>
      )}
      <dt>{t.when}</dt>
      <dd>{props.dayInHeading ? timeSpan(props.startsAt, props.endsAt, language) : `${visitTimeText(new Date(props.startsAt), language, new Date())} (${timeSpan(props.startsAt, props.endsAt, language)})`}</dd>
      {props.lengthMinutes !== undefined && (
        <>
          <dt>{t.length}</dt>
          <dd>{words.minutes(props.lengthMinutes)}</dd>
        </>
      )}
      {/* A video or phone visit does not happen at the address: only the unit is named. */}
      <dt>{props.channel === 'at_unit' ? t.where : t.unit}</dt>
      <dd>{props.channel === 'at_unit' ? placeText(props.unit) : props.unit.name}</dd>
      <dt>{t.with}</dt>
      <dd>{withText(props.with, language)}</dd>
      <dt>{t.how}</dt>
      <dd>{words.channel[props.channel]}</dd>
      {props.preparation && (
        <>
          <dt>{t.preparation}</dt>
          <dd>{props.preparation}</dd>
        </>
      )}
      {props.noteToPatient && (
        <>
          <dt>{t.note}</dt>
          <dd>{props.noteToPatient}</dd>
        </>
      )}
    </dl>
  );
}
