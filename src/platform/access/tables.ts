import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../organisations/tables.ts';
import { persons } from '../people/tables.ts';

/**
 * Vårdrelation: which unit may see which patient. Staff read patient data only
 * through a unit that has an active relation (patientdatalagen 4 kap. 1 §).
 */
export const careRelations = pgTable(
  'care_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    /** listed: the patient is listed at the unit; ongoing: an ongoing care episode. */
    kind: text('kind').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    check('care_relations_kind_check', sql`${table.kind} in ('listed', 'ongoing')`),
    index('care_relations_patient_unit').on(table.patientId, table.unitId),
  ],
);
