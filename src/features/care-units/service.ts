import { openingStatus, weekScheduleFor } from '../../lib/opening-hours.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import type { CareUnitKind } from '../../platform/organisations/model.ts';
import { activeEservicesByUnit, unitIdsOffering, type ActiveEservice } from '../e-services/directory.ts';
import type { UnitDetails, UnitSearchQuery, UnitSummary } from './contract.ts';
import { distanceKm, searchTerms } from './model.ts';
import { findUnitWithProfile, searchUnits, type UnitRow } from './store.ts';

// "Open now" and distance are decided here, after the database has matched and
// ranked; more candidates are fetched so the filters still leave a full page.
const CANDIDATES_FOR_FILTERING = 2000;

function summarise(unit: UnitRow, at: Date, eservices: ActiveEservice[], from?: { latitude: number; longitude: number }): UnitSummary {
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
    distanceKm:
      from && unit.latitude !== null && unit.longitude !== null
        ? Math.round(distanceKm(from, { latitude: unit.latitude, longitude: unit.longitude }) * 10) / 10
        : null,
    eservices,
  };
}

export async function findUnits(context: ServiceContext, query: UnitSearchQuery): Promise<UnitSummary[]> {
  const at = context.clock.now();
  const from = query.lat !== undefined && query.lon !== undefined ? { latitude: query.lat, longitude: query.lon } : undefined;
  return context.db.transaction(async (tx) => {
    const unitIds = query.eservice ? await unitIdsOffering(tx, query.eservice) : undefined;
    const needsAll = query.openNow || from !== undefined;
    const rows = await searchUnits(tx, searchTerms(query.q), { kind: query.kind, care: query.care, unitIds }, needsAll ? CANDIDATES_FOR_FILTERING : query.limit);
    let units = rows.map((row) => ({ row, summary: summarise(row, at, []) }));
    if (query.openNow) units = units.filter(({ summary }) => summary.openingNow.open);
    if (from) {
      units = units.map(({ row }) => ({ row, summary: summarise(row, at, [], from) }));
      // Nearest first; units without a position last. With a query, relevance already chose the candidates.
      units.sort((a, b) => (a.summary.distanceKm ?? Infinity) - (b.summary.distanceKm ?? Infinity));
    }
    const page = units.slice(0, query.limit);
    const eservices = await activeEservicesByUnit(tx, page.map(({ row }) => row.id));
    return page.map(({ summary }) => ({ ...summary, eservices: eservices.get(summary.id) ?? [] }));
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
