import { useId } from 'react';
import { useSwitchUnit } from '../../api/session.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';

const texts = { sv: { label: 'Du arbetar på' }, en: { label: 'You are working at' } };

/** Staff work at one unit at a time; what they see and may do follows the unit chosen here. */
export function UnitSwitcher({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const switchUnit = useSwitchUnit();
  const id = useId();
  const staff = session.staff!;
  if (staff.units.length === 0) return null;
  return (
    <div className="acting-for unit-switcher">
      <label htmlFor={id}>{t.label}</label>
      {staff.units.length === 1 ? (
        <strong id={id}>{staff.units[0]!.name}</strong>
      ) : (
        <select id={id} value={staff.activeUnitId ?? ''} disabled={switchUnit.isPending} onChange={(event) => switchUnit.mutate(event.target.value)}>
          {staff.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
