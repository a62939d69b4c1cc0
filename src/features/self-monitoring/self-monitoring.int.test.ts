import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../platform/db/database.ts';
import { makeCareRelation, makePerson, makeStaff, makeUnit } from '../../platform/testing/builders.ts';
import { loginAs } from '../../platform/testing/client.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { personContactDetails } from '../../platform/notifications/tables.ts';
import type { Dashboard, Enrolment, MonitoringCounts, MyEnrolments, ReadingResult } from './contract.ts';
import { runMonitoringCheck } from './service.ts';

// Monday 23 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-23T09:00:00Z';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => t?.close());

/** A unit with a nurse, a receptionist and a listed patient; another unit with its own nurse. */
async function setting() {
  const unit = await makeUnit(t.db.db);
  const nurse = await makeStaff(t.db.db, { unitId: unit.id, roles: ['clinician'], givenName: 'Sara' });
  const receptionist = await makeStaff(t.db.db, { unitId: unit.id, roles: ['receptionist'] });
  const patient = await makePerson(t.db.db, { birthDate: '1950-05-05', givenName: 'Gunnel' });
  await makeCareRelation(t.db.db, unit.id, patient.id);
  const otherUnit = await makeUnit(t.db.db);
  const otherNurse = await makeStaff(t.db.db, { unitId: otherUnit.id, roles: ['clinician'] });
  return {
    unit,
    patient,
    nurse: await loginAs(t.app, t.db.db, { staffId: nurse.id }),
    receptionist: await loginAs(t.app, t.db.db, { staffId: receptionist.id }),
    otherNurse: await loginAs(t.app, t.db.db, { staffId: otherNurse.id }),
    patientClient: await loginAs(t.app, t.db.db, { personId: patient.id }),
  };
}

const at = (date: string, localHour: number, minute = 0) => `${date}T${String(localHour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

describe('enrolment (F1)', () => {
  it('a clinician enrols a listed patient with individual limits; the patient sees what to measure today', async () => {
    const s = await setting();
    const response = await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'copd', limits: { lowest_spo2: 88 } });
    expect(response.statusCode).toBe(201);
    const enrolment = response.json() as Enrolment;
    expect(enrolment).toMatchObject({ status: 'active', startDate: '2026-11-23', limits: { lowest_spo2: 88, cat_alert: 25 }, individualLimits: { lowest_spo2: 88 }, plan: { day: 1 } });
    expect(enrolment.plan.items.map((item) => item.task)).toEqual(['oximetry', 'cat', 'sputum_colour']);
    const mine = (await s.patientClient.get('/api/patient/monitoring')).json() as MyEnrolments;
    expect(mine.enrolments).toHaveLength(1);
    expect(mine.enrolments[0]).toMatchObject({ id: enrolment.id, programme: { code: 'copd' }, plan: { day: 1 }, openAlerts: 0 });
    // Enrolling again in the same programme is refused.
    expect((await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'copd' })).json().error.code).toBe('already_enrolled');
    const audit = await executeRows<{ action: string }>(t.db.db, sql`select action from audit_log where object_type = 'monitoring_enrolment' and object_id = ${enrolment.id} order by seq`);
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('refuses without a care relation, for a receptionist, and with limits out of range; never 500', async () => {
    const s = await setting();
    const stranger = await makePerson(t.db.db);
    const noRelation = await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: stranger.identityNumber, programme: 'hypertension' });
    expect([noRelation.statusCode, noRelation.json().error.code]).toEqual([403, 'no_care_relation']);
    const asReceptionist = await s.receptionist.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'hypertension' });
    expect(asReceptionist.statusCode).toBe(403);
    const badLimit = await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'hypertension', limits: { target_systolic: 400 } }, { 'accept-language': 'sv' });
    expect([badLimit.statusCode, badLimit.json().error.message]).toEqual([422, 'Mål, övertryck ska vara mellan 110 och 160 mmHg.']);
    for (const body of [{}, { identityNumber: 'x', programme: 'copd' }, { identityNumber: s.patient.identityNumber, programme: 'nonexistent' }, { identityNumber: s.patient.identityNumber, programme: 'copd', startDate: '2020-01-01' }, { identityNumber: s.patient.identityNumber, programme: 'copd', limits: { lowest_spo2: 'low' } }]) {
      const response = await s.nurse.post('/api/staff/monitoring/enrolments', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
  });
});

describe('measuring, alerts and the care team (F2, F3)', () => {
  it('refuses a systolic of 1,200 with a clear message; raises an urgent alert at 185/95; the nurse acknowledges it with a note', async () => {
    const s = await setting();
    const enrolment = (await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'hypertension', startDate: '2026-11-22' })).json() as Enrolment;
    const readings = `/api/patient/monitoring/${enrolment.id}/readings`;

    const implausible = await s.patientClient.post(readings, { task: 'blood_pressure', values: { systolic: 1200, diastolic: 80 } }, { 'accept-language': 'en' });
    expect(implausible.statusCode).toBe(422);
    expect(implausible.json().error).toMatchObject({ code: 'implausible_reading', message: 'Systolic pressure 1,200 mmHg is not a plausible value. Please check it: it should be between 50 and 300 mmHg.' });
    for (const body of [{}, { task: 'blood_pressure', values: { systolic: 'high' } }, { task: 'blood_pressure', values: { systolic: 120, diastolic: 80 }, effectiveAt: 'yesterday' }, { task: 'x' }]) {
      const response = await s.patientClient.post(readings, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
    expect((await s.patientClient.post(readings, { task: 'blood_pressure', values: { systolic: 120, diastolic: 80 }, effectiveAt: '2026-11-30T08:00:00Z' })).json().error.code).toBe('invalid_reading_time');
    expect((await s.patientClient.post(readings, { task: 'blood_pressure', values: { systolic: 120, diastolic: 80 }, effectiveAt: at('2026-11-21', 8) })).json().error.code).toBe('invalid_reading_time');

    const fine = await s.patientClient.post(readings, { task: 'blood_pressure', values: { systolic: 128, diastolic: 82, heart_rate: 66 }, effectiveAt: at('2026-11-22', 7) });
    expect(fine.statusCode).toBe(201);
    expect((fine.json() as ReadingResult).alerts).toEqual([]);

    const urgent = await s.patientClient.post(readings, { task: 'blood_pressure', values: { systolic: 185, diastolic: 95, heart_rate: 80 }, source: 'bluetooth', device: 'BP monitor' });
    expect(urgent.statusCode).toBe(201);
    const result = urgent.json() as ReadingResult;
    expect(result.alerts.map((alert) => [alert.ruleId, alert.severity])).toEqual([['urgent_systolic', 'urgent']]);
    expect(result.alerts[0]!.advice.sv).toContain('ring 112');
    const stored = await executeRows<{ code: string; unit: string; code_system: string }>(t.db.db, sql`select code, unit, code_system from monitoring_observations where group_id = ${result.groupId} order by code`);
    expect(stored).toEqual([
      { code: '8462-4', unit: 'mm[Hg]', code_system: 'http://loinc.org' },
      { code: '8480-6', unit: 'mm[Hg]', code_system: 'http://loinc.org' },
      { code: '8867-4', unit: '/min', code_system: 'http://loinc.org' },
    ]);

    // The dashboard puts the patient first, the counts show the urgent alert.
    const dashboard = (await s.nurse.get('/api/staff/monitoring/dashboard')).json() as Dashboard;
    expect(dashboard.items[0]).toMatchObject({ enrolmentId: enrolment.id, severity: 'urgent', openAlerts: 1 });
    expect((await s.nurse.get('/api/staff/monitoring/counts')).json()).toEqual({ enrolled: 1, openAlerts: 1, urgent: 1, attention: 0, info: 0 } satisfies MonitoringCounts);

    const detail = (await s.nurse.get(`/api/staff/monitoring/enrolments/${enrolment.id}`)).json() as Enrolment;
    expect(detail.observations).toHaveLength(6);
    const alertId = detail.alerts[0]!.id;
    expect((await s.nurse.post(`/api/staff/monitoring/alerts/${alertId}/acknowledge`, { note: '' })).statusCode).toBe(400);
    const acknowledged = await s.nurse.post(`/api/staff/monitoring/alerts/${alertId}/acknowledge`, { note: 'Ringt patienten, ny mätning 150/90.' });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', note: 'Ringt patienten, ny mätning 150/90.' });
    expect(acknowledged.json().acknowledgedBy).toMatch(/^Sara /);
    expect((await s.nurse.post(`/api/staff/monitoring/alerts/${alertId}/acknowledge`, { note: 'igen' })).json().error.code).toBe('alert_already_acknowledged');
    expect((await s.nurse.get('/api/staff/monitoring/counts')).json()).toMatchObject({ openAlerts: 0, urgent: 0 });

    // The patient sees the alert, its advice and that it was handled.
    const mine = (await s.patientClient.get(`/api/patient/monitoring/${enrolment.id}`)).json() as Enrolment;
    expect(mine.alerts[0]).toMatchObject({ status: 'acknowledged', title: { sv: 'Mycket högt övertryck' } });
  });

  it('staff of another unit get 404 for the enrolment and its alerts, and do not see it on their dashboard', async () => {
    const s = await setting();
    const enrolment = (await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'heart_failure' })).json() as Enrolment;
    await s.patientClient.post(`/api/patient/monitoring/${enrolment.id}/readings`, { task: 'breathlessness', answers: { breathless: 3 } });
    const alertId = ((await s.nurse.get(`/api/staff/monitoring/enrolments/${enrolment.id}`)).json() as Enrolment).alerts[0]!.id;
    expect((await s.otherNurse.get(`/api/staff/monitoring/enrolments/${enrolment.id}`)).statusCode).toBe(404);
    expect((await s.otherNurse.post(`/api/staff/monitoring/alerts/${alertId}/acknowledge`, { note: 'x' })).statusCode).toBe(404);
    expect((await s.otherNurse.put(`/api/staff/monitoring/enrolments/${enrolment.id}/limits`, { limits: {} })).statusCode).toBe(404);
    expect(((await s.otherNurse.get('/api/staff/monitoring/dashboard')).json() as Dashboard).items).toEqual([]);
    // Another patient cannot read or write it either.
    const other = await loginAs(t.app, t.db.db, { personId: (await makePerson(t.db.db)).id });
    expect((await other.get(`/api/patient/monitoring/${enrolment.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/patient/monitoring/${enrolment.id}/readings`, { task: 'weight', values: { body_weight: 80 } })).statusCode).toBe(404);
  });

  it('heart failure: a 3-day weight gain over the individual limit alerts; limits change; ending stops readings', async () => {
    const s = await setting();
    const enrolment = (await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'heart_failure', startDate: '2026-11-19' })).json() as Enrolment;
    const readings = `/api/patient/monitoring/${enrolment.id}/readings`;
    const weigh = (date: string, kg: number) => s.patientClient.post(readings, { task: 'weight', values: { body_weight: kg }, effectiveAt: at(date, 7) });
    for (const [date, kg] of [['2026-11-20', 80], ['2026-11-21', 80.6], ['2026-11-22', 81.4]] as const) expect((await weigh(date, kg)).json().alerts).toEqual([]);
    // Raise the limit first: +1.8 kg is then no alert; lower it and the next day's +1.6 is.
    const changed = await s.nurse.put(`/api/staff/monitoring/enrolments/${enrolment.id}/limits`, { limits: { weight_gain_kg: 1.5 } });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as Enrolment).limits.weight_gain_kg).toBe(1.5);
    const gain = (await weigh('2026-11-23', 81.8)).json() as ReadingResult;
    expect(gain.alerts.map((alert) => alert.ruleId)).toEqual(['weight_gain_3_days']);
    expect(gain.alerts[0]!.finding.sv).toBe('Vikt: +1,8 kg på 3 dagar, nu 81,8 kg (gräns 1,5)');

    const ended = await s.nurse.post(`/api/staff/monitoring/enrolments/${enrolment.id}/end`, { reason: 'Stabil' });
    expect((ended.json() as Enrolment).status).toBe('ended');
    expect((await weigh('2026-11-23', 81)).json().error.code).toBe('enrolment_ended');
    expect(((await s.nurse.get('/api/staff/monitoring/dashboard')).json() as Dashboard).items).toEqual([]);
  });
});

describe('the scheduled check: missed measurements and reminders', () => {
  it('raises a missed-days alert once and enqueues one reminder per slot through the outbox', async () => {
    const s = await setting();
    await t.db.db.insert(personContactDetails).values({ personId: s.patient.id, email: 'gunnel@example.se', notifyByEmail: true, updatedAt: new Date(NOW) });
    const enrolment = (await s.nurse.post('/api/staff/monitoring/enrolments', { identityNumber: s.patient.identityNumber, programme: 'copd', startDate: '2026-11-20' })).json() as Enrolment;
    await s.patientClient.post(`/api/patient/monitoring/${enrolment.id}/readings`, { task: 'oximetry', values: { spo2: 94 }, effectiveAt: at('2026-11-20', 8) });
    // Monday 10:00: nothing on Saturday and Sunday, and nothing yet this morning.
    await runMonitoringCheck(t.db.db, t.clock);
    await runMonitoringCheck(t.db.db, t.clock);
    const detail = (await s.nurse.get(`/api/staff/monitoring/enrolments/${enrolment.id}`)).json() as Enrolment;
    expect(detail.alerts.map((alert) => [alert.ruleId, alert.severity, alert.finding.en])).toEqual([['missed_days', 'info', 'No readings for 2 days from 2026-11-21']]);
    const outbox = await executeRows<{ template: string; dedupe_key: string }>(t.db.db, sql`select template, dedupe_key from notification_outbox where recipient_person_id = ${s.patient.id}`);
    expect(outbox).toEqual([{ template: 'measurement_reminder', dedupe_key: `monitoring-reminder:${enrolment.id}:2026-11-23:morning:${s.patient.id}:email` }]);
  });
});
