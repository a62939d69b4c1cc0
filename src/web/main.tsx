import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { LanguageProvider } from './i18n/i18n.tsx';
import { PageStatus } from './layout/PageStatus.tsx';
import HomePage from './pages/HomePage.tsx';
import LoginPage from './pages/LoginPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';
import './styles/tokens.css';
import './styles/base.css';

// Each area is its own chunk: a patient's phone never downloads the staff workspace.
const PatientArea = lazy(() => import('./areas/patient/PatientArea.tsx'));
const StaffArea = lazy(() => import('./areas/staff/StaffArea.tsx'));
const AdminArea = lazy(() => import('./areas/admin/AdminArea.tsx'));
// Public "Hitta vård": its own chunk too (the unit page shares the search page's helpers).
const FindCarePage = lazy(() => import('../features/care-units/ui/FindCarePage.tsx'));
const UnitPage = lazy(() => import('../features/care-units/ui/UnitPage.tsx'));
const SokVardPage = lazy(() => import('../features/triage/ui/SokVardPage.tsx'));
// Demo mode: what the development sink took instead of sending e-mail and SMS.
const SinkDeliveriesPage = lazy(() => import('../platform/notifications/ui/SinkDeliveriesPage.tsx'));
// Demo mode: the BankID simulator's "app", where a developer approves a login.
const BankIdSimulatorPage = lazy(() => import('../platform/identity/ui/BankIdSimulatorPage.tsx'));
const InvitationPage = lazy(() => import('../features/meetings/ui/InvitationPage.tsx'));
const GuestMeetingPage = lazy(() => import('../features/meetings/ui/GuestMeetingPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <BrowserRouter>
          <Suspense fallback={<PageStatus state="loading" />}>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/logga-in" element={<LoginPage />} />
              <Route path="/hitta-vard" element={<FindCarePage />} />
              <Route path="/hitta-vard/:unitId" element={<UnitPage />} />
              <Route path="/sok-vard" element={<SokVardPage />} />
              <Route path="/utskick" element={<SinkDeliveriesPage />} />
              <Route path="/dev/bankid" element={<BankIdSimulatorPage />} />
              <Route path="/inbjudan" element={<InvitationPage />} />
              <Route path="/mote/:id" element={<GuestMeetingPage />} />
              <Route path="/start/*" element={<PatientArea />} />
              <Route path="/arbetsyta/*" element={<StaffArea />} />
              <Route path="/admin/*" element={<AdminArea />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
