import { describe, expect, it } from 'vitest';
import { isAcceptableEmergencyReason, representationIsActive, type Representation } from './policy.ts';

describe('guardian (vårdnadshavare) access', () => {
  const guardianOf = (childBirthDate: string): Representation => ({ basis: 'guardian', childBirthDate });

  it('is active for a young child', () => {
    expect(representationIsActive(guardianOf('2024-03-01'), '2026-06-15')).toBe(true);
  });

  it('is active on the day before the 13th birthday', () => {
    expect(representationIsActive(guardianOf('2013-05-10'), '2026-05-09')).toBe(true);
  });

  it('ends on the 13th birthday', () => {
    expect(representationIsActive(guardianOf('2013-05-10'), '2026-05-10')).toBe(false);
  });

  it('stays ended after the 13th birthday', () => {
    expect(representationIsActive(guardianOf('2013-05-10'), '2026-05-11')).toBe(false);
    expect(representationIsActive(guardianOf('2000-01-01'), '2026-05-11')).toBe(false);
  });

  it('for a child born on 29 February, ends on 1 March of the year the child turns 13', () => {
    expect(representationIsActive(guardianOf('2012-02-29'), '2025-02-28')).toBe(true);
    expect(representationIsActive(guardianOf('2012-02-29'), '2025-03-01')).toBe(false);
  });

  it('does not depend on a scope', () => {
    expect(representationIsActive(guardianOf('2020-01-01'), '2026-06-15', 'records')).toBe(true);
    expect(representationIsActive(guardianOf('2010-01-01'), '2026-06-15', 'records')).toBe(false);
  });
});

describe('proxy (ombud) access', () => {
  const proxy: Representation = {
    basis: 'proxy',
    scopes: ['cases', 'messages'],
    validFrom: '2026-03-01',
    validUntil: '2026-08-31',
  };

  describe('period, both ends inclusive', () => {
    it('is not active the day before the first day', () => {
      expect(representationIsActive(proxy, '2026-02-28')).toBe(false);
    });

    it('is active on the first day', () => {
      expect(representationIsActive(proxy, '2026-03-01')).toBe(true);
    });

    it('is active within the period', () => {
      expect(representationIsActive(proxy, '2026-06-15')).toBe(true);
    });

    it('is active on the last day', () => {
      expect(representationIsActive(proxy, '2026-08-31')).toBe(true);
    });

    it('is not active the day after the last day', () => {
      expect(representationIsActive(proxy, '2026-09-01')).toBe(false);
    });

    it('works across a year boundary', () => {
      const overNewYear: Representation = { ...proxy, validFrom: '2026-12-15', validUntil: '2027-01-15' };
      expect(representationIsActive(overNewYear, '2026-12-31')).toBe(true);
      expect(representationIsActive(overNewYear, '2027-01-01')).toBe(true);
      expect(representationIsActive(overNewYear, '2027-01-16')).toBe(false);
    });

    it('is active only on that day when the period is a single day', () => {
      const oneDay: Representation = { ...proxy, validFrom: '2026-05-05', validUntil: '2026-05-05' };
      expect(representationIsActive(oneDay, '2026-05-04')).toBe(false);
      expect(representationIsActive(oneDay, '2026-05-05')).toBe(true);
      expect(representationIsActive(oneDay, '2026-05-06')).toBe(false);
    });
  });

  describe('scope', () => {
    it('is active for a scope the appointment includes', () => {
      expect(representationIsActive(proxy, '2026-06-15', 'cases')).toBe(true);
      expect(representationIsActive(proxy, '2026-06-15', 'messages')).toBe(true);
    });

    it('is not active for a scope the appointment does not include', () => {
      expect(representationIsActive(proxy, '2026-06-15', 'records')).toBe(false);
      expect(representationIsActive(proxy, '2026-06-15', 'appointments')).toBe(false);
    });

    it('is not active for an included scope outside the period', () => {
      expect(representationIsActive(proxy, '2026-09-01', 'cases')).toBe(false);
    });

    it('is not active for any scope when the appointment has none', () => {
      expect(representationIsActive({ ...proxy, scopes: [] }, '2026-06-15', 'cases')).toBe(false);
    });

    it('checks only the period when no scope is asked about', () => {
      expect(representationIsActive({ ...proxy, scopes: [] }, '2026-06-15')).toBe(true);
    });
  });
});

describe('emergency access (nödåtkomst) reason', () => {
  it('is refused when missing', () => {
    expect(isAcceptableEmergencyReason(undefined)).toBe(false);
  });

  it('is refused when empty or only whitespace', () => {
    expect(isAcceptableEmergencyReason('')).toBe(false);
    expect(isAcceptableEmergencyReason('              ')).toBe(false);
  });

  it('is refused with fewer than 10 characters', () => {
    expect(isAcceptableEmergencyReason('123456789')).toBe(false);
  });

  it('is accepted with exactly 10 characters', () => {
    expect(isAcceptableEmergencyReason('1234567890')).toBe(true);
  });

  it('does not count surrounding whitespace towards the 10 characters', () => {
    expect(isAcceptableEmergencyReason('   123456789   ')).toBe(false);
    expect(isAcceptableEmergencyReason('  1234567890  ')).toBe(true);
  });

  it('accepts a reason that says something', () => {
    expect(isAcceptableEmergencyReason('Medvetslös patient på akuten, behöver läkemedelslista')).toBe(true);
  });
});
