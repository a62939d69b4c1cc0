import { describe, expect, it } from 'vitest';
import { checkActivation, everyone, offeringCell, patientGroupIncludes } from './model.ts';

describe('activating an e-service (B4)', () => {
  it('requires that the unit offers the same by phone or desk', () => {
    expect(checkActivation({ status: 'active', offeredByPhoneOrDesk: false, patientGroup: everyone }, true)).toEqual(['not_offered_by_phone_or_desk']);
    expect(checkActivation({ status: 'active', offeredByPhoneOrDesk: true, patientGroup: everyone }, true)).toEqual([]);
  });

  it('refuses a service the region has not opened for the unit kind', () => {
    expect(checkActivation({ status: 'active', offeredByPhoneOrDesk: true, patientGroup: everyone }, false)).toEqual(['service_not_for_unit_kind']);
  });

  it('needs a real reason for "not applicable"', () => {
    expect(checkActivation({ status: 'not_applicable', reason: ' ' }, true)).toEqual(['reason_required']);
    expect(checkActivation({ status: 'not_applicable', reason: 'Vi skriver inte ut recept.' }, true)).toEqual([]);
  });

  it('refuses an age band that is upside down', () => {
    expect(checkActivation({ status: 'active', offeredByPhoneOrDesk: true, patientGroup: { listedOnly: false, minAge: 40, maxAge: 18 } }, true)).toEqual(['age_band_invalid']);
  });

  it('lets a unit turn a service off at any time', () => {
    expect(checkActivation({ status: 'inactive' }, false)).toEqual([]);
  });
});

describe('staged rollout to patient groups (J1)', () => {
  it('includes everyone by default', () => {
    expect(patientGroupIncludes(everyone, { listedAtUnit: false, age: 3 })).toBe(true);
  });
  it('can be limited to listed patients and an age band, inclusive', () => {
    const group = { listedOnly: true, minAge: 18, maxAge: 64 };
    expect(patientGroupIncludes(group, { listedAtUnit: true, age: 18 })).toBe(true);
    expect(patientGroupIncludes(group, { listedAtUnit: true, age: 64 })).toBe(true);
    expect(patientGroupIncludes(group, { listedAtUnit: true, age: 65 })).toBe(false);
    expect(patientGroupIncludes(group, { listedAtUnit: false, age: 30 })).toBe(false);
  });
});

describe('the basic-offering overview cell', () => {
  it('is not applicable when the region excludes the unit kind or the unit says so, else active or missing', () => {
    expect(offeringCell('active', false)).toBe('not_applicable');
    expect(offeringCell('not_applicable', true)).toBe('not_applicable');
    expect(offeringCell('active', true)).toBe('active');
    expect(offeringCell('inactive', true)).toBe('missing');
    expect(offeringCell(undefined, true)).toBe('missing');
  });
});
