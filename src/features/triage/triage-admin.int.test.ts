import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/tables.ts';
import { loginAs, type TestClient } from '../../platform/testing/client.ts';
import { makeOrganisation, makeStaff } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { standardRoutingRules } from './region-routing.ts';
import { triageOutcomes } from './tables.ts';

// A Tuesday 10:00 in Stockholm: office hours.
const TUESDAY_10 = '2026-11-24T09:00:00Z';

let t: TestApp;
let admin: TestClient;
let adminStaffId: string;
beforeAll(async () => {
  t = await createTestApp({ now: TUESDAY_10 });
  const region = await makeOrganisation(t.db.db, { kind: 'region' });
  const staffMember = await makeStaff(t.db.db, { profession: 'administrator', administers: [region.id], givenName: 'Maja', familyName: 'Regel' });
  adminStaffId = staffMember.id;
  admin = await loginAs(t.app, t.db.db, { staffId: staffMember.id });
});
afterAll(async () => {
  // With a shared database other test files route too: leave the standard behind.
  if (admin) await admin.delete('/api/admin/triage/routing');
  await t?.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });

type Question = { id: string; type: string; code?: { code: string }; options?: { id: string; code?: { code: string } }[] };
type Step = { kind: 'question'; question: Question } | { kind: 'outcome'; outcome: { urgency: string; routing: { careKind: string; rule: string | null; kinds: { kind: string }[] } } };

const answerFor = (question: Question, findings: string[]) =>
  question.type === 'boolean'
    ? findings.includes(question.code!.code)
    : question.type === 'number'
      ? null
      : (() => {
          const chosen = question.options!.filter((option) => option.code && findings.includes(option.code.code)).map((option) => option.id);
          return chosen.length > 0 ? chosen : ['none'];
        })();

async function finish(sessionId: string, step: Step, findings: string[]) {
  const asked: string[] = [];
  while (step.kind === 'question') {
    asked.push(step.question.id);
    const response = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: step.question.id, answer: answerFor(step.question, findings) });
    expect(response.statusCode, response.body).toBe(200);
    step = (response.json() as { step: Step }).step;
  }
  return { outcome: step.outcome, asked };
}

async function runThrough(complaint: string, ageYears: number, findings: string[]) {
  const created = await post('/api/triage/sessions', { complaint, ageYears, sex: 'female', forSomeoneElse: false, lang: 'sv' });
  expect(created.statusCode, created.body).toBe(201);
  const { sessionId, step } = created.json() as { sessionId: string; step: Step };
  return { sessionId, ...(await finish(sessionId, step, findings)) };
}

describe('the routing rules, editable by the region administrator (G4)', () => {
  it('is for the region administrator only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/triage/routing' })).statusCode).toBe(401);
    const nurse = await loginAs(t.app, t.db.db, { staffId: (await makeStaff(t.db.db, {})).id });
    const municipality = await makeOrganisation(t.db.db, { kind: 'municipality' });
    const municipalAdmin = await loginAs(t.app, t.db.db, { staffId: (await makeStaff(t.db.db, { profession: 'administrator', administers: [municipality.id] })).id });
    for (const client of [nurse, municipalAdmin]) {
      expect((await client.get('/api/admin/triage/routing')).statusCode).toBe(403);
      expect((await client.put('/api/admin/triage/routing', { rules: standardRoutingRules() })).statusCode).toBe(403);
      expect((await client.delete('/api/admin/triage/routing')).statusCode).toBe(403);
      expect((await client.get('/api/admin/triage/statistics')).statusCode).toBe(403);
    }
  });

  it('refuses invalid rules with a problem per rule and field, and saves nothing', async () => {
    const before = await admin.get('/api/admin/triage/routing');
    const rules = [
      { id: 'a', urgency: ['call-112'], kinds: ['112'] },
      { id: 'a', kinds: ['helikopter'] },
      { id: 'ages', minAge: 30, maxAge: 20, kinds: ['vardcentral'] },
      { id: 'who', complaints: ['no-such-complaint'], group: ['nope'], kinds: [] },
    ];
    const response = await admin.put('/api/admin/triage/routing', { rules });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json() as { error: { code: string; details: { problems: { rule: number | null; field: string; sv: string; en: string }[] } } };
    expect(error.code).toBe('triage_routing_invalid');
    expect(error.details.problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 1, field: 'kinds' }), expect.objectContaining({ rule: 3, field: 'kinds', sv: 'Välj minst en typ av vård.' })]));
    // Structure first; the cross-checks (duplicate names, age order, unknown complaints and groups) once the structure holds.
    const structured = await admin.put('/api/admin/triage/routing', { rules: [rules[0], { ...rules[1], kinds: ['vardcentral'] }, rules[2], { ...rules[3], kinds: ['1177'] }] });
    expect(structured.statusCode).toBe(400);
    const problems = (structured.json() as { error: { details: { problems: { rule: number; field: string }[] } } }).error.details.problems;
    expect(problems.map((problem) => `${problem.rule}:${problem.field}`).sort()).toEqual(['1:id', '2:maxAge', '3:complaints', '3:group']);
    expect((await admin.put('/api/admin/triage/routing', { rules: [] })).statusCode).toBe(400);
    expect((await admin.get('/api/admin/triage/routing')).json()).toEqual(before.json());
  });

  it('saves a version that changes where a new session is routed, audited, and returns to the standard', async () => {
    const standard = await runThrough('sore-throat', 100, ['jaw-stiffness']);
    expect(standard.outcome.urgency).toBe('care-today');
    expect(standard.outcome.routing.rule).toBe('today-office');

    const rules = [{ id: 'centenarian-throat', complaints: ['sore-throat'], minAge: 100, urgency: ['care-today'], kinds: ['jourcentral', '1177'] }, ...standardRoutingRules()];
    const saved = await admin.put('/api/admin/triage/routing', { rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'region', savedBy: 'Maja Regel', rules: expect.arrayContaining([expect.objectContaining({ id: 'centenarian-throat' })]) });
    const audited = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'triage_routing'), eq(auditLog.actorStaffId, adminStaffId)));
    expect(audited.length).toBeGreaterThanOrEqual(1);

    const routed = await runThrough('sore-throat', 100, ['jaw-stiffness']);
    expect(routed.outcome.routing.rule).toBe('centenarian-throat');
    expect(routed.outcome.routing.kinds.map((kind) => kind.kind)).toEqual(['jourcentral', '1177']);
    // Somebody younger is routed as before.
    expect((await runThrough('sore-throat', 99, ['jaw-stiffness'])).outcome.routing.rule).toBe('today-office');

    const reset = await admin.delete('/api/admin/triage/routing');
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ source: 'standard', rules: standardRoutingRules() });
    expect((await runThrough('sore-throat', 100, ['jaw-stiffness'])).outcome.routing.rule).toBe('today-office');
  });
});

describe('outcome statistics (§8)', () => {
  type Statistics = { from: string; to: string; total: Record<string, number>; weeks: { start: string; week: string; counts: Record<string, number>; total: number }[]; complaints: { id: string; display: string; counts: Record<string, number>; total: number }[] };
  const statistics = async () => {
    const response = await admin.get('/api/admin/triage/statistics?lang=sv');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Statistics;
  };

  it('counts a finished session once, per urgency per week and per complaint, with no answers or identity', async () => {
    const before = await statistics();
    expect(before.weeks).toHaveLength(12);
    expect(before.weeks.at(-1)).toMatchObject({ start: '2026-11-23', week: '2026-W48' });
    expect(before.from).toBe('2026-09-07');

    const { sessionId, asked } = await runThrough('sore-throat', 34, ['jaw-stiffness']);
    // Changing the first answer and finishing again updates the same row instead of counting twice.
    const changed = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: asked[0], answer: ['none'] });
    expect(changed.statusCode, changed.body).toBe(200);
    const final = await finish(sessionId, (changed.json() as { step: Step }).step, []);

    const after = await statistics();
    const week = (s: Statistics) => s.weeks.at(-1)!;
    expect(week(after).total).toBeGreaterThanOrEqual(week(before).total + 1);
    const throat = (s: Statistics) => s.complaints.find((complaint) => complaint.id === 'sore-throat');
    expect(throat(after)!.display).toBe('Ont i halsen');
    expect(throat(after)!.counts[final.outcome.urgency]).toBeGreaterThanOrEqual((throat(before)?.counts[final.outcome.urgency] ?? 0) + 1);

    const rows = await t.db.db.select().from(triageOutcomes).where(and(eq(triageOutcomes.complaintId, 'sore-throat'), eq(triageOutcomes.ageBand, '18-39')));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['ageBand', 'complaintId', 'hour', 'id', 'occurredOn', 'urgency']);
    expect(rows.some((row) => row.hour === 10 && row.occurredOn === '2026-11-24')).toBe(true);
  });
});
