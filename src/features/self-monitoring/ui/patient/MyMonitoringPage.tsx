import { Link } from 'react-router';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { useMyEnrolments, useProgrammes } from '../api.ts';
import { PlanList } from './PlanList.tsx';
import '../self-monitoring.css';

const texts = {
  sv: {
    title: 'Egenmonitorering',
    intro: 'Här mäter du det din vårdenhet har bett dig om, och ser dina värden och vårdens råd.',
    none: 'Du är inte ansluten till något program för egenmonitorering. Din vårdenhet ansluter dig när det behövs.',
    at: (unit: string) => `Från ${unit}.`,
    openAlerts: (n: number) => `${n} ${n === 1 ? 'larm' : 'larm'} som vården inte har sett ännu.`,
    open: 'Mät och se dina värden',
    ended: 'Avslutat',
  },
  en: {
    title: 'Self-monitoring',
    intro: 'Here you measure what your care unit has asked you to, and see your values and the advice from care.',
    none: 'You are not enrolled in any self-monitoring programme. Your care unit enrols you when needed.',
    at: (unit: string) => `From ${unit}.`,
    openAlerts: (n: number) => `${n} ${n === 1 ? 'alert' : 'alerts'} your care team has not seen yet.`,
    open: 'Measure and see your values',
    ended: 'Ended',
  },
};

/** F1/F2 for the patient: their programmes and what to measure today. */
export default function MyMonitoringPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  usePageTitle(t.title);
  const mine = useMyEnrolments();
  const programmes = useProgrammes();
  if (mine.isPending || programmes.isPending) return <PageStatus state="loading" />;
  if (mine.isError) return <PageStatus state="error" error={mine.error} />;
  if (programmes.isError) return <PageStatus state="error" error={programmes.error} />;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {mine.data.enrolments.length === 0 && <p>{t.none}</p>}
      {mine.data.enrolments.map((enrolment) => {
        const programme = programmes.data.programmes.find((p) => p.code === enrolment.programme.code);
        return (
          <section key={enrolment.id} className="card" aria-labelledby={`enrolment-${enrolment.id}`}>
            <h2 id={`enrolment-${enrolment.id}`}>
              {enrolment.programme.name[language]} {enrolment.status === 'ended' && <span className="badge">{t.ended}</span>}
            </h2>
            <p className="muted">{t.at(enrolment.unitName)}</p>
            {enrolment.openAlerts > 0 && <p className="alert alert--warning">{t.openAlerts(enrolment.openAlerts)}</p>}
            {programme && enrolment.status === 'active' && <PlanList programme={programme} plan={enrolment.plan} />}
            <p>
              <Link className="button" to={`/start/egenmonitorering/${enrolment.id}`}>
                {t.open}
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
