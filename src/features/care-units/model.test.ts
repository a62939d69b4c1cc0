import { describe, expect, it } from 'vitest';
import { foldDiacritics, searchTerms, unitSearchText } from './model.ts';

describe('unit search words', () => {
  it('expands abbreviations and folds diacritics, so word order and spelling matter less', () => {
    expect(searchTerms('VC Ekby')).toEqual(['vardcentral', 'ekby']);
    expect(searchTerms('ekby vårdcentral')).toEqual(['ekby', 'vardcentral']);
    expect(searchTerms('  bvc,   Strandvik! ')).toEqual(['barnavardscentral', 'strandvik']);
    expect(searchTerms('')).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('folds å, ä, ö and accents', () => {
    expect(foldDiacritics('Hjärtsvikt på Lindö, café')).toBe('Hjartsvikt pa Lindo, cafe');
  });

  it('finds a unit by name, place, kind synonyms and care, with and without diacritics', () => {
    const text = unitSearchText({ name: 'Vårdcentralen Ekby', locality: 'Ekby', city: 'Ekby', kind: 'vardcentral', careOffered: ['diabetes'] }).split(' ');
    expect(text).toEqual(expect.arrayContaining(['vårdcentralen', 'vardcentralen', 'ekby', 'vc', 'diabetesmottagning']));
    expect(new Set(text).size).toBe(text.length);
  });
});
