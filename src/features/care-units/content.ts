import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openingHoursSchema } from '../../lib/opening-hours.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CareUnitKind } from '../../platform/organisations/model.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { unitSearchText } from './model.ts';
import { unitProfiles } from './tables.ts';

const demoUnitsPath = path.resolve(import.meta.dirname, '../../../content/demo-region/units.json');

const profilesFileSchema = z.object({
  profiles: z.record(
    z.string(),
    z.object({
      streetAddress: z.string(),
      postalCode: z.string().regex(/^\d{5}$/),
      city: z.string(),
      phone: z.string(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      description: z.object({ sv: z.string(), en: z.string() }),
      careOffered: z.array(z.string()),
      openingHours: openingHoursSchema,
    }),
  ),
});

/** Demo mode: addresses, positions, opening hours and care of the demo units. */
export async function loadDemoProfilesIfEmpty(db: Database, file = demoUnitsPath) {
  const content = profilesFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(unitProfiles);
    if (existing!.n > 0) return null;
    for (const [hsaId, profile] of Object.entries(content.profiles)) {
      const [unit] = await tx.select().from(careUnits).where(eq(careUnits.hsaId, hsaId));
      if (!unit) throw new Error(`demo units: no unit ${hsaId}`);
      await tx.insert(unitProfiles).values({
        unitId: unit.id,
        streetAddress: profile.streetAddress,
        postalCode: profile.postalCode,
        city: profile.city,
        phone: profile.phone,
        latitude: profile.latitude,
        longitude: profile.longitude,
        descriptionSv: profile.description.sv,
        descriptionEn: profile.description.en,
        careOffered: profile.careOffered,
        openingHours: profile.openingHours,
        searchText: unitSearchText({ ...unit, kind: unit.kind as CareUnitKind, city: profile.city, careOffered: profile.careOffered }),
      });
    }
    return { unitProfiles: Object.keys(content.profiles).length };
  });
}
