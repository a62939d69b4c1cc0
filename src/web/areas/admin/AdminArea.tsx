import { Route, Routes } from 'react-router';
import AdminOverviewPage from '../../../features/admin-overview/ui/AdminOverviewPage.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { AppLayout } from '../../layout/AppLayout.tsx';
import { AreaNav } from '../../layout/AreaNav.tsx';
import { RequireSession } from '../../layout/RequireSession.tsx';
import NotFoundPage from '../../pages/NotFoundPage.tsx';

const texts = {
  sv: { nav: 'Administration', overview: 'Organisationer och enheter', workspace: 'Arbetsyta' },
  en: { nav: 'Administration', overview: 'Organisations and units', workspace: 'Workspace' },
};

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
                ...(session.staff!.units.length > 0 ? [{ to: '/arbetsyta', text: t.workspace }] : []),
              ]}
            />
          }
        >
          <Routes>
            <Route index element={<AdminOverviewPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </AppLayout>
      )}
    </RequireSession>
  );
}
