import { Route, Routes } from 'react-router';
import AdminOverviewPage from '../../../features/admin-overview/ui/AdminOverviewPage.tsx';
import BasicOfferingPage from '../../../features/e-services/ui/BasicOfferingPage.tsx';
import CataloguePage from '../../../features/e-services/ui/CataloguePage.tsx';
import UnitImportPage from '../../../features/unit-import/ui/UnitImportPage.tsx';
import TriageFlowsPage from '../../../features/triage/ui/TriageFlowsPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession, type SignedIn } from '../../layout/RequireSession.tsx';
import { NotFoundContent } from '../../pages/NotFoundPage.tsx';

const texts = {
  sv: { nav: 'Administration', overview: 'Organisationer och enheter', offering: 'Basutbud', catalogue: 'E-tjänstkatalog', import: 'Importera enheter', triage: 'Sök vård', workspace: 'Arbetsyta' },
  en: { nav: 'Administration', overview: 'Organisations and units', offering: 'Basic offering', catalogue: 'E-service catalogue', import: 'Import units', triage: 'Seek care', workspace: 'Workspace' },
};

const isRegionAdministrator = (session: SignedIn) => session.staff!.administeredOrganisations.some((organisation) => organisation.kind === 'region');

/** Region and municipality administration, loaded only for administrators. */
export default function AdminArea() {
  const t = useTexts(texts);
  return (
    <RequireSession allowed={(session) => (session.staff?.administeredOrganisations.length ?? 0) > 0}>
      {(session) => (
        <AppLayout
          nav={
            <AreaNav
              label={t.nav}
              links={[
                { to: '/admin', text: t.overview, end: true },
                ...(isRegionAdministrator(session) ? [{ to: '/admin/basutbud', text: t.offering }, { to: '/admin/e-tjanster', text: t.catalogue }] : []),
                ...(isRegionAdministrator(session) ? [{ to: '/admin/import', text: t.import }] : []),
                ...(isRegionAdministrator(session) ? [{ to: '/admin/sok-vard', text: t.triage }] : []),
                ...(session.staff!.units.length > 0 ? [{ to: '/arbetsyta', text: t.workspace }] : []),
              ]}
            />
          }
        >
          <Routes>
            <Route index element={<AdminOverviewPage />} />
            <Route path="basutbud" element={<BasicOfferingPage />} />
            <Route path="e-tjanster" element={<CataloguePage />} />
            <Route path="import" element={<UnitImportPage />} />
            <Route path="sok-vard" element={<TriageFlowsPage />} />
            <Route path="*" element={<NotFoundContent />} />
          </Routes>
        </AppLayout>
      )}
    </RequireSession>
  );
}
