import { Route, Routes } from 'react-router';
import StaffCalendarPage from '../../../features/appointments/ui/staff/CalendarPage.tsx';
import { appointmentAdminNavTexts, appointmentAdminRoutes } from '../../../features/appointments/ui/admin/routes.tsx';
import CaseTypesPage from '../../../features/case-types/ui/CaseTypesPage.tsx';
import MonitoringDashboardPage from '../../../features/self-monitoring/ui/staff/DashboardPage.tsx';
import MonitoringEnrolmentPage from '../../../features/self-monitoring/ui/staff/EnrolmentPage.tsx';
import CasePage from '../../../features/cases/ui/staff/CasePage.tsx';
import InboxPage from '../../../features/cases/ui/staff/InboxPage.tsx';
import NewStaffCasePage from '../../../features/cases/ui/staff/NewStaffCasePage.tsx';
import { StaffChatPage, StaffChatQueuePage } from '../../../features/chat/ui/StaffChatPages.tsx';
import TemplatesPage from '../../../features/cases/ui/staff/TemplatesPage.tsx';
import UnitEservicesPage from '../../../features/e-services/ui/UnitEservicesPage.tsx';
import PatientLookupPage from '../../../features/patient-lookup/ui/PatientLookupPage.tsx';
import UnitAdministratorsPage from '../../../features/unit-administrators/ui/UnitAdministratorsPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession } from '../../layout/RequireSession.tsx';
import { NotFoundContent } from '../../pages/NotFoundPage.tsx';
import StaffMeetingsPage from '../../../features/meetings/ui/StaffMeetingsPage.tsx';
import { BookedMeetingOpener } from '../../../features/meetings/ui/BookedMeetingOpener.tsx';
import MeetingPage from '../../../features/meetings/ui/MeetingPage.tsx';
import AcceptInvitationPage from '../../../features/meetings/ui/AcceptInvitationPage.tsx';
import StaffStartPage from './StaffStartPage.tsx';
import { UnitSwitcher } from './UnitSwitcher.tsx';

const texts = {
  sv: { nav: 'Arbetsyta', start: 'Arbetsyta', lookup: 'Sök patient', eservices: 'E-tjänster', caseTypes: 'Ärendetyper', cases: 'Ärenden', calendar: 'Tidbok', meetings: 'Videomöten', chat: 'Chatt', monitoring: 'Egenmonitorering', templates: 'Svarsmallar', administrators: 'Administratörer', admin: 'Administration' },
  en: { nav: 'Workspace', start: 'Workspace', lookup: 'Find patient', eservices: 'E-services', caseTypes: 'Case types', cases: 'Cases', calendar: 'Appointments', meetings: 'Video meetings', chat: 'Chat', monitoring: 'Self-monitoring', templates: 'Answer templates', administrators: 'Administrators', admin: 'Administration' },
};

/** The staff workspace, loaded only by staff browsers. */
export default function StaffArea() {
  const t = useTexts(texts);
  const appointmentAdmin = useTexts(appointmentAdminNavTexts);
  return (
    <RequireSession allowed={(session) => session.kind === 'staff'}>
      {(session) => {
        const staff = session.staff!;
        const activeUnit = staff.units.find((unit) => unit.id === staff.activeUnitId);
        const links = [{ to: '/arbetsyta', text: t.start, end: true }];
        if (activeUnit) links.push({ to: '/arbetsyta/arenden', text: t.cases, end: false });
        const canChat = activeUnit?.roles.some((role) => role === 'clinician' || role === 'receptionist') ?? false;
        const chatAdmin = activeUnit?.roles.includes('unit_admin') ?? false;
        // Tidbok: clinicians and receptionists book; an administrator alone sets up schedules elsewhere.
        if (canChat) links.push({ to: '/arbetsyta/tidbok', text: t.calendar, end: false });
        if (activeUnit?.roles.includes('clinician')) links.push({ to: '/arbetsyta/moten', text: t.meetings, end: false });
        if (canChat || chatAdmin) links.push({ to: '/arbetsyta/chatt', text: t.chat, end: false });
        if (activeUnit) links.push({ to: '/arbetsyta/patient', text: t.lookup, end: false });
        if (activeUnit?.roles.includes('clinician')) links.push({ to: '/arbetsyta/egenmonitorering', text: t.monitoring, end: false });
        if (activeUnit?.roles.includes('unit_admin')) links.push({ to: '/arbetsyta/e-tjanster', text: t.eservices, end: false });
        if (activeUnit?.roles.includes('unit_admin')) links.push({ to: '/arbetsyta/arendetyper', text: t.caseTypes, end: false });
        if (activeUnit?.roles.includes('unit_admin')) links.push({ to: '/arbetsyta/svarsmallar', text: t.templates, end: false });
        if (activeUnit?.roles.includes('unit_admin')) links.push({ to: '/arbetsyta/enhet', text: appointmentAdmin.nav, end: false });
        if (activeUnit?.roles.some((role) => role === 'unit_manager' || role === 'unit_admin')) links.push({ to: '/arbetsyta/administratorer', text: t.administrators, end: false });
        if (staff.administeredOrganisations.length > 0) links.push({ to: '/admin', text: t.admin, end: false });
        return (
          <AppLayout
            nav={
              <>
                <AreaNav label={t.nav} links={links} />
                <UnitSwitcher session={session} />
              </>
            }
          >
            <Routes>
              <Route index element={<StaffStartPage session={session} />} />
              <Route path="patient" element={<PatientLookupPage key={staff.activeUnitId} canUseEmergencyAccess={activeUnit?.roles.includes('clinician') ?? false} />} />
              <Route path="e-tjanster" element={<UnitEservicesPage key={staff.activeUnitId} />} />
              <Route path="arendetyper" element={<CaseTypesPage key={staff.activeUnitId} />} />
              <Route path="arenden" element={<InboxPage key={staff.activeUnitId} />} />
              <Route path="arenden/nytt" element={<NewStaffCasePage key={staff.activeUnitId} />} />
              <Route path="arenden/:id" element={<CasePage key={staff.activeUnitId} myName={session.displayName} />} />
              <Route path="egenmonitorering" element={<MonitoringDashboardPage key={staff.activeUnitId} />} />
              <Route path="egenmonitorering/:id" element={<MonitoringEnrolmentPage key={staff.activeUnitId} />} />
              <Route path="tidbok" element={<StaffCalendarPage key={staff.activeUnitId} />} />
              <Route path="moten" element={<StaffMeetingsPage key={staff.activeUnitId} />} />
              <Route path="moten/bokning/:appointmentId" element={<BookedMeetingOpener side="staff" />} />
              <Route path="moten/:id" element={<MeetingPage key={staff.activeUnitId} listPath="/arbetsyta/moten" />} />
              <Route path="inbjudan" element={<AcceptInvitationPage />} />
              <Route path="chatt" element={<StaffChatQueuePage key={staff.activeUnitId} canChat={canChat} isAdmin={chatAdmin} />} />
              <Route path="chatt/:id" element={<StaffChatPage key={staff.activeUnitId} />} />
              <Route path="svarsmallar" element={<TemplatesPage key={staff.activeUnitId} />} />
              <Route path="administratorer" element={<UnitAdministratorsPage key={staff.activeUnitId} />} />
              {appointmentAdminRoutes(staff.activeUnitId)}
              <Route path="*" element={<NotFoundContent />} />
            </Routes>
          </AppLayout>
        );
      }}
    </RequireSession>
  );
}
