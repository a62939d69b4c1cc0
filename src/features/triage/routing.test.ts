import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRIAGE_CONTENT_DIR } from './content.ts';
import { route, routingRulesSchema, timeBandAt } from './routing.ts';

const rules = routingRulesSchema.parse(JSON.parse(fs.readFileSync(path.join(TRIAGE_CONTENT_DIR, 'routing.json'), 'utf8'))).rules;
const at = (iso: string) => new Date(iso);

describe('triage routing (G4)', () => {
  it('knows office hours, evenings, nights, weekends and Swedish holidays (which count as weekend)', () => {
    expect(timeBandAt(at('2026-11-24T09:00:00Z'))).toBe('office'); // Tuesday 10:00
    expect(timeBandAt(at('2026-11-24T17:30:00Z'))).toBe('evening'); // Tuesday 18:30
    expect(timeBandAt(at('2026-11-24T22:30:00Z'))).toBe('night'); // Tuesday 23:30
    expect(timeBandAt(at('2026-11-28T09:00:00Z'))).toBe('weekend-day'); // Saturday
    expect(timeBandAt(at('2026-12-25T09:00:00Z'))).toBe('weekend-day'); // juldagen, a Friday
    expect(timeBandAt(at('2026-12-24T09:00:00Z'))).toBe('weekend-day'); // julafton, a customary eve
  });

  const base = { complaintId: 'x', group: undefined, ageYears: 40, at: at('2026-11-24T09:00:00Z') };
  it('sends care-today to the vårdcentral in office hours, the jourcentral in the evening and 1177 at night', () => {
    expect(route(rules, { ...base, urgency: 'care-today' }).kinds[0]).toBe('vardcentral');
    expect(route(rules, { ...base, urgency: 'care-today', at: at('2026-11-24T18:00:00Z') }).kinds[0]).toBe('jourcentral');
    expect(route(rules, { ...base, urgency: 'care-today', at: at('2026-12-25T12:00:00Z') }).kinds[0]).toBe('jourcentral');
    expect(route(rules, { ...base, urgency: 'care-today', at: at('2026-11-24T23:00:00Z') }).kinds).toEqual(['1177']);
  });

  it('routes by complaint group and age: dental, rehab, youth clinic, child health centre; 112 always first for call-112', () => {
    expect(route(rules, { ...base, urgency: 'care-days', group: 'dental' }).kinds[0]).toBe('folktandvard');
    expect(route(rules, { ...base, urgency: 'care-days', group: 'msk' }).kinds[0]).toBe('rehabilitering');
    expect(route(rules, { ...base, urgency: 'care-days', group: 'sexual', ageYears: 17 }).kinds[0]).toBe('ungdomsmottagning');
    expect(route(rules, { ...base, urgency: 'care-days', group: 'sexual', ageYears: 40 }).kinds[0]).toBe('vardcentral');
    expect(route(rules, { ...base, urgency: 'care-days', group: 'baby', ageYears: 0.2 }).kinds[0]).toBe('barnavardscentral');
    expect(route(rules, { ...base, urgency: 'emergency-now' }).kinds[0]).toBe('akutmottagning');
    expect(route([{ id: 'odd', kinds: ['vardcentral'] }], { ...base, urgency: 'call-112' }).kinds[0]).toBe('112');
    expect(route([], { ...base, urgency: 'care-days' }).kinds).toEqual(['1177']);
    // An administrator's rule cannot take the emergency department away from an emergency.
    expect(route([{ id: 'odd', kinds: ['vardcentral'] }], { ...base, urgency: 'emergency-now' }).kinds).toEqual(['vardcentral', 'akutmottagning']);
  });
});
