import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatIdentityNumber, luhnCheckDigit, parseIdentityNumber } from './personnummer.ts';

// Check digits below were worked out by hand with the Luhn rule over the ten-digit form.
// 121212-1212 is Skatteverket's well-known test number; 701063-2391 a known samordningsnummer.

describe('parseIdentityNumber: twelve-digit form', () => {
  it('accepts twelve digits with a hyphen and normalises to twelve digits without separator', () => {
    expect(parseIdentityNumber('19121212-1212')).toEqual({
      normalised: '191212121212',
      kind: 'personnummer',
      birthDate: '1912-12-12',
    });
  });

  it('accepts twelve digits without a separator', () => {
    expect(parseIdentityNumber('198801011233')).toEqual({
      normalised: '198801011233',
      kind: 'personnummer',
      birthDate: '1988-01-01',
    });
  });

  it('takes the century from the twelve digits, whatever the separator', () => {
    expect(parseIdentityNumber('19121212+1212')?.birthDate).toBe('1912-12-12');
  });

  it('ignores surrounding whitespace', () => {
    expect(parseIdentityNumber('  19121212-1212\n')?.normalised).toBe('191212121212');
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseIdentityNumber('20000229-1235')?.birthDate).toBe('2000-02-29');
  });
});

describe('parseIdentityNumber: ten-digit form (century from today and the separator)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('with a hyphen, places a year not after this year in this century', () => {
    expect(parseIdentityNumber('121212-1212')).toEqual({
      normalised: '201212121212',
      kind: 'personnummer',
      birthDate: '2012-12-12',
    });
  });

  it('with a hyphen, places a year after this year in the previous century', () => {
    expect(parseIdentityNumber('270101-1237')?.birthDate).toBe('1927-01-01');
    expect(parseIdentityNumber('500615-1236')?.birthDate).toBe('1950-06-15');
  });

  it('with a plus (100 years or older), goes back one more century', () => {
    expect(parseIdentityNumber('121212+1212')).toEqual({
      normalised: '191212121212',
      kind: 'personnummer',
      birthDate: '1912-12-12',
    });
  });

  it('without a separator, reads it like the hyphen form', () => {
    expect(parseIdentityNumber('1212121212')?.normalised).toBe('201212121212');
  });
});

describe('parseIdentityNumber: samordningsnummer (day + 60)', () => {
  it('recognises a day of 61–91 as a samordningsnummer and gives the real birth date', () => {
    expect(parseIdentityNumber('19701063-2391')).toEqual({
      normalised: '197010632391',
      kind: 'samordningsnummer',
      birthDate: '1970-10-03',
    });
  });

  it('keeps the day + 60 in the normalised number', () => {
    expect(parseIdentityNumber('197010632391')?.normalised).toBe('197010632391');
  });

  it('handles a samordningsnummer for 29 February', () => {
    expect(parseIdentityNumber('20000289-1232')).toEqual({
      normalised: '200002891232',
      kind: 'samordningsnummer',
      birthDate: '2000-02-29',
    });
  });
});

describe('parseIdentityNumber: rejects', () => {
  it('a wrong check digit', () => {
    expect(parseIdentityNumber('19121212-1213')).toBeNull();
    expect(parseIdentityNumber('19701063-2392')).toBeNull();
  });

  // Each of these has a correct check digit; only the date is impossible.
  it.each([
    ['29 February in a year that is not a leap year', '19990229-1237'],
    ['month 13', '19121312-1211'],
    ['day 32', '19121232-1218'],
    ['day 00', '19121200-1216'],
    ['a samordningsnummer day of 92 (day 32)', '19701092-2396'],
    ['a samordningsnummer day of 60 (day 0)', '19701060-2394'],
  ])('an impossible date: %s', (_rule, input) => {
    expect(parseIdentityNumber(input)).toBeNull();
  });

  it.each([
    ['an empty string', ''],
    ['letters', 'abcdefgh-ijkl'],
    ['too few digits', '12121-1212'],
    ['too many digits', '1912121212120'],
    ['eleven digits', '19121212121'],
    ['a space as separator', '121212 1212'],
    ['a separator in the wrong place', '1912-12121212'],
    ['two separators', '19121212--1212'],
    ['another separator', '19121212/1212'],
    ['an interim number with a letter', '19121212-T212'],
    ['text around the number', 'pnr 19121212-1212'],
  ])('garbage: %s', (_what, input) => {
    expect(parseIdentityNumber(input)).toBeNull();
  });
});

describe('luhnCheckDigit', () => {
  it('gives the check digit of known numbers from the first nine digits of the ten-digit form', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('701063239')).toBe(1);
    expect(luhnCheckDigit('880101123')).toBe(3);
  });

  it('gives 0, not 10, when the sum is already a multiple of ten', () => {
    // 0·2 + 0 + 0·2 + 0 + 0·2 + 0 + 0·2 + 0 + 0·2 = 0
    expect(luhnCheckDigit('000000000')).toBe(0);
    // 5·2 = 10 → 1+0 = 1; plus 9 = 10
    expect(luhnCheckDigit('590000000')).toBe(0);
  });

  it('subtracts 9 from a doubled digit above 9', () => {
    // 9·2 = 18 → 9; sum 9; check 1
    expect(luhnCheckDigit('900000000')).toBe(1);
  });

  it('makes numbers that parseIdentityNumber accepts', () => {
    const nine = '850412567';
    const number = `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    expect(parseIdentityNumber(number)?.birthDate).toBe('1985-04-12');
  });
});

describe('formatIdentityNumber', () => {
  it('shows twelve digits as YYYYMMDD-NNNN', () => {
    expect(formatIdentityNumber('191212121212')).toBe('19121212-1212');
  });

  it('round-trips with parseIdentityNumber', () => {
    const parsed = parseIdentityNumber('197010632391');
    expect(formatIdentityNumber(parsed!.normalised)).toBe('19701063-2391');
  });
});
