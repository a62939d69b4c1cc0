import { isOpenAt, openingStatus, weekScheduleFor } from '../../lib/opening-hours.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import type { CareUnitKind } from '../../platform/organisations/model.ts';
import { activeEservicesByUnit, unitIdsOffering, type ActiveEservice } from '../e-services/directory.ts';
import type { UnitDetails, UnitSearchQuery, UnitSummary } from './contract.ts';
import { searchTerms } from './model.ts';
import { findUnitWithProfile, searchUnits, type SearchOrder, type UnitRow } from './store.ts';

// "Open now" is decided here, from each unit's opening hours; the database ranks (or
// orders by distance) and is read in batches until the page is full.
const BATCH = 200;

function summarise(unit: UnitRow & { distanceKm?: number | null }, at: Date, eservices: ActiveEservice[]): UnitSummary {
  const status = openingStatus(unit.openingHours, at);
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind as CareUnitKind,
    organisationName: unit.organisationName,
    streetAddress: unit.streetAddress,
    postalCode: unit.postalCode,
    city: unit.city,
    phone: unit.phone,
    careOffered: unit.careOffered,
    openingNow: {
      open: status.open,
      closesAt: status.closesAt?.toISOString() ?? null,
      opensAt: status.opensAt?.toISOString() ?? null,
      todayLabel: status.today.label ?? null,
    },
    distanceKm: unit.distanceKm === undefined || unit.distanceKm === null ? null : Math.round(unit.distanceKm * 10) / 10,
    eservices,
  };
}

export async function findUnits(context: ServiceContext, query: UnitSearchQuery): Promise<UnitSummary[]> {
  const at = context.clock.now();
  const order: SearchOrder = query.lat !== undefined && query.lon !== undefined ? { by: 'distance', latitude: query.lat, longitude: query.lon } : { by: 'relevance' };
  const terms = searchTerms(query.q);
  return context.db.transaction(async (tx) => {
    const unitIds = query.eservice ? await unitIdsOffering(tx, query.eservice) : undefined;
    const filters = { kind: query.kind, care: query.care, unitIds };
    const found: Awaited<ReturnType<typeof searchUnits>> = [];
    for (let offset = 0; found.length < query.limit; offset += BATCH) {
      const batchSize = query.openNow ? BATCH : query.limit;
      const rows = await searchUnits(tx, terms, filters, order, { limit: batchSize, offset });
      found.push(...(query.openNow ? rows.filter((row) => isOpenAt(row.openingHours, at)) : rows));
      if (rows.length < batchSize) break;
    }
    const page = found.slice(0, query.limit);
    const eservices = await activeEservicesByUnit(tx, page.map((row) => row.id));
    return page.map((row) => summarise(row, at, eservices.get(row.id) ?? []));
  });
}

export async function getUnit(context: ServiceContext, unitId: string): Promise<UnitDetails> {
  const at = context.clock.now();
  return context.db.transaction(async (tx) => {
    const unit = await findUnitWithProfile(tx, unitId);
    if (!unit) throw errors.notFound({ sv: 'Vårdenheten finns inte.', en: 'No such care unit.' });
    const eservices = await activeEservicesByUnit(tx, [unit.id]);
    return {
      ...summarise(unit, at, eservices.get(unit.id) ?? []),
      hsaId: unit.hsaId,
      latitude: unit.latitude,
      longitude: unit.longitude,
      description: { sv: unit.descriptionSv, en: unit.descriptionEn },
      week: weekScheduleFor(unit.openingHours, stockholmDate(at), 7).map((day) => ({
        date: day.date,
        intervals: day.intervals.map(([open, close]) => [open, close] as [string, string]),
        reason: day.reason,
        label: day.label ?? null,
      })),
    };
  });
}
