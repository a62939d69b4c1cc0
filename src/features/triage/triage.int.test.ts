import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../platform/testing/client.ts';
import { makeOrganisation, makeStaff } from '../../platform/testing/builders.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aroundTheClock, makeUnitWithProfile } from '../care-units/testing.ts';

// A Tuesday 10:00 in Stockholm: office hours.
const TUESDAY_10 = '2026-11-24T09:00:00Z';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: TUESDAY_10 });
});
afterAll(async () => t?.close());

/** Like the external benchmark: plain JSON, no cookie, no CSRF header. */
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });

type Step = { kind: 'question'; question: { id: string; type: string; code?: { code: string }; options?: { id: string; code?: { code: string } }[]; multiple?: boolean; unit?: string } } | { kind: 'outcome'; outcome: Record<string, unknown> & { urgency: string; routing: { careKind: string; units: { name: string }[]; reachAPerson: unknown[] } } };

async function runThrough(complaint: string, ageYears: number, findings: string[], values: Record<string, number> = {}, position?: { lat: number; lon: number }) {
  const created = await post('/api/triage/sessions', { complaint, ageYears, sex: 'male', forSomeoneElse: false, lang: 'sv', ...(position ? { position } : {}) });
  expect(created.statusCode, created.body).toBe(201);
  const { sessionId } = created.json() as { sessionId: string };
  let step = (created.json() as { step: Step }).step;
  let questions = 0;
  while (step.kind === 'question') {
    const q = step.question;
    const answer =
      q.type === 'boolean'
        ? findings.includes(q.code!.code)
        : q.type === 'number'
          ? (values[q.code!.code] ?? null)
          : (() => {
              const chosen = q.options!.filter((option) => option.code && findings.includes(option.code.code)).map((option) => option.id);
              return chosen.length > 0 ? chosen : ['none'];
            })();
    const response = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: q.id, answer });
    expect(response.statusCode, response.body).toBe(200);
    step = (response.json() as { step: Step }).step;
    questions += 1;
  }
  return { sessionId, outcome: step.outcome, questions };
}

describe('the public triage API (issue 9 §7)', () => {
  it('lists coded complaints in Swedish and English', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/api/triage/complaints?lang=sv' });
    expect(sv.statusCode).toBe(200);
    const { complaints } = sv.json() as { complaints: { id: string; code: { system: string; code: string }; display: string }[] };
    expect(complaints.length).toBeGreaterThanOrEqual(40);
    expect(complaints.find((complaint) => complaint.id === 'chest-pain')).toEqual({ id: 'chest-pain', code: { system: 'http://snomed.info/sct', code: '29857009' }, display: 'Bröstsmärta' });
    const en = await t.app.inject({ method: 'GET', url: '/api/triage/complaints?lang=en' });
    expect((en.json() as typeof sv extends never ? never : { complaints: { id: string; display: string }[] }).complaints.find((complaint) => complaint.id === 'chest-pain')!.display).toBe('Chest pain');
  });

  it('runs chest pain with a red flag to call-112 without login, with routing to 112 and a person to reach', async () => {
    const { outcome, questions } = await runThrough('chest-pain', 60, ['chest-pain-spreading']);
    expect(questions).toBe(1);
    expect(outcome.urgency).toBe('call-112');
    expect(outcome.title).toMatch(/112/);
    expect(outcome.advice).toEqual(expect.arrayContaining([expect.stringMatching(/112/)]));
    expect(outcome.reasons).toEqual([expect.objectContaining({ code: { system: 'urn:nara:finding', code: 'chest-pain-spreading' } })]);
    expect(outcome.routing.careKind).toBe('112');
    expect(outcome.routing.reachAPerson).toHaveLength(2);
  });

  it('routes care-today in office hours to an open vårdcentral', async () => {
    // A place of its own, and the patient standing there: on a shared PostgreSQL other tests' units are open too.
    const place = { lat: 68 + Math.random(), lon: 19 + Math.random() };
    const unit = await makeUnitWithProfile(t.db.db, { name: 'Vårdcentralen Triageby', kind: 'vardcentral', locality: 'Triageby' }, { openingHours: aroundTheClock(), latitude: place.lat, longitude: place.lon });
    const { outcome } = await runThrough('sore-throat', 30, ['jaw-stiffness'], {}, place);
    expect(outcome.urgency).toBe('care-today');
    expect(outcome.routing.careKind).toBe('vardcentral');
    expect(outcome.routing.units.map((u) => u.name)).toContain(unit.name ?? 'Vårdcentralen Triageby');
  });

  it('answers a number question with the measurement code and UCUM unit', async () => {
    const created = await post('/api/triage/sessions', { complaint: 'fever', ageYears: 0.1, sex: 'female', forSomeoneElse: true, lang: 'en' });
    let step = (created.json() as { step: Step }).step;
    const { sessionId } = created.json() as { sessionId: string };
    while (step.kind === 'question' && step.question.type !== 'number') {
      const response = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: step.question.id, answer: step.question.type === 'boolean' ? false : ['none'] });
      step = (response.json() as { step: Step }).step;
    }
    expect(step.kind === 'question' && step.question).toMatchObject({ type: 'number', unit: 'Cel', code: { code: '386725007' } });
    const outOfRange = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: (step as { question: { id: string } }).question.id, answer: 80 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.code).toBe('triage_answer_out_of_range');
    const answered = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: (step as { question: { id: string } }).question.id, answer: 38.2 });
    expect((answered.json() as { step: Step }).step).toMatchObject({ kind: 'outcome', outcome: { urgency: 'emergency-now' } });
    const summary = await t.app.inject({ method: 'GET', url: `/api/triage/sessions/${sessionId}/summary?lang=sv` });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ urgency: 'emergency-now', forSomeoneElse: true });
  });

  it('answers bad input with 4xx codes, never 500', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/api/triage/sessions', { complaint: 'nope', ageYears: 30, sex: 'male', forSomeoneElse: false, lang: 'sv' }, 400, 'triage_unknown_complaint'],
      ['/api/triage/sessions', { complaint: 'cough', ageYears: -1, sex: 'male', forSomeoneElse: false, lang: 'sv' }, 400, 'validation_failed'],
      ['/api/triage/sessions', { complaint: 'cough', ageYears: 30, sex: 'x', forSomeoneElse: false, lang: 'sv' }, 400, 'validation_failed'],
      ['/api/triage/sessions', 'not json at all', 415, ''],
      ['/api/triage/sessions/00000000-0000-4000-8000-000000000000/answers', { questionId: 'x', answer: true }, 404, 'triage_session_not_found'],
      ['/api/triage/sessions/not-a-uuid/answers', { questionId: 'x', answer: true }, 400, 'validation_failed'],
    ];
    for (const [url, body, status, code] of cases) {
      const response = await post(url, body);
      expect(response.statusCode, `${url} ${JSON.stringify(body)}: ${response.body}`).toBe(status);
      if (code) expect(response.json().error.code).toBe(code);
    }
    const created = await post('/api/triage/sessions', { complaint: 'cough', ageYears: 30, sex: 'male', forSomeoneElse: false, lang: 'sv' });
    const { sessionId, step } = created.json() as { sessionId: string; step: Step & { kind: 'question' } };
    const wrongQuestion = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: 'b-unknown', answer: true });
    expect(wrongQuestion.statusCode).toBe(409);
    const wrongType = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: step.question.id, answer: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('triage_invalid_answer');
    const missing = await post(`/api/triage/sessions/${sessionId}/answers`, { questionId: step.question.id });
    expect(missing.statusCode).toBe(400);
  });
});

describe('the decision flows for administrators', () => {
  it('shows every complaint\'s questions and rules to a region administrator, and nobody else', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/triage/flows' });
    expect(anonymous.statusCode).toBe(401);
    const region = await makeOrganisation(t.db.db, { kind: 'region' });
    const admin = await makeStaff(t.db.db, { profession: 'administrator', administers: [region.id] });
    const client = await loginAs(t.app, t.db.db, { staffId: admin.id });
    const response = await client.get('/api/admin/triage/flows?lang=sv');
    expect(response.statusCode, response.body).toBe(200);
    const { complaints, routing } = response.json() as { complaints: { id: string; rules: { level: string; when: string }[] }[]; routing: unknown[] };
    const chest = complaints.find((complaint) => complaint.id === 'chest-pain')!;
    expect(chest.rules[0]).toMatchObject({ level: 'call-112', when: expect.stringContaining('Bröstsmärta som strålar ut') });
    expect(routing.length).toBeGreaterThan(0);
    const nurse = await makeStaff(t.db.db, {});
    const forbidden = await (await loginAs(t.app, t.db.db, { staffId: nurse.id })).get('/api/admin/triage/flows');
    expect(forbidden.statusCode).toBe(403);
  });
});
