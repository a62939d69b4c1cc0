import { Route, Routes } from 'react-router';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { NotFoundContent } from '../../../../web/pages/NotFoundPage.tsx';
import AppointmentPage from './AppointmentPage.tsx';
import BookingUnitsPage from './BookingUnitsPage.tsx';
import BookSlotsPage from './BookSlotsPage.tsx';
import ConfirmPage from './ConfirmPage.tsx';
import MyAppointmentsPage from './MyAppointmentsPage.tsx';
import RebookPage from './RebookPage.tsx';
import UnitVisitTypesPage from './UnitVisitTypesPage.tsx';

/**
 * Mina tider under /start/tider: the list, booking (unit → visit type → time → confirm),
 * one booking (and the confirmation after booking), and rebooking (time → confirm).
 */
export default function PatientAppointmentRoutes({ session }: { session: SignedIn }) {
  return (
    <Routes>
      <Route index element={<MyAppointmentsPage session={session} />} />
      <Route path="boka" element={<BookingUnitsPage session={session} />} />
      <Route path="boka/:unitId" element={<UnitVisitTypesPage session={session} />} />
      <Route path="boka/:unitId/:visitTypeId" element={<BookSlotsPage session={session} />} />
      <Route path="boka/:unitId/:visitTypeId/bekrafta" element={<ConfirmPage session={session} mode="book" />} />
      <Route path=":id" element={<AppointmentPage />} />
      <Route path=":id/omboka" element={<RebookPage session={session} />} />
      <Route path=":id/omboka/bekrafta" element={<ConfirmPage session={session} mode="rebook" />} />
      <Route path="*" element={<NotFoundContent />} />
    </Routes>
  );
}
