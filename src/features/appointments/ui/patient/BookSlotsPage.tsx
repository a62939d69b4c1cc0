import { Link, useLocation, useParams } from 'react-router';
import { useTexts } from '../../../../web/i18n/i18n.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { useUnitVisitTypes } from './api.ts';
import { BookingSteps } from './BookingSteps.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { SlotTakenNotice, confirmSearch } from './slot-navigation.tsx';
import './appointments.css';

/** Boka tid, step 3 (/start/tider/boka/:unitId/:visitTypeId): choose a free time. */

const texts = {
  sv: { back: 'Välj en annan typ av besök', title: 'Välj tid', forOther: (name: string) => `Du bokar för ${name}.` },
  en: { back: 'Choose another type of visit', title: 'Choose a time', forOther: (name: string) => `You are booking for ${name}.` },
};

export default function BookSlotsPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { unitId = '', visitTypeId = '' } = useParams();
  const location = useLocation();
  const offer = useUnitVisitTypes(unitId);
  const visitType = offer.data?.visitTypes.find((type) => type.id === visitTypeId);
  const title = visitType ? `${t.title}: ${visitType.name}` : t.title;
  usePageTitle(title);
  const subject = session.citizen!.subject;
  return (
    <>
      <BookingSteps current={3} />
      <p>
        <Link to={`/start/tider/boka/${unitId}`}>
          <span aria-hidden="true">← </span>
          {t.back}
        </Link>
      </p>
      <h1>{title}</h1>
      {offer.data && <p className="muted">{offer.data.unit.name}</p>}
      {subject.basis !== 'self' && <p className="alert alert--warning">{t.forOther(subject.displayName)}</p>}
      <SlotTakenNotice state={location.state} />
      <SlotPicker source={{ visitTypeId }} confirmPath={(slot, date) => `/start/tider/boka/${unitId}/${visitTypeId}/bekrafta?${confirmSearch(slot, date)}`} />
    </>
  );
}
