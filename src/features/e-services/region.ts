import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { requireRegionAdministrator } from '../../platform/organisations/administrators.ts';
import type { CareUnitKind } from '../../platform/organisations/model.ts';
import { listUnitsWithOrganisation } from '../../platform/organisations/store.ts';
import type { BasicOffering } from './contract.ts';
import { termsRefused, unknownEservice } from './errors.ts';
import { offeringCell, type EserviceKind, type UnitEserviceStatus } from './model.ts';
import { termsProblems } from './service.ts';
import { findEservice, listCatalogue, listUnitEservices } from './store.ts';
import { eservices } from './tables.ts';

/** B4: per unit and basic service, active / missing / not applicable (and why), with counts per service. */
export async function basicOfferingOverview(context: ServiceContext, actor: StaffActor): Promise<BasicOffering> {
  return context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    const catalogue = (await listCatalogue(tx)).filter((service) => service.basicOffering);
    const units = await listUnitsWithOrganisation(tx);
    const rows = await listUnitEservices(tx, units.map((unit) => unit.id));
    const byKey = new Map(rows.map((row) => [`${row.unitId}:${row.eserviceCode}`, row]));
    const counts = new Map(catalogue.map((service) => [service.code, { active: 0, missing: 0, not_applicable: 0 }]));
    const unitRows = units.map((unit) => {
      const cells: BasicOffering['units'][number]['cells'] = {};
      for (const service of catalogue) {
        const row = byKey.get(`${unit.id}:${service.code}`);
        const applies = service.appliesToUnitKinds.includes(unit.kind);
        const cell = offeringCell(row?.status as UnitEserviceStatus | undefined, applies);
        counts.get(service.code)![cell]++;
        cells[service.code] = { cell, reason: !applies ? 'region' : cell === 'not_applicable' ? (row?.notApplicableReason ?? null) : null };
      }
      return { ...unit, kind: unit.kind as CareUnitKind, cells };
    });
    return {
      services: catalogue.map((service) => ({ code: service.code, name: { sv: service.nameSv, en: service.nameEn }, counts: counts.get(service.code)! })),
      units: unitRows,
    };
  });
}

export async function regionCatalogue(context: ServiceContext, actor: StaffActor) {
  return context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    return (await listCatalogue(tx)).map((service) => ({
      code: service.code,
      kind: service.kind as EserviceKind,
      name: { sv: service.nameSv, en: service.nameEn },
      description: { sv: service.descriptionSv, en: service.descriptionEn },
      termsTemplate: { sv: service.termsTemplateSv, en: service.termsTemplateEn },
      appliesToUnitKinds: service.appliesToUnitKinds as CareUnitKind[],
      basicOffering: service.basicOffering,
    }));
  });
}

/** B3: the region maintains descriptions, terms templates and which unit kinds a standard service is for. */
export async function updateCatalogueEntry(
  context: ServiceContext,
  actor: StaffActor,
  code: string,
  update: { description: { sv: string; en: string }; termsTemplate: { sv: string; en: string }; appliesToUnitKinds: CareUnitKind[] },
) {
  await context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    if (!(await findEservice(tx, code))) throw unknownEservice();
    const problems = termsProblems(update.termsTemplate);
    if (problems.length > 0) throw termsRefused(problems);
    await tx
      .update(eservices)
      .set({
        descriptionSv: update.description.sv,
        descriptionEn: update.description.en,
        termsTemplateSv: update.termsTemplate.sv,
        termsTemplateEn: update.termsTemplate.en,
        appliesToUnitKinds: update.appliesToUnitKinds,
        updatedAt: context.clock.now(),
      })
      .where(eq(eservices.code, code));
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'eservice_catalogue', objectId: code });
  });
}
