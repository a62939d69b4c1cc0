import { describe, expect, it } from 'vitest';
import { pickLanguage } from './errors.ts';

describe('pickLanguage', () => {
  describe('Swedish by default', () => {
    it('is Swedish without an Accept-Language header', () => {
      expect(pickLanguage(undefined)).toBe('sv');
    });

    it('is Swedish for an empty header', () => {
      expect(pickLanguage('')).toBe('sv');
    });

    it('is Swedish for languages we do not offer', () => {
      expect(pickLanguage('de-DE, fr;q=0.8, nb;q=0.5')).toBe('sv');
    });

    it('is Swedish for a wildcard', () => {
      expect(pickLanguage('*')).toBe('sv');
    });
  });

  describe('plain tags', () => {
    it('is English when English is asked for', () => {
      expect(pickLanguage('en')).toBe('en');
    });

    it('is Swedish when Swedish is asked for', () => {
      expect(pickLanguage('sv')).toBe('sv');
    });

    it('takes the first of equally weighted languages', () => {
      expect(pickLanguage('en, sv')).toBe('en');
      expect(pickLanguage('sv, en')).toBe('sv');
    });
  });

  describe('regional variants', () => {
    it("reads 'en-GB' and 'en-US' as English", () => {
      expect(pickLanguage('en-GB')).toBe('en');
      expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    });

    it("reads 'sv-FI' as Swedish", () => {
      expect(pickLanguage('sv-FI, en;q=0.5')).toBe('sv');
    });

    it('ignores letter case', () => {
      expect(pickLanguage('EN-gb')).toBe('en');
    });
  });

  describe('q-values', () => {
    it('prefers the language with the higher q-value, wherever it stands', () => {
      expect(pickLanguage('sv;q=0.5, en;q=0.9')).toBe('en');
      expect(pickLanguage('en;q=0.4, sv;q=0.6')).toBe('sv');
    });

    it('gives a tag without a q-value the weight 1', () => {
      expect(pickLanguage('sv;q=0.9, en')).toBe('en');
    });

    it('accepts spaces around the separators', () => {
      expect(pickLanguage('sv ; q=0.3 ,  en ; q=0.7')).toBe('en');
    });

    it('skips unknown languages, even preferred ones, to the first we offer', () => {
      expect(pickLanguage('fr-FR, fr;q=0.9, en-GB;q=0.8, sv;q=0.7')).toBe('en');
      expect(pickLanguage('de, sv;q=0.8, en;q=0.7')).toBe('sv');
    });

    it('does not choose a language marked not acceptable with q=0', () => {
      expect(pickLanguage('en;q=0')).toBe('sv');
      expect(pickLanguage('fr, en;q=0')).toBe('sv');
      expect(pickLanguage('fr, en-GB;q=0.0')).toBe('sv');
    });

    it('still chooses English when only Swedish is marked not acceptable', () => {
      expect(pickLanguage('sv;q=0, en;q=0.1')).toBe('en');
    });
  });
});
