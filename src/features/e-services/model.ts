/**
 * The regional basic offering (basutbud) of e-services and the rules for
 * turning them on at a unit (seed 002). Pure: no I/O.
 */
export const eserviceKinds = ['case_type', 'booking', 'chat', 'video', 'self_monitoring', 'forms', 'self_sampling'] as const;
export type EserviceKind = (typeof eserviceKinds)[number];

/** The eight standard case types of seed 002; they behave the same at every unit (B3). */
export const standardCaseTypes = [
  'bestall_tid',
  'av_omboka_tid',
  'fornya_recept',
  'kontakta_mig',
  'begar_intyg',
  'skicka_meddelande',
  'fraga_om_remiss',
  'egenremiss',
] as const;
export type StandardCaseType = (typeof standardCaseTypes)[number];

/** Förnya recept: two built-in control questions, then at most two of the unit's own (seed 002). */
export const MAX_EXTRA_QUESTIONS = 2;
export const EXTRA_QUESTIONS_ALLOWED: readonly string[] = ['fornya_recept'];

export const unitEserviceStatuses = ['active', 'inactive', 'not_applicable'] as const;
export type UnitEserviceStatus = (typeof unitEserviceStatuses)[number];

/** Whom an activation reaches during a staged rollout (J1). Empty = everyone. */
export type PatientGroup = { listedOnly: boolean; minAge: number | null; maxAge: number | null };
export const everyone: PatientGroup = { listedOnly: false, minAge: null, maxAge: null };

export function patientGroupIncludes(group: PatientGroup, patient: { listedAtUnit: boolean; age: number }): boolean {
  if (group.listedOnly && !patient.listedAtUnit) return false;
  if (group.minAge !== null && patient.age < group.minAge) return false;
  if (group.maxAge !== null && patient.age > group.maxAge) return false;
  return true;
}

export type ActivationRequest =
  | { status: 'active'; offeredByPhoneOrDesk: boolean; patientGroup: PatientGroup }
  | { status: 'inactive' }
  | { status: 'not_applicable'; reason: string };

export type ActivationProblem =
  | 'not_offered_by_phone_or_desk'
  | 'reason_required'
  | 'service_not_for_unit_kind'
  | 'age_band_invalid';

/**
 * B4: an e-service is turned on only where the unit already offers the same by
 * phone or at the desk; "not applicable" needs a reason the region can read.
 */
export function checkActivation(request: ActivationRequest, appliesToUnitKind: boolean): ActivationProblem[] {
  const problems: ActivationProblem[] = [];
  if (request.status === 'active') {
    if (!appliesToUnitKind) problems.push('service_not_for_unit_kind');
    if (!request.offeredByPhoneOrDesk) problems.push('not_offered_by_phone_or_desk');
    const { minAge, maxAge } = request.patientGroup;
    if ((minAge !== null && minAge < 0) || (maxAge !== null && maxAge > 130) || (minAge !== null && maxAge !== null && minAge > maxAge)) {
      problems.push('age_band_invalid');
    }
  }
  if (request.status === 'not_applicable' && request.reason.trim().length < 5) problems.push('reason_required');
  return problems;
}

/** One cell of the region's basic-offering overview. */
export type OfferingCell = 'active' | 'missing' | 'not_applicable';

export function offeringCell(status: UnitEserviceStatus | undefined, appliesToUnitKind: boolean): OfferingCell {
  if (!appliesToUnitKind || status === 'not_applicable') return 'not_applicable';
  return status === 'active' ? 'active' : 'missing';
}
