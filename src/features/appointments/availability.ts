import { addDays } from '../../lib/calendar/iso-date.ts';
import { stockholmLocalToUtc } from '../../lib/calendar/stockholm-clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { freeStarts, slotStarts } from './model.ts';
import { listLiveBookings, listResourcesOffering, type ResourceRow, type VisitTypeRow } from './store.ts';

/**
 * The free times of a visit type at its unit, across the resources it is booked on:
 * slots from each resource's template (model.ts), less the live bookings that overlap
 * them. Computed on demand for the dates asked, so there is no slot table to keep in step
 * with template changes; the booking itself is guarded by the database (exclusion
 * constraint), not by this read.
 */
export type OfferedSlot = { resourceId: string; start: Date; end: Date };

export async function offeredSlots(
  tx: Tx,
  visitType: VisitTypeRow,
  range: { fromDate: string; days: number },
  now: Date,
  options: { resourceId?: string; resources?: ResourceRow[] } = {},
): Promise<OfferedSlot[]> {
  // A caller that asks week by week (the soonest times) reads the resources once and passes them.
  const offering = options.resources ?? (await listResourcesOffering(tx, visitType.unitId, visitType.id));
  const resources = offering.filter((resource) => !options.resourceId || resource.id === options.resourceId);
  if (resources.length === 0 || range.days <= 0) return [];
  const from = stockholmLocalToUtc(range.fromDate, '00:00');
  const to = stockholmLocalToUtc(addDays(range.fromDate, range.days), '00:00');
  const bookedOf = await listLiveBookings(
    tx,
    resources.map((resource) => resource.id),
    from,
    to,
  );
  const offered: OfferedSlot[] = [];
  const lengthMs = visitType.lengthMinutes * 60_000;
  for (const resource of resources) {
    const starts = slotStarts(resource.template, range.fromDate, range.days, visitType.lengthMinutes);
    for (const start of freeStarts(starts, lengthMs, bookedOf.get(resource.id) ?? [], now.getTime())) {
      offered.push({ resourceId: resource.id, start: new Date(start), end: new Date(start + lengthMs) });
    }
  }
  return offered.sort((a, b) => a.start.getTime() - b.start.getTime() || a.resourceId.localeCompare(b.resourceId));
}
