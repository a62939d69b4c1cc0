import { Route, Routes } from 'react-router';
import PatientLookupPage from '../../../features/patient-lookup/ui/PatientLookupPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession } from '../../layout/RequireSession.tsx';
import NotFoundPage from '../../pages/NotFoundPage.tsx';
import StaffStartPage from './StaffStartPage.tsx';
import { UnitSwitcher } from './UnitSwitcher.tsx';

const texts = {
  sv: { nav: 'Arbetsyta', start: 'Arbetsyta', lookup: 'Sök patient', admin: 'Administration' },
  en: { nav: 'Workspace', start: 'Workspace', lookup: 'Find patient', admin: 'Administration' },
};

/** The staff workspace, loaded only by staff browsers. */
export default function StaffArea() {
  const t = useTexts(texts);
  return (
    <RequireSession allowed={(session) => session.kind === 'staff'}>
      {(session) => {
        const staff = session.staff!;
        const activeUnit = staff.units.find((unit) => unit.id === staff.activeUnitId);
        const links = [{ to: '/arbetsyta', text: t.start, end: true }];
        if (activeUnit) links.push({ to: '/arbetsyta/patient', text: t.lookup, end: false });
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
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppLayout>
        );
      }}
    </RequireSession>
  );
}
