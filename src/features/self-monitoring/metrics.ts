/**
 * What can be measured at home: each metric's LOINC code, UCUM unit and the range a real
 * reading can lie in (plausibility, F2). Programmes (content/self-monitoring/*.json) choose
 * among these; a programme's questionnaires (breathlessness, sputum colour …) become
 * observations of their own, coded in Nära's local code system (see questionnaireCoding).
 * Pure: used by the server and the web app.
 */
export type Localised = { sv: string; en: string };

export type MetricCode = 'systolic' | 'diastolic' | 'heart_rate' | 'body_weight' | 'spo2' | 'body_temperature' | 'blood_glucose';

export type MetricDefinition = {
  code: MetricCode;
  name: Localised;
  /** LOINC code and display, so an observation maps directly to FHIR Observation.code. */
  loinc: { code: string; display: string };
  /** UCUM code (FHIR Observation.valueQuantity.code) and how people write it. */
  ucum: string;
  unitLabel: string;
  /** Readings outside [min, max] are refused as typing or device errors. */
  plausible: { min: number; max: number };
  decimals: number;
};

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** Nära's own code system for programme questionnaires that have no LOINC code. */
export const LOCAL_CODE_SYSTEM = 'urn:nara:self-monitoring';

export const metrics: Record<MetricCode, MetricDefinition> = {
  systolic: {
    code: 'systolic',
    name: { sv: 'Övertryck (systoliskt)', en: 'Systolic pressure' },
    loinc: { code: '8480-6', display: 'Systolic blood pressure' },
    ucum: 'mm[Hg]',
    unitLabel: 'mmHg',
    plausible: { min: 50, max: 300 },
    decimals: 0,
  },
  diastolic: {
    code: 'diastolic',
    name: { sv: 'Undertryck (diastoliskt)', en: 'Diastolic pressure' },
    loinc: { code: '8462-4', display: 'Diastolic blood pressure' },
    ucum: 'mm[Hg]',
    unitLabel: 'mmHg',
    plausible: { min: 30, max: 200 },
    decimals: 0,
  },
  heart_rate: {
    code: 'heart_rate',
    name: { sv: 'Puls', en: 'Pulse' },
    loinc: { code: '8867-4', display: 'Heart rate' },
    ucum: '/min',
    unitLabel: 'slag/min',
    plausible: { min: 25, max: 250 },
    decimals: 0,
  },
  body_weight: {
    code: 'body_weight',
    name: { sv: 'Vikt', en: 'Weight' },
    loinc: { code: '29463-7', display: 'Body weight' },
    ucum: 'kg',
    unitLabel: 'kg',
    plausible: { min: 20, max: 350 },
    decimals: 1,
  },
  spo2: {
    code: 'spo2',
    name: { sv: 'Syremättnad', en: 'Oxygen saturation' },
    loinc: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
    ucum: '%',
    unitLabel: '%',
    plausible: { min: 50, max: 100 },
    decimals: 0,
  },
  body_temperature: {
    code: 'body_temperature',
    name: { sv: 'Kroppstemperatur', en: 'Body temperature' },
    loinc: { code: '8310-5', display: 'Body temperature' },
    ucum: 'Cel',
    unitLabel: '°C',
    plausible: { min: 30, max: 45 },
    decimals: 1,
  },
  blood_glucose: {
    code: 'blood_glucose',
    name: { sv: 'Blodsocker', en: 'Blood glucose' },
    loinc: { code: '15074-8', display: 'Glucose [Moles/volume] in Blood' },
    ucum: 'mmol/L',
    unitLabel: 'mmol/l',
    plausible: { min: 1, max: 40 },
    decimals: 1,
  },
};

export const metricCodes = Object.keys(metrics) as MetricCode[];

export function isMetricCode(value: string): value is MetricCode {
  return Object.hasOwn(metrics, value);
}
