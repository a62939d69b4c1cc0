import { Route, Routes } from 'react-router';
import AccessLogPage from '../../../features/access-log/ui/AccessLogPage.tsx';
import EserviceEntryPage from '../../../features/care-units/ui/EserviceEntryPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession } from '../../layout/RequireSession.tsx';
import { NotFoundContent } from '../../pages/NotFoundPage.tsx';
import { ActingForBar } from './ActingForBar.tsx';
import PatientStartPage from './PatientStartPage.tsx';

const texts = {
  sv: { nav: 'Invånare', start: 'Start', log: 'Vem har läst mina uppgifter?' },
  en: { nav: 'Citizen', start: 'Start', log: 'Who has read my records?' },
};

/** The citizen's area, loaded only by citizens' browsers. */
export default function PatientArea() {
  const t = useTexts(texts);
  return (
    <RequireSession allowed={(session) => session.kind === 'citizen'}>
      {(session) => (
        <AppLayout
          nav={
            <>
              <AreaNav
                label={t.nav}
                links={[
                  { to: '/start', text: t.start, end: true },
                  { to: '/start/logg', text: t.log },
                ]}
              />
              <ActingForBar session={session} />
            </>
          }
        >
          <Routes>
            <Route index element={<PatientStartPage session={session} />} />
            <Route path="logg" element={<AccessLogPage session={session} />} />
            <Route path="kontakt/:unitId/:code" element={<EserviceEntryPage />} />
            <Route path="*" element={<NotFoundContent />} />
          </Routes>
        </AppLayout>
      )}
    </RequireSession>
  );
}
