import { isMetricCode, LOCAL_CODE_SYSTEM, LOINC_SYSTEM, metrics, UCUM_SYSTEM } from './metrics.ts';

/**
 * Stored readings as FHIR R4 Observations (I5), pure. Each metric row carries its LOINC
 * code and UCUM unit, so a row maps directly to an Observation with valueQuantity; a
 * systolic and diastolic taken together become one blood pressure panel (LOINC 85354-9)
 * with two components, as the FHIR vital-signs profile asks. A questionnaire's total score
 * is a survey Observation in Nära's local code system.
 */
export type StoredObservation = {
  id: string;
  groupId: string;
  patientId: string;
  observation: string;
  code: string;
  codeSystem: string;
  unit: string;
  value: number;
  effectiveAt: Date;
  recordedAt: Date;
  source: 'manual' | 'bluetooth';
  device: string | null;
};

type Coding = { system: string; code: string; display?: string };
type Quantity = { value: number; unit: string; system: string; code: string };
export type FhirObservation = {
  resourceType: 'Observation';
  id: string;
  status: 'final';
  category: { coding: Coding[] }[];
  code: { coding: Coding[]; text?: string };
  subject: { reference: string };
  effectiveDateTime: string;
  issued: string;
  valueQuantity?: Quantity;
  valueInteger?: number;
  component?: { code: { coding: Coding[] }; valueQuantity: Quantity }[];
  method?: { text: string };
  device?: { display: string };
};

const category = (code: 'vital-signs' | 'survey') => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];

function quantityOf(row: StoredObservation): Quantity {
  const metric = isMetricCode(row.observation) ? metrics[row.observation] : undefined;
  return { value: row.value, unit: metric?.unitLabel ?? row.unit, system: UCUM_SYSTEM, code: row.unit };
}

function codingOf(row: StoredObservation): Coding {
  const metric = isMetricCode(row.observation) ? metrics[row.observation] : undefined;
  return metric ? { system: LOINC_SYSTEM, code: metric.loinc.code, display: metric.loinc.display } : { system: row.codeSystem, code: row.code };
}

export function toFhirObservation(row: StoredObservation): FhirObservation {
  const survey = row.codeSystem === LOCAL_CODE_SYSTEM;
  return {
    resourceType: 'Observation',
    id: row.id,
    status: 'final',
    category: category(survey ? 'survey' : 'vital-signs'),
    code: { coding: [codingOf(row)] },
    subject: { reference: `Patient/${row.patientId}` },
    effectiveDateTime: row.effectiveAt.toISOString(),
    issued: row.recordedAt.toISOString(),
    ...(survey ? { valueInteger: row.value } : { valueQuantity: quantityOf(row) }),
    method: { text: row.source === 'bluetooth' ? 'Bluetooth device' : 'Entered by the patient' },
    ...(row.device ? { device: { display: row.device } } : {}),
  };
}

/** A reading (the rows of one group) as Observations: systolic + diastolic → one blood pressure panel. */
export function toFhirObservations(rows: StoredObservation[]): FhirObservation[] {
  const systolic = rows.find((row) => row.observation === 'systolic');
  const diastolic = rows.find((row) => row.observation === 'diastolic');
  const rest = rows.filter((row) => row !== systolic && row !== diastolic).map(toFhirObservation);
  if (!systolic || !diastolic) return [...[systolic, diastolic].filter((row): row is StoredObservation => !!row).map(toFhirObservation), ...rest];
  const panel: FhirObservation = {
    ...toFhirObservation(systolic),
    id: systolic.groupId,
    code: { coding: [{ system: LOINC_SYSTEM, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
    component: [systolic, diastolic].map((row) => ({ code: { coding: [codingOf(row)] }, valueQuantity: quantityOf(row) })),
  };
  delete panel.valueQuantity;
  return [panel, ...rest];
}
