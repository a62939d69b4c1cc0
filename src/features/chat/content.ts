import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { openingHoursSchema } from '../../lib/opening-hours.ts';
import type { Database } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { countChatHours, saveChatHours } from './store.ts';

/** The demo region's chat hours (content/demo-region/chat-hours.json), by the unit's HSA id. Demo mode only, into an empty table. */
const contentFile = path.resolve(import.meta.dirname, '../../../content/demo-region/chat-hours.json');
const fileSchema = z.object({ note: z.string().optional(), units: z.record(z.string(), openingHoursSchema) });

export async function loadDemoChatHoursIfEmpty(db: Database, at: Date, file = contentFile): Promise<{ units: number } | null> {
  const content = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return db.transaction(async (tx) => {
    if ((await countChatHours(tx)) > 0) return null;
    const hsaIds = Object.keys(content.units);
    if (hsaIds.length === 0) return null;
    const units = await tx.select({ id: careUnits.id, hsaId: careUnits.hsaId }).from(careUnits).where(inArray(careUnits.hsaId, hsaIds));
    for (const unit of units) await saveChatHours(tx, unit.id, content.units[unit.hsaId]!, at, null);
    return { units: units.length };
  });
}
