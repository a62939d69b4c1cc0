import { NavLink } from 'react-router';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import './admin.css';

const texts = {
  sv: { label: 'Tidbokning på enheten', visitTypes: 'Besökstyper', schedules: 'Scheman', settings: 'Påminnelser och bokningsperiod' },
  en: { label: 'Appointments at the unit', visitTypes: 'Visit types', schedules: 'Schedules', settings: 'Reminders and booking period' },
};

export const ADMIN_ROOT = '/arbetsyta/enhet';

/** The three pages of the unit's appointment administration, the current one marked. */
export function AdminSubNav() {
  const t = useTexts(texts);
  return (
    <nav className="appt-admin__subnav" aria-label={t.label}>
      <ul>
        <li>
          <NavLink to={`${ADMIN_ROOT}/besokstyper`}>{t.visitTypes}</NavLink>
        </li>
        <li>
          <NavLink to={`${ADMIN_ROOT}/scheman`}>{t.schedules}</NavLink>
        </li>
        <li>
          <NavLink to={`${ADMIN_ROOT}/tidbokning`}>{t.settings}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
