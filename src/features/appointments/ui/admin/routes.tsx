import { Navigate, Route } from 'react-router';
import ScheduleEditorPage from './ScheduleEditorPage.tsx';
import SchedulesPage from './SchedulesPage.tsx';
import SettingsPage from './SettingsPage.tsx';
import VisitTypesPage from './VisitTypesPage.tsx';

/** The nav link's text in the staff area (the link goes to /arbetsyta/enhet, which opens Besökstyper). */
export const appointmentAdminNavTexts = { sv: { nav: 'Besökstyper och scheman' }, en: { nav: 'Visit types and schedules' } };

/**
 * The unit administrator's appointment pages under /arbetsyta/enhet, as routes for the staff
 * area's <Routes> (a function, not a component: <Routes> only accepts <Route> children).
 */
export function appointmentAdminRoutes(unitKey: string | null) {
  return (
    <Route path="enhet">
      <Route index element={<Navigate to="besokstyper" replace />} />
      <Route path="besokstyper" element={<VisitTypesPage key={unitKey} />} />
      <Route path="scheman" element={<SchedulesPage key={unitKey} />} />
      <Route path="scheman/:id" element={<ScheduleEditorPage key={unitKey} />} />
      <Route path="tidbokning" element={<SettingsPage key={unitKey} />} />
    </Route>
  );
}
