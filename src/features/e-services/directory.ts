import type { Tx } from '../../platform/db/database.ts';
import type { PatientGroup } from './model.ts';
import { listCatalogue, listUnitEservices, listUnitIdsWithActive } from './store.ts';

/**
 * What other features may ask of e-services: which services a unit has on, for
 * the public unit pages and search. Features read this, never our tables.
 */
export type ActiveEservice = {
  code: string;
  kind: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  patientGroup: PatientGroup;
};

export async function activeEservicesByUnit(tx: Tx, unitIds: string[]): Promise<Map<string, ActiveEservice[]>> {
  const [catalogue, rows] = await Promise.all([listCatalogue(tx), listUnitEservices(tx, unitIds)]);
  const byUnit = new Map<string, ActiveEservice[]>(unitIds.map((id) => [id, []]));
  for (const service of catalogue) {
    for (const row of rows) {
      if (row.eserviceCode !== service.code || row.status !== 'active') continue;
      byUnit.get(row.unitId)?.push({
        code: service.code,
        kind: service.kind,
        name: { sv: service.nameSv, en: service.nameEn },
        description: { sv: service.descriptionSv, en: service.descriptionEn },
        patientGroup: row.patientGroup,
      });
    }
  }
  return byUnit;
}

export const unitIdsOffering = listUnitIdsWithActive;

export async function catalogueNames(tx: Tx) {
  return (await listCatalogue(tx)).map((service) => ({ code: service.code, name: { sv: service.nameSv, en: service.nameEn } }));
}
