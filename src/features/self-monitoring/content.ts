import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { findProgramme } from './catalogue.ts';
import { stockholmWallTime } from './gatt.ts';
import { addDays } from './model.ts';
import { monitoringAlerts, monitoringEnrolments } from './tables.ts';
import { evaluateEnrolment, storeReading } from './service.ts';
import { findEnrolment, insertEnrolment, refreshAlertSummary } from './store.ts';

/**
 * The demo region's self-monitoring (content/demo-region/self-monitoring.json): a few
 * patients of Vårdcentralen Ekby enrolled some days ago, with their readings back-dated.
 * Demo mode only, into an empty table. Readings go through the same rules as real ones,
 * in time order, with the daily check (06:00) in between, so the open alerts are those the
 * rules would have raised.
 */
const contentFile = path.resolve(import.meta.dirname, '../../../content/demo-region/self-monitoring.json');

const fileSchema = z.object({
  enrolments: z.array(
    z.object({
      unit: z.string(),
      patient: z.string(),
      programme: z.string(),
      enrolledBy: z.string(),
      startDaysAgo: z.number().int().min(0).max(30),
      limits: z.record(z.string(), z.number()).default({}),
      readings: z.array(
        z.object({
          daysAgo: z.number().int().min(0),
          at: z.string().regex(/^\d{2}:\d{2}$/),
          task: z.string(),
          values: z.record(z.string(), z.number()).optional(),
          answers: z.record(z.string(), z.number()).optional(),
        }),
      ),
      acknowledge: z.array(z.object({ rule: z.string(), by: z.string(), note: z.string() })).default([]),
    }),
  ),
});

function localTime(today: string, daysAgo: number, at: string): Date {
  const [year, month, day] = addDays(today, -daysAgo).split('-').map(Number) as [number, number, number];
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  return stockholmWallTime(year, month, day, hours, minutes, 0);
}

export async function loadDemoMonitoringIfEmpty(db: Database, now: Date, file = contentFile) {
  const content = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(monitoringEnrolments);
    if (existing!.n > 0) return null;
    const units = new Map((await tx.select({ key: careUnits.hsaId, id: careUnits.id }).from(careUnits).where(inArray(careUnits.hsaId, content.enrolments.map((e) => e.unit)))).map((r) => [r.key, r.id]));
    const patients = new Map((await tx.select({ key: persons.identityNumber, id: persons.id }).from(persons).where(inArray(persons.identityNumber, content.enrolments.map((e) => e.patient)))).map((r) => [r.key, r.id]));
    const staffIds = new Map((await tx.select({ key: staff.hsaId, id: staff.id }).from(staff)).map((r) => [r.key, r.id]));
    const today = stockholmDate(now);
    let readings = 0;
    for (const item of content.enrolments) {
      const unitId = units.get(item.unit);
      const patientId = patients.get(item.patient);
      const staffId = staffIds.get(item.enrolledBy);
      const programme = findProgramme(item.programme);
      if (!unitId || !patientId || !staffId || !programme) throw new Error(`demo self-monitoring: unknown unit, patient, staff or programme in ${item.patient}/${item.programme}`);
      const startDate = addDays(today, -item.startDaysAgo);
      const enrolledAt = localTime(today, item.startDaysAgo, '06:00');
      const row = await insertEnrolment(tx, {
        patientId,
        unitId,
        programmeCode: programme.code,
        programmeVersion: programme.version,
        limits: item.limits,
        schedule: programme.schedule,
        startDate,
        status: 'active',
        enrolledByStaffId: staffId,
        enrolledAt,
      });
      // Readings and the daily 06:00 checks, in time order; nothing after now.
      const events = [
        ...item.readings.map((reading) => ({ at: localTime(today, reading.daysAgo, reading.at), reading })),
        ...Array.from({ length: item.startDaysAgo }, (_, index) => ({ at: localTime(today, item.startDaysAgo - index - 1, '06:00'), reading: null })),
      ]
        .filter((event) => event.at <= now)
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const event of events) {
        const current = (await findEnrolment(tx, row.id, {}))!;
        if (event.reading) {
          await storeReading(tx, current, { task: event.reading.task, values: event.reading.values, answers: event.reading.answers, source: 'manual' }, event.at, event.at, patientId);
          readings++;
        } else {
          await evaluateEnrolment(tx, current, event.at);
        }
      }
      for (const acknowledgement of item.acknowledge) {
        await tx
          .update(monitoringAlerts)
          .set({ status: 'acknowledged', acknowledgedAt: new Date(now.getTime() - 3600_000), acknowledgedByStaffId: staffIds.get(acknowledgement.by)!, note: acknowledgement.note })
          .where(and(eq(monitoringAlerts.enrolmentId, row.id), eq(monitoringAlerts.ruleId, acknowledgement.rule), eq(monitoringAlerts.status, 'open')));
      }
      await refreshAlertSummary(tx, row.id);
    }
    return { enrolments: content.enrolments.length, readings };
  });
}
