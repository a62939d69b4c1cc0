import { randomUUID } from 'node:crypto';
import { accessPatient } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { CitizenActor, StaffActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation, type Database, type Tx } from '../../platform/db/database.ts';
import { enqueueNotification, nudgeOutbox } from '../../platform/notifications/outbox.ts';
import { findUnit } from '../../platform/organisations/store.ts';
import { findPersonById, findPersonByIdentityNumber } from '../../platform/people/store.ts';
import { formatIdentityNumber, parseIdentityNumber } from '../../lib/personnummer.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { findProgramme, programmes } from './catalogue.ts';
import {
  acknowledgeRequestSchema,
  dashboardQuerySchema,
  endRequestSchema,
  enrolRequestSchema,
  limitsRequestSchema,
  readingRequestSchema,
  type Alert,
  type Dashboard,
  type EnrolRequest,
  type Enrolment,
  type LimitsRequest,
  type MonitoringCounts,
  type MyEnrolments,
  type ReadingRequest,
  type ReadingResult,
} from './contract.ts';
import { monitoringErrors } from './errors.ts';
import { isMetricCode, LOCAL_CODE_SYSTEM, LOINC_SYSTEM, metrics } from './metrics.ts';
import { addDays, alertText, checkLimits, checkReading, daysBetween, dayPlan, evaluate, lookbackDays, reminderDue, resolveLimits, severityOfRank, type EnrolmentFacts, type Observation } from './model.ts';
import type { Programme, Schedule } from './programme.ts';
import {
  activeEnrolmentIds,
  dashboardPage,
  findEnrolment,
  findUnitAlert,
  insertAlerts,
  insertEnrolment,
  insertObservations,
  latestByObservation,
  listAlerts,
  listObservations,
  listPatientEnrolments,
  refreshAlertSummary,
  unitCounts,
  updateAlert,
  updateEnrolment,
  type AlertRow,
  type EnrolmentRow,
} from './store.ts';

/**
 * Self-monitoring (F1–F3): clinicians enrol their unit's patients, patients record
 * readings, the programme's rules raise alerts, staff acknowledge them. Every read or
 * change of patient data goes through accessPatient(), which writes the audit row.
 */

type ActiveStaff = StaffActor & { unitId: string };
const DAY_MS = 86_400_000;
/** How far back the charts reach. */
const CHART_DAYS = 90;
/** How old a reading from a device's memory or a paper diary may be. */
const MAX_BACKDATE_DAYS = 14;

function clinicianOf(actor: StaffActor): ActiveStaff {
  if (!actor.unitId || actor.unitRoles.length === 0) throw monitoringErrors.noActiveUnit();
  if (!actor.unitRoles.includes('clinician')) throw monitoringErrors.notClinician();
  return actor as ActiveStaff;
}

function programmeOf(row: EnrolmentRow): Programme {
  const programme = findProgramme(row.programmeCode);
  if (!programme) throw monitoringErrors.programmeNotFound();
  return programme;
}

const factsOf = (row: EnrolmentRow, programme: Programme): EnrolmentFacts => ({ startDate: row.startDate, limits: resolveLimits(programme, row.limits), schedule: row.schedule });

function alertView(programme: Programme, row: AlertRow, acknowledgedBy: string | null): Alert {
  const text = alertText(programme, row.ruleId, row.details);
  return {
    id: row.id,
    ruleId: row.ruleId,
    kind: row.kind,
    severity: row.severity as Alert['severity'],
    status: row.status as Alert['status'],
    createdAt: row.createdAt.toISOString(),
    ...text,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy,
    note: row.note,
  };
}

async function detailOf(tx: Tx, row: EnrolmentRow, now: Date): Promise<Enrolment> {
  const programme = programmeOf(row);
  // One after the other: a transaction is one connection.
  const patient = await findPersonById(tx, row.patientId);
  const unit = await findUnit(tx, row.unitId);
  const observations = await listObservations(tx, row.id, new Date(now.getTime() - CHART_DAYS * DAY_MS));
  const alerts = await listAlerts(tx, row.id);
  const asModel: Observation[] = observations.map((o) => ({ observation: o.observation, value: o.value, effectiveAt: o.effectiveAt, groupId: o.groupId }));
  return {
    id: row.id,
    status: row.status as Enrolment['status'],
    startDate: row.startDate,
    enrolledAt: row.enrolledAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    unit: { id: row.unitId, name: unit?.name ?? '' },
    patient: { id: row.patientId, name: patient ? `${patient.givenName} ${patient.familyName}` : '', identityNumber: patient ? formatIdentityNumber(patient.identityNumber) : '' },
    programme,
    limits: resolveLimits(programme, row.limits),
    individualLimits: row.limits,
    schedule: row.schedule,
    plan: dayPlan(programme, factsOf(row, programme), asModel, now),
    observations: observations.map((o) => ({ groupId: o.groupId, task: o.task, observation: o.observation, value: o.value, effectiveAt: o.effectiveAt.toISOString(), source: o.source as 'manual' | 'bluetooth' })),
    alerts: alerts.map(({ alert, acknowledgedBy }) => alertView(programme, alert, acknowledgedBy)),
  };
}

function scheduleOf(programme: Programme, change: { slots?: Schedule['slots']; readingsPerSlot?: number; durationDays?: number | null } = {}, current?: Schedule): Schedule {
  const base = current ?? programme.schedule;
  return {
    slots: change.slots ? [...new Set(change.slots)].sort((a, b) => (a === 'morning' ? -1 : b === 'morning' ? 1 : 0)) : base.slots,
    readingsPerSlot: change.readingsPerSlot ?? base.readingsPerSlot,
    durationDays: change.durationDays === undefined ? base.durationDays : change.durationDays,
  };
}

// ---- rules over readings ------------------------------------------------------------------

/** Evaluates the rules for an enrolment and stores any new alerts; returns them. */
export async function evaluateEnrolment(tx: Tx, row: EnrolmentRow, now: Date, fresh: { groupIds: Set<string>; earliest?: Date } = { groupIds: new Set() }): Promise<AlertRow[]> {
  const programme = programmeOf(row);
  const facts = factsOf(row, programme);
  const from = Math.min(now.getTime(), fresh.earliest?.getTime() ?? now.getTime()) - (lookbackDays(programme, facts.schedule) + 1) * DAY_MS;
  const start = Date.parse(`${addDays(row.startDate, -1)}T00:00:00Z`);
  const history = await listObservations(tx, row.id, new Date(Math.max(from, start)));
  const latest = await latestByObservation(tx, row.id);
  const candidates = evaluate(
    programme,
    facts,
    { history: history.map((o) => ({ observation: o.observation, value: o.value, effectiveAt: o.effectiveAt, groupId: o.groupId })), freshGroupIds: fresh.groupIds, latestByObservation: latest, checkMissing: fresh.groupIds.size === 0 },
    now,
  );
  const created = await insertAlerts(
    tx,
    candidates.map((candidate) => ({
      enrolmentId: row.id,
      unitId: row.unitId,
      patientId: row.patientId,
      ruleId: candidate.ruleId,
      kind: candidate.kind,
      severity: candidate.severity,
      key: candidate.key,
      details: candidate.details,
      status: 'open',
      createdAt: now,
    })),
  );
  if (created.length) await refreshAlertSummary(tx, row.id);
  return created;
}

// ---- staff ------------------------------------------------------------------------------

export async function enrolPatient(context: ServiceContext, actor: StaffActor, input: EnrolRequest): Promise<Enrolment> {
  const staff = clinicianOf(actor);
  const request = enrolRequestSchema.parse(input);
  const identity = parseIdentityNumber(request.identityNumber);
  if (!identity) throw monitoringErrors.invalidIdentityNumber();
  const programme = findProgramme(request.programme);
  if (!programme) throw monitoringErrors.programmeNotFound();
  const problems = checkLimits(programme, request.limits);
  if (problems.length) throw monitoringErrors.invalidLimits(problems);
  const now = context.clock.now();
  const today = stockholmDate(now);
  const startDate = request.startDate ?? today;
  if (Math.abs(daysBetween(today, startDate)) > 30) throw monitoringErrors.startDate();
  try {
    return await context.db.transaction(async (tx) => {
      const person = await findPersonByIdentityNumber(tx, identity.normalised);
      if (!person) throw monitoringErrors.patientNotFound();
      const row = await insertEnrolment(tx, {
        patientId: person.id,
        unitId: staff.unitId,
        programmeCode: programme.code,
        programmeVersion: programme.version,
        limits: request.limits,
        schedule: scheduleOf(programme, request.schedule),
        startDate,
        status: 'active',
        enrolledByStaffId: staff.staffId,
        enrolledAt: now,
      });
      await accessPatient(tx, context, actor, person.id, { action: 'create', objectType: 'monitoring_enrolment', objectId: row.id });
      return detailOf(tx, row, now);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'monitoring_enrolments_one_active')) throw monitoringErrors.alreadyEnrolled();
    throw error;
  }
}

async function staffEnrolment(tx: Tx, context: ServiceContext, staff: ActiveStaff, id: string, action: 'read' | 'update', forUpdate = false): Promise<EnrolmentRow> {
  // Another unit's enrolment is 404, not 403: its existence does not leak.
  const row = await findEnrolment(tx, id, { unitId: staff.unitId }, { forUpdate });
  if (!row) throw monitoringErrors.enrolmentNotFound();
  await accessPatient(tx, context, staff, row.patientId, { action, objectType: 'monitoring_enrolment', objectId: row.id });
  return row;
}

export async function getUnitEnrolment(context: ServiceContext, actor: StaffActor, id: string): Promise<Enrolment> {
  const staff = clinicianOf(actor);
  return context.db.transaction(async (tx) => detailOf(tx, await staffEnrolment(tx, context, staff, id, 'read'), context.clock.now()));
}

export async function changeLimits(context: ServiceContext, actor: StaffActor, id: string, input: LimitsRequest): Promise<Enrolment> {
  const staff = clinicianOf(actor);
  const request = limitsRequestSchema.parse(input);
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const row = await staffEnrolment(tx, context, staff, id, 'update', true);
    if (row.status !== 'active') throw monitoringErrors.ended();
    const programme = programmeOf(row);
    const problems = checkLimits(programme, request.limits);
    if (problems.length) throw monitoringErrors.invalidLimits(problems);
    const updated = await updateEnrolment(tx, row.id, { limits: request.limits, schedule: scheduleOf(programme, request.schedule, row.schedule) });
    return detailOf(tx, updated, now);
  });
}

export async function endEnrolment(context: ServiceContext, actor: StaffActor, id: string, input: { reason?: string }): Promise<Enrolment> {
  const staff = clinicianOf(actor);
  const request = endRequestSchema.parse(input);
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const row = await staffEnrolment(tx, context, staff, id, 'update', true);
    if (row.status !== 'active') throw monitoringErrors.ended();
    const updated = await updateEnrolment(tx, row.id, { status: 'ended', endedAt: now, endedByStaffId: staff.staffId, endReason: request.reason ?? null });
    return detailOf(tx, updated, now);
  });
}

export async function acknowledgeAlert(context: ServiceContext, actor: StaffActor, alertId: string, input: { note: string }): Promise<Alert> {
  const staff = clinicianOf(actor);
  const request = acknowledgeRequestSchema.parse(input);
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const alert = await findUnitAlert(tx, staff.unitId, alertId);
    if (!alert) throw monitoringErrors.alertNotFound();
    const row = await staffEnrolment(tx, context, staff, alert.enrolmentId, 'update', true);
    if (alert.status !== 'open') throw monitoringErrors.alreadyAcknowledged();
    await updateAlert(tx, alert.id, { status: 'acknowledged', acknowledgedAt: now, acknowledgedByStaffId: staff.staffId, note: request.note });
    await refreshAlertSummary(tx, row.id);
    const found = (await listAlerts(tx, row.id)).find((candidate) => candidate.alert.id === alert.id)!;
    return alertView(programmeOf(row), found.alert, found.acknowledgedBy);
  });
}

export async function unitDashboard(context: ServiceContext, actor: StaffActor, input: unknown): Promise<Dashboard> {
  const staff = clinicianOf(actor);
  const query = dashboardQuerySchema.parse(input ?? {});
  return context.db.transaction(async (tx) => {
    const page = await dashboardPage(tx, staff.unitId, query.limit, query.offset);
    // One audit row for the list (many patients' names); each enrolment opened is audited on its own.
    await recordAudit(tx, context, actor, { action: 'read', objectType: 'monitoring_dashboard', objectId: staff.unitId });
    return {
      items: page.items.map(({ enrolment, patient }) => ({
        enrolmentId: enrolment.id,
        patient: { id: patient.id, name: `${patient.givenName} ${patient.familyName}`, identityNumber: formatIdentityNumber(patient.identityNumber), protectedIdentity: patient.protectedIdentity },
        programme: { code: enrolment.programmeCode, name: findProgramme(enrolment.programmeCode)?.name ?? { sv: enrolment.programmeCode, en: enrolment.programmeCode } },
        severity: severityOfRank(enrolment.openAlertSeverity),
        openAlerts: enrolment.openAlertCount,
        lastAlertAt: enrolment.lastAlertAt?.toISOString() ?? null,
        lastReadingAt: enrolment.lastReadingAt?.toISOString() ?? null,
        startDate: enrolment.startDate,
      })),
      total: page.total,
    };
  });
}

export async function countUnitAlerts(context: ServiceContext, actor: StaffActor): Promise<MonitoringCounts> {
  if (!actor.unitId || actor.unitRoles.length === 0) throw monitoringErrors.noActiveUnit();
  const unitId = actor.unitId;
  return context.db.transaction((tx) => unitCounts(tx, unitId));
}

export function listProgrammes() {
  return { programmes: [...programmes().values()] };
}

// ---- the patient --------------------------------------------------------------------------

async function patientEnrolment(tx: Tx, context: ServiceContext, actor: CitizenActor, id: string, action: 'read' | 'create', forUpdate = false): Promise<EnrolmentRow> {
  const row = await findEnrolment(tx, id, { patientId: actor.subjectPersonId }, { forUpdate });
  if (!row) throw monitoringErrors.enrolmentNotFound();
  await accessPatient(tx, context, actor, row.patientId, { action, objectType: 'monitoring_enrolment', objectId: row.id });
  return row;
}

export async function listMyEnrolments(context: ServiceContext, actor: CitizenActor): Promise<MyEnrolments> {
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    await accessPatient(tx, context, actor, actor.subjectPersonId, { action: 'read', objectType: 'monitoring_enrolments' });
    const rows = await listPatientEnrolments(tx, actor.subjectPersonId);
    const today = new Date(Date.parse(`${stockholmDate(now)}T00:00:00Z`) - DAY_MS);
    const enrolments: MyEnrolments['enrolments'] = [];
    for (const row of rows) {
      const programme = programmeOf(row);
      const todays = await listObservations(tx, row.id, today);
      enrolments.push({
        id: row.id,
        status: row.status as 'active' | 'ended',
        unitName: (await findUnit(tx, row.unitId))?.name ?? '',
        programme: { code: programme.code, name: programme.name },
        plan: dayPlan(programme, factsOf(row, programme), todays.map((o) => ({ observation: o.observation, value: o.value, effectiveAt: o.effectiveAt, groupId: o.groupId })), now),
        openAlerts: row.openAlertCount,
      });
    }
    return { enrolments };
  });
}

export async function getMyEnrolment(context: ServiceContext, actor: CitizenActor, id: string): Promise<Enrolment> {
  return context.db.transaction(async (tx) => detailOf(tx, await patientEnrolment(tx, context, actor, id, 'read'), context.clock.now()));
}

/**
 * Checks a reading against the programme (plausibility), stores its observations with their
 * LOINC/UCUM coding, keeps the enrolment's latest reading, and evaluates the rules with the
 * reading as the fresh one. Also used by the demo loader, so demo readings pass the same rules.
 */
export async function storeReading(
  tx: Tx,
  row: EnrolmentRow,
  request: { task: string; values?: Record<string, number>; answers?: Record<string, number>; source: 'manual' | 'bluetooth'; device?: string },
  effectiveAt: Date,
  now: Date,
  personId: string,
): Promise<{ groupId: string; created: AlertRow[] }> {
  const programme = programmeOf(row);
  const checked = checkReading(programme, { task: request.task, values: request.values, answers: request.answers });
  if (!checked.ok) throw monitoringErrors.implausibleReading(checked.problems);
  const groupId = randomUUID();
  await insertObservations(
    tx,
    checked.reading.observations.map((o) => {
      const metric = isMetricCode(o.observation) ? metrics[o.observation] : undefined;
      return {
        enrolmentId: row.id,
        patientId: row.patientId,
        groupId,
        task: checked.reading.task.id,
        observation: o.observation,
        code: metric ? metric.loinc.code : `${programme.code}.${o.observation}`,
        codeSystem: metric ? LOINC_SYSTEM : LOCAL_CODE_SYSTEM,
        unit: metric ? metric.ucum : '{score}',
        value: o.value,
        answers: checked.reading.answers,
        effectiveAt,
        recordedAt: now,
        source: request.source,
        device: request.device ?? null,
        enteredByPersonId: personId,
      };
    }),
  );
  const updated = await updateEnrolment(tx, row.id, { lastReadingAt: row.lastReadingAt && row.lastReadingAt > effectiveAt ? row.lastReadingAt : effectiveAt });
  const created = await evaluateEnrolment(tx, updated, now, { groupIds: new Set([groupId]), earliest: effectiveAt });
  return { groupId, created };
}

export async function recordReading(context: ServiceContext, actor: CitizenActor, id: string, input: ReadingRequest): Promise<ReadingResult> {
  const request = readingRequestSchema.parse(input);
  const now = context.clock.now();
  const effectiveAt = request.effectiveAt ? new Date(request.effectiveAt) : now;
  if (effectiveAt.getTime() > now.getTime() + 5 * 60_000) throw monitoringErrors.readingTime({ sv: 'Mättiden kan inte vara i framtiden.', en: 'The time of the reading cannot be in the future.' });
  if (effectiveAt.getTime() < now.getTime() - MAX_BACKDATE_DAYS * DAY_MS) {
    throw monitoringErrors.readingTime({ sv: `Mätningar kan registreras högst ${MAX_BACKDATE_DAYS} dagar i efterhand.`, en: `Readings can be entered at most ${MAX_BACKDATE_DAYS} days afterwards.` });
  }
  const result = await context.db.transaction(async (tx) => {
    const row = await patientEnrolment(tx, context, actor, id, 'create', true);
    if (row.status !== 'active') throw monitoringErrors.ended();
    if (stockholmDate(effectiveAt) < row.startDate) throw monitoringErrors.readingTime({ sv: `Programmet började ${row.startDate}; mätningar före det kan inte registreras.`, en: `The programme started on ${row.startDate}; readings before then cannot be entered.` });
    const { groupId, created } = await storeReading(tx, row, request, effectiveAt, now, actor.personId);
    const detail = await detailOf(tx, (await findEnrolment(tx, row.id, {}))!, now);
    return { groupId, alerts: detail.alerts.filter((alert) => created.some((c) => c.id === alert.id)), enrolment: detail };
  });
  return result;
}

// ---- the scheduled check ------------------------------------------------------------------

/**
 * Looks at every active enrolment: raises missed-measurement alerts and period means the
 * rules call for, and sends a reminder (through the outbox) when a slot's readings are due
 * and not yet done. Idempotent: alerts by their key, reminders by date and slot.
 */
export async function runMonitoringCheck(db: Database, clock: Clock): Promise<{ checked: number; alerts: number; reminders: number }> {
  const now = clock.now();
  let after: string | null = null;
  let checked = 0;
  let alerts = 0;
  let reminders = 0;
  for (;;) {
    const ids = await db.transaction((tx) => activeEnrolmentIds(tx, after, 200));
    if (!ids.length) break;
    for (const id of ids) {
      const outcome = await db.transaction(async (tx) => {
        const row = await findEnrolment(tx, id, {}, { forUpdate: true });
        if (!row || row.status !== 'active' || !findProgramme(row.programmeCode)) return { alerts: 0, reminders: 0 };
        const created = await evaluateEnrolment(tx, row, now);
        const programme = programmeOf(row);
        const todays = await listObservations(tx, row.id, new Date(now.getTime() - DAY_MS));
        const plan = dayPlan(programme, factsOf(row, programme), todays.map((o) => ({ observation: o.observation, value: o.value, effectiveAt: o.effectiveAt, groupId: o.groupId })), now);
        const slot = reminderDue(plan, now);
        const sent = slot ? await enqueueNotification(tx, clock, { recipientPersonIds: [row.patientId], template: 'measurement_reminder', dedupeKey: `monitoring-reminder:${row.id}:${plan.date}:${slot}` }) : 0;
        await updateEnrolment(tx, row.id, { checkedAt: now });
        return { alerts: created.length, reminders: sent };
      });
      checked++;
      alerts += outcome.alerts;
      reminders += outcome.reminders;
    }
    after = ids.at(-1)!;
  }
  if (reminders) nudgeOutbox();
  return { checked, alerts, reminders };
}
