import { describe, expect, it } from 'vitest';
import { toFhirObservation, toFhirObservations, type StoredObservation } from './fhir.ts';

const base = { groupId: 'g1', patientId: 'p1', effectiveAt: new Date('2026-11-16T06:30:00Z'), recordedAt: new Date('2026-11-16T06:31:00Z'), source: 'manual' as const, device: null };
const row = (id: string, observation: string, code: string, unit: string, value: number, codeSystem = 'http://loinc.org'): StoredObservation => ({ ...base, id, observation, code, codeSystem, unit, value });

describe('FHIR Observation', () => {
  it('maps a weight to a vital-signs Observation with LOINC 29463-7 and a UCUM kg quantity', () => {
    expect(toFhirObservation({ ...row('o1', 'body_weight', '29463-7', 'kg', 81.3), source: 'bluetooth', device: 'Våg BT-100' })).toEqual({
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-16T06:30:00.000Z',
      issued: '2026-11-16T06:31:00.000Z',
      valueQuantity: { value: 81.3, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      method: { text: 'Bluetooth device' },
      device: { display: 'Våg BT-100' },
    });
  });
  it('maps SpO2 (59408-5, %) and heart rate (8867-4, /min)', () => {
    expect(toFhirObservation(row('o2', 'spo2', '59408-5', '%', 94)).valueQuantity).toEqual({ value: 94, unit: '%', system: 'http://unitsofmeasure.org', code: '%' });
    expect(toFhirObservation(row('o3', 'heart_rate', '8867-4', '/min', 72)).code.coding[0]!.code).toBe('8867-4');
  });
  it('makes a blood pressure reading one panel (85354-9) with systolic 8480-6 and diastolic 8462-4 components, the pulse its own', () => {
    const observations = toFhirObservations([row('s', 'systolic', '8480-6', 'mm[Hg]', 142), row('d', 'diastolic', '8462-4', 'mm[Hg]', 88), row('h', 'heart_rate', '8867-4', '/min', 70)]);
    expect(observations).toHaveLength(2);
    expect(observations[0]!.code.coding[0]!.code).toBe('85354-9');
    expect(observations[0]!.valueQuantity).toBeUndefined();
    expect(observations[0]!.component).toEqual([
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: 142, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: 88, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
    ]);
    expect(observations[1]!.code.coding[0]!.code).toBe('8867-4');
  });
  it('maps a questionnaire score to a survey Observation with an integer value', () => {
    const survey = toFhirObservation(row('q', 'cat', 'copd.cat', 'p', 18, 'urn:nara:self-monitoring'));
    expect(survey.category[0]!.coding[0]!.code).toBe('survey');
    expect(survey.code.coding[0]).toEqual({ system: 'urn:nara:self-monitoring', code: 'copd.cat' });
    expect(survey.valueInteger).toBe(18);
    expect(survey.valueQuantity).toBeUndefined();
  });
});
