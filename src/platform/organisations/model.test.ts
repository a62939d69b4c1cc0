import { describe, expect, it } from 'vitest';
import { normaliseOptionPackages } from './model.ts';

describe('normaliseOptionPackages', () => {
  describe('valid sets', () => {
    it('accepts the base package alone', () => {
      expect(normaliseOptionPackages([1])).toEqual([1]);
    });

    it('accepts every package', () => {
      expect(normaliseOptionPackages([1, 2, 3])).toEqual([1, 2, 3]);
    });

    it('sorts the packages', () => {
      expect(normaliseOptionPackages([3, 1, 2])).toEqual([1, 2, 3]);
      expect(normaliseOptionPackages([3, 1])).toEqual([1, 3]);
    });

    it('removes duplicates', () => {
      expect(normaliseOptionPackages([2, 1, 2, 1, 1])).toEqual([1, 2]);
    });

    it('does not change the array it was given', () => {
      const given = [3, 1, 3];
      normaliseOptionPackages(given);
      expect(given).toEqual([3, 1, 3]);
    });
  });

  describe('the base package 1 is required', () => {
    it('refuses an empty set', () => {
      expect(normaliseOptionPackages([])).toEqual({
        invalid: 'option package 1 (information exchange) is the base and cannot be left out',
      });
    });

    it('refuses chosen packages without the base', () => {
      expect(normaliseOptionPackages([2, 3])).toEqual({
        invalid: 'option package 1 (information exchange) is the base and cannot be left out',
      });
    });
  });

  describe('unknown packages', () => {
    it('refuses a package that does not exist', () => {
      expect(normaliseOptionPackages([1, 4])).toEqual({ invalid: 'unknown option package 4' });
    });

    it('refuses 0, negative and fractional numbers', () => {
      expect(normaliseOptionPackages([1, 0])).toEqual({ invalid: 'unknown option package 0' });
      expect(normaliseOptionPackages([1, -2])).toEqual({ invalid: 'unknown option package -2' });
      expect(normaliseOptionPackages([1, 1.5])).toEqual({ invalid: 'unknown option package 1.5' });
    });

    it('names every unknown package once, in numeric order', () => {
      expect(normaliseOptionPackages([1, 12, 4, 12, 9])).toEqual({ invalid: 'unknown option package 4, 9, 12' });
    });

    it('reports unknown packages before a missing base', () => {
      expect(normaliseOptionPackages([7])).toEqual({ invalid: 'unknown option package 7' });
    });
  });
});
