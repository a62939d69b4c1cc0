import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { monitoringAlerts, monitoringEnrolments, monitoringObservations } from './tables.ts';

export type EnrolmentRow = typeof monitoringEnrolments.$inferSelect;
export type ObservationRow = typeof monitoringObservations.$inferSelect;
export type AlertRow = typeof monitoringAlerts.$inferSelect;

export async function insertEnrolment(tx: Tx, values: typeof monitoringEnrolments.$inferInsert): Promise<EnrolmentRow> {
  const [row] = await tx.insert(monitoringEnrolments).values(values).returning();
  return row!;
}

/** An enrolment, of this unit or this patient when given; locked when about to change. */
export async function findEnrolment(tx: Tx, id: string, scope: { unitId?: string; patientId?: string }, options: { forUpdate?: boolean } = {}): Promise<EnrolmentRow | undefined> {
  const conditions = [eq(monitoringEnrolments.id, id)];
  if (scope.unitId) conditions.push(eq(monitoringEnrolments.unitId, scope.unitId));
  if (scope.patientId) conditions.push(eq(monitoringEnrolments.patientId, scope.patientId));
  const query = tx.select().from(monitoringEnrolments).where(and(...conditions));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateEnrolment(tx: Tx, id: string, values: Partial<typeof monitoringEnrolments.$inferInsert>): Promise<EnrolmentRow> {
  const [row] = await tx.update(monitoringEnrolments).set(values).where(eq(monitoringEnrolments.id, id)).returning();
  return row!;
}

export async function listPatientEnrolments(tx: Tx, patientId: string): Promise<EnrolmentRow[]> {
  return tx.select().from(monitoringEnrolments).where(eq(monitoringEnrolments.patientId, patientId)).orderBy(asc(monitoringEnrolments.status), desc(monitoringEnrolments.enrolledAt)).limit(50);
}

export async function insertObservations(tx: Tx, rows: (typeof monitoringObservations.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(monitoringObservations).values(rows);
}

export async function listObservations(tx: Tx, enrolmentId: string, since: Date): Promise<ObservationRow[]> {
  return tx
    .select()
    .from(monitoringObservations)
    .where(and(eq(monitoringObservations.enrolmentId, enrolmentId), gte(monitoringObservations.effectiveAt, since)))
    .orderBy(asc(monitoringObservations.effectiveAt))
    .limit(20_000);
}

/** The latest reading of each observation the enrolment has. */
export async function latestByObservation(tx: Tx, enrolmentId: string): Promise<Record<string, Date>> {
  const rows = await tx
    .select({ observation: monitoringObservations.observation, latest: sql<Date>`max(${monitoringObservations.effectiveAt})`.mapWith(monitoringObservations.effectiveAt) })
    .from(monitoringObservations)
    .where(eq(monitoringObservations.enrolmentId, enrolmentId))
    .groupBy(monitoringObservations.observation);
  return Object.fromEntries(rows.map((row) => [row.observation, row.latest]));
}

/** Inserts the alerts not raised before (by key); returns the new ones. */
export async function insertAlerts(tx: Tx, rows: (typeof monitoringAlerts.$inferInsert)[]): Promise<AlertRow[]> {
  if (!rows.length) return [];
  return tx.insert(monitoringAlerts).values(rows).onConflictDoNothing({ target: [monitoringAlerts.enrolmentId, monitoringAlerts.key] }).returning();
}

export async function listAlerts(tx: Tx, enrolmentId: string) {
  return tx
    .select({ alert: monitoringAlerts, acknowledgedBy: sql<string | null>`(select ${staff.givenName} || ' ' || ${staff.familyName} from ${staff} where ${staff.id} = ${monitoringAlerts.acknowledgedByStaffId})` })
    .from(monitoringAlerts)
    .where(eq(monitoringAlerts.enrolmentId, enrolmentId))
    .orderBy(desc(monitoringAlerts.createdAt))
    .limit(500);
}

export async function findUnitAlert(tx: Tx, unitId: string, id: string): Promise<AlertRow | undefined> {
  const [row] = await tx
    .select()
    .from(monitoringAlerts)
    .where(and(eq(monitoringAlerts.id, id), eq(monitoringAlerts.unitId, unitId)))
    .for('update');
  return row;
}

export async function updateAlert(tx: Tx, id: string, values: Partial<typeof monitoringAlerts.$inferInsert>): Promise<AlertRow> {
  const [row] = await tx.update(monitoringAlerts).set(values).where(eq(monitoringAlerts.id, id)).returning();
  return row!;
}

/** Keeps the dashboard's columns on the enrolment true: open alerts' highest severity and count, the latest alert. */
export async function refreshAlertSummary(tx: Tx, enrolmentId: string): Promise<void> {
  await tx.execute(sql`
    update monitoring_enrolments e set
      open_alert_severity = s.severity, open_alert_count = s.open, last_alert_at = s.latest
    from (
      select
        coalesce(max(case severity when 'urgent' then 3 when 'attention' then 2 else 1 end) filter (where status = 'open'), 0) as severity,
        (count(*) filter (where status = 'open'))::int as open,
        max(created_at) as latest
      from monitoring_alerts where enrolment_id = ${enrolmentId}
    ) s
    where e.id = ${enrolmentId}`);
}

/** One page of the unit's dashboard: active enrolments by severity, then by the latest alert or reading. */
export async function dashboardPage(tx: Tx, unitId: string, limit: number, offset: number) {
  const active = and(eq(monitoringEnrolments.unitId, unitId), eq(monitoringEnrolments.status, 'active'));
  const recency = sql`coalesce(${monitoringEnrolments.lastAlertAt}, ${monitoringEnrolments.lastReadingAt}, ${monitoringEnrolments.enrolledAt})`;
  const rows = tx
    .select({
      enrolment: {
        id: monitoringEnrolments.id,
        programmeCode: monitoringEnrolments.programmeCode,
        openAlertSeverity: monitoringEnrolments.openAlertSeverity,
        openAlertCount: monitoringEnrolments.openAlertCount,
        lastAlertAt: monitoringEnrolments.lastAlertAt,
        lastReadingAt: monitoringEnrolments.lastReadingAt,
        startDate: monitoringEnrolments.startDate,
      },
      patient: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName, identityNumber: persons.identityNumber, protectedIdentity: persons.protectedIdentity },
    })
    .from(monitoringEnrolments)
    .innerJoin(persons, eq(persons.id, monitoringEnrolments.patientId))
    .where(active)
    .orderBy(sql`${monitoringEnrolments.openAlertSeverity} desc`, sql`${recency} desc`, monitoringEnrolments.id)
    .limit(limit)
    .offset(offset);
  const total = tx.select({ count: sql<number>`count(*)::int` }).from(monitoringEnrolments).where(active);
  const items = await rows;
  const [counted] = await total;
  return { items, total: counted?.count ?? 0 };
}

/** The unit's work queue: active enrolments and their open alerts by severity, in one pass. */
export async function unitCounts(tx: Tx, unitId: string) {
  const [row] = await tx
    .select({
      enrolled: sql<number>`count(*)::int`,
      openAlerts: sql<number>`coalesce(sum(${monitoringEnrolments.openAlertCount}), 0)::int`,
      urgent: sql<number>`(count(*) filter (where ${monitoringEnrolments.openAlertSeverity} = 3))::int`,
      attention: sql<number>`(count(*) filter (where ${monitoringEnrolments.openAlertSeverity} = 2))::int`,
      info: sql<number>`(count(*) filter (where ${monitoringEnrolments.openAlertSeverity} = 1))::int`,
    })
    .from(monitoringEnrolments)
    .where(and(eq(monitoringEnrolments.unitId, unitId), eq(monitoringEnrolments.status, 'active')));
  return row!;
}

export async function activeEnrolmentIds(tx: Tx, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: monitoringEnrolments.id })
    .from(monitoringEnrolments)
    .where(and(eq(monitoringEnrolments.status, 'active'), afterId ? sql`${monitoringEnrolments.id} > ${afterId}` : undefined))
    .orderBy(monitoringEnrolments.id)
    .limit(limit);
  return rows.map((row) => row.id);
}
