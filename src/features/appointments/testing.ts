import type { Database } from '../../platform/db/database.ts';
import type { WorkTemplate } from './model.ts';
import { scheduleResources, visitTypes } from './tables.ts';

/**
 * Builders for tests (not used by the server): a visit type and a practitioner's or room's
 * schedule, written straight to the tables so a test controls every field.
 */
const weekday = [{ from: '08:00', to: '12:00' }];
export const WEEKDAY_MORNINGS: WorkTemplate = { weekly: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday }, exceptions: {}, absences: [] };

export async function makeVisitType(
  db: Database,
  unitId: string,
  values: Partial<Pick<typeof visitTypes.$inferInsert, 'name' | 'preparation' | 'lengthMinutes' | 'channel' | 'bookableOnlineBy' | 'cancellationHours' | 'published' | 'active' | 'maxUpcomingPerPatient'>> = {},
) {
  const now = new Date();
  const [row] = await db
    .insert(visitTypes)
    .values({
      unitId,
      name: values.name ?? 'Besök hos sjuksköterska',
      preparation: values.preparation ?? '',
      lengthMinutes: values.lengthMinutes ?? 30,
      channel: values.channel ?? 'at_unit',
      bookableOnlineBy: values.bookableOnlineBy ?? 'anyone',
      cancellationHours: values.cancellationHours ?? 24,
      published: values.published ?? true,
      active: values.active ?? true,
      maxUpcomingPerPatient: values.maxUpcomingPerPatient ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

export async function makeSchedule(
  db: Database,
  unitId: string,
  values: { staffId?: string; roomName?: string; visitTypeIds: string[]; template?: WorkTemplate },
) {
  const [row] = await db
    .insert(scheduleResources)
    .values({
      unitId,
      kind: values.staffId ? 'staff' : 'room',
      staffId: values.staffId ?? null,
      roomName: values.staffId ? null : (values.roomName ?? 'Provtagningsrum 1'),
      template: values.template ?? WEEKDAY_MORNINGS,
      visitTypeIds: values.visitTypeIds,
      updatedAt: new Date(),
    })
    .returning();
  return row!;
}
