import { Route, Routes } from 'react-router';
import AccessLogPage from '../../../features/access-log/ui/AccessLogPage.tsx';
import EserviceEntryPage from '../../../features/care-units/ui/EserviceEntryPage.tsx';
import { useUnreadCaseCount } from '../../../features/cases/ui/patient/api.ts';
import CaseEntryPage from '../../../features/cases/ui/patient/CaseEntryPage.tsx';
import CasePage from '../../../features/cases/ui/patient/CasePage.tsx';
import ContactCarePage from '../../../features/cases/ui/patient/ContactCarePage.tsx';
import PatientChatPage from '../../../features/chat/ui/PatientChatPage.tsx';
import { BookedMeetingOpener } from '../../../features/meetings/ui/BookedMeetingOpener.tsx';
import MeetingPage from '../../../features/meetings/ui/MeetingPage.tsx';
import AcceptInvitationPage from '../../../features/meetings/ui/AcceptInvitationPage.tsx';
import PatientMeetingsPage from '../../../features/meetings/ui/PatientMeetingsPage.tsx';
import DropInPage from '../../../features/meetings/ui/DropInPage.tsx';
import PatientAppointmentRoutes from '../../../features/appointments/ui/patient/PatientAppointmentRoutes.tsx';
import MyCasesPage from '../../../features/cases/ui/patient/MyCasesPage.tsx';
import MyMonitoringPage from '../../../features/self-monitoring/ui/patient/MyMonitoringPage.tsx';
import MonitoringProgrammePage from '../../../features/self-monitoring/ui/patient/ProgrammePage.tsx';
import UnitCaseTypesPage from '../../../features/cases/ui/patient/UnitCaseTypesPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession, type SignedIn } from '../../layout/RequireSession.tsx';
import { NotFoundContent } from '../../pages/NotFoundPage.tsx';
import ContactDetailsPage from '../../../platform/notifications/ui/ContactDetailsPage.tsx';
import { ActingForBar } from './ActingForBar.tsx';
import PatientStartPage from './PatientStartPage.tsx';

const texts = {
  sv: {
    nav: 'Invånare',
    start: 'Start',
    log: 'Vem har läst mina uppgifter?',
    notifications: 'Aviseringar',
    contact: 'Kontakta vården',
    cases: 'Mina ärenden',
    appointments: 'Mina tider',
    meetings: 'Videomöten',
    monitoring: 'Egenmonitorering',
    casesUnread: (n: number) => `Mina ärenden (${n} ${n === 1 ? 'nytt' : 'nya'})`,
  },
  en: {
    nav: 'Citizen',
    start: 'Start',
    log: 'Who has read my records?',
    notifications: 'Notifications',
    contact: 'Contact care',
    cases: 'My cases',
    appointments: 'My appointments',
    meetings: 'Video meetings',
    monitoring: 'Self-monitoring',
    casesUnread: (n: number) => `My cases (${n} new)`,
  },
};

/** The area's navigation; "Mina ärenden" says how many cases have something new. */
function PatientNav({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const unread = useUnreadCaseCount();
  return (
    <>
      <AreaNav
        label={t.nav}
        links={[
          { to: '/start', text: t.start, end: true },
          { to: '/start/kontakta', text: t.contact },
          { to: '/start/arenden', text: unread ? t.casesUnread(unread) : t.cases },
          { to: '/start/tider', text: t.appointments },
          { to: '/start/moten', text: t.meetings },
          { to: '/start/egenmonitorering', text: t.monitoring },
          { to: '/start/logg', text: t.log },
          { to: '/start/installningar', text: t.notifications },
        ]}
      />
      <ActingForBar session={session} />
    </>
  );
}

/** The citizen's area, loaded only by citizens' browsers. */
export default function PatientArea() {
  return (
    <RequireSession allowed={(session) => session.kind === 'citizen'}>
      {(session) => (
        <AppLayout nav={<PatientNav session={session} />}>
          <Routes>
            <Route index element={<PatientStartPage session={session} />} />
            <Route path="logg" element={<AccessLogPage session={session} />} />
            <Route path="installningar" element={<ContactDetailsPage session={session} />} />
            <Route path="kontakta" element={<ContactCarePage session={session} />} />
            <Route path="kontakt/:unitId" element={<UnitCaseTypesPage session={session} />} />
            <Route path="kontakt/:unitId/chatt" element={<PatientChatPage session={session} />} />
            <Route path="kontakt/:unitId/:code" element={<CaseEntryPage session={session} other={<EserviceEntryPage />} />} />
            <Route path="arenden" element={<MyCasesPage session={session} />} />
            <Route path="arenden/:id" element={<CasePage session={session} />} />
            <Route path="tider/*" element={<PatientAppointmentRoutes session={session} />} />
            <Route path="moten" element={<PatientMeetingsPage />} />
            <Route path="moten/bokning/:appointmentId" element={<BookedMeetingOpener side="patient" />} />
            <Route path="moten/drop-in" element={<DropInPage />} />
            <Route path="moten/:id" element={<MeetingPage listPath="/start/moten" />} />
            <Route path="inbjudan" element={<AcceptInvitationPage />} />
            <Route path="egenmonitorering" element={<MyMonitoringPage />} />
            <Route path="egenmonitorering/:id" element={<MonitoringProgrammePage />} />
            <Route path="*" element={<NotFoundContent />} />
          </Routes>
        </AppLayout>
      )}
    </RequireSession>
  );
}
