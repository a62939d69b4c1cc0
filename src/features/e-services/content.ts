import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { eserviceKinds, everyone, unitEserviceStatuses } from './model.ts';
import { questionListSchema } from './questions.ts';
import { eservices, termsVersions, unitEservices } from './tables.ts';
import { checkTerms } from './terms.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../../content');
const localised = z.object({ sv: z.string(), en: z.string() });

const catalogueFileSchema = z.object({
  eservices: z.array(
    z.object({
      code: z.string().regex(/^[a-z_]+$/),
      kind: z.enum(eserviceKinds),
      name: localised,
      description: localised,
      termsTemplate: localised,
      appliesToUnitKinds: z.array(z.string()),
      basicOffering: z.boolean(),
      sortOrder: z.number().int(),
    }),
  ),
});

/** The regional catalogue ships as content and is loaded into an empty database in every mode. */
export async function loadCatalogueIfEmpty(db: Database, file = path.join(contentRoot, 'e-services/catalogue.json')) {
  const catalogue = catalogueFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const service of catalogue.eservices) {
    for (const language of ['sv', 'en'] as const) {
      const problems = checkTerms(service.termsTemplate[language], language);
      if (problems.length > 0) throw new Error(`catalogue: terms template of ${service.code} (${language}): ${problems.join(', ')}`);
    }
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(eservices);
    if (existing!.n > 0) return null;
    await tx.insert(eservices).values(
      catalogue.eservices.map((service) => ({
        code: service.code,
        kind: service.kind,
        nameSv: service.name.sv,
        nameEn: service.name.en,
        descriptionSv: service.description.sv,
        descriptionEn: service.description.en,
        termsTemplateSv: service.termsTemplate.sv,
        termsTemplateEn: service.termsTemplate.en,
        appliesToUnitKinds: service.appliesToUnitKinds,
        basicOffering: service.basicOffering,
        sortOrder: service.sortOrder,
      })),
    );
    return { eservices: catalogue.eservices.length };
  });
}

const demoUnitsFileSchema = z.object({
  eservices: z.record(z.string(), z.array(z.object({ eservice: z.string(), status: z.enum(unitEserviceStatuses), reason: z.string().optional() }))),
  extraQuestions: z.record(z.string(), z.record(z.string(), questionListSchema(2))),
});

/** Demo mode: which e-services the demo units have turned on, each with the regional terms as version 1. */
export async function loadDemoActivationsIfEmpty(db: Database, at: Date, file = path.join(contentRoot, 'demo-region/units.json')) {
  const content = demoUnitsFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(unitEservices);
    if (existing!.n > 0) return null;
    const catalogue = new Map((await tx.select().from(eservices)).map((service) => [service.code, service]));
    let loaded = 0;
    for (const [hsaId, rows] of Object.entries(content.eservices)) {
      const [unit] = await tx.select({ id: careUnits.id }).from(careUnits).where(eq(careUnits.hsaId, hsaId));
      if (!unit) throw new Error(`demo units: no unit ${hsaId}`);
      for (const row of rows) {
        const service = catalogue.get(row.eservice);
        if (!service) throw new Error(`demo units: no e-service ${row.eservice}`);
        const [terms] = await tx
          .insert(termsVersions)
          .values({ unitId: unit.id, eserviceCode: service.code, version: 1, textSv: service.termsTemplateSv, textEn: service.termsTemplateEn, createdAt: at })
          .returning({ id: termsVersions.id });
        await tx.insert(unitEservices).values({
          unitId: unit.id,
          eserviceCode: service.code,
          status: row.status,
          offeredByPhoneOrDesk: row.status === 'active',
          notApplicableReason: row.reason ?? null,
          patientGroup: everyone,
          extraQuestions: content.extraQuestions[hsaId]?.[service.code] ?? [],
          currentTermsVersionId: terms!.id,
          updatedAt: at,
        });
        loaded++;
      }
    }
    return { unitEservices: loaded };
  });
}
