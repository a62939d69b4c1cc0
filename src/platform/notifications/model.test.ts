import { describe, expect, it } from 'vitest';
import { formatSwedishMobile, normaliseEmail, normaliseSwedishMobile } from './model.ts';

describe('normaliseSwedishMobile', () => {
  it.each([
    ['0701740605', '+46701740605'],
    ['070-174 06 05', '+46701740605'],
    ['070 174 06 05', '+46701740605'],
    ['(070) 174-06-05', '+46701740605'],
    ['+46701740605', '+46701740605'],
    ['+46 70 174 06 05', '+46701740605'],
    ['+46 (0)70 174 06 05', '+46701740605'],
    ['0046701740605', '+46701740605'],
    ['  0761234567 ', '+46761234567'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseSwedishMobile(input)).toBe(expected);
  });

  it.each([
    ['a landline number', '08-123 456 78'],
    ['a number that is too short', '070123456'],
    ['a number that is too long', '07012345678'],
    ['a foreign number', '+4791234567'],
    ['letters', '070-ABC DE FG'],
    ['nothing', ''],
  ])('refuses %s', (_what, input) => {
    expect(normaliseSwedishMobile(input)).toBeNull();
  });

  it('shows a stored number the Swedish way', () => {
    expect(formatSwedishMobile('+46701740605')).toBe('070-174 06 05');
    expect(formatSwedishMobile('+4791234567')).toBe('+4791234567');
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain, keeping the local part as written', () => {
    expect(normaliseEmail('  Anna.Lindqvist@Example.SE ')).toBe('Anna.Lindqvist@example.se');
  });
});
