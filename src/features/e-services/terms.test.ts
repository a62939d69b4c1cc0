import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTerms, termsPoints } from './terms.ts';

const valid = `Villkor
- Du får svar inom två arbetsdagar.
- Tjänsten är inte för akuta besvär.
- Om du är ombud för någon annan ska du ha fullmakt.`;

describe('terms texts (B5)', () => {
  it('accepts a text that promises two working days and ends with the proxy point', () => {
    expect(checkTerms(valid)).toEqual([]);
  });

  it('accepts "två vardagar" and "2 arbetsdagar", as seed 002 writes both', () => {
    expect(checkTerms(valid.replace('två arbetsdagar', 'två vardagar'))).toEqual([]);
    expect(checkTerms(valid.replace('två arbetsdagar', '2 arbetsdagar'))).toEqual([]);
  });

  it('refuses a text without the two-working-day promise', () => {
    expect(checkTerms(valid.replace('Du får svar inom två arbetsdagar.', 'Vi svarar så fort vi kan.'))).toEqual(['missing_two_working_days']);
  });

  it('refuses a text where the proxy point is no longer last', () => {
    expect(checkTerms(`${valid}\n- Recept på narkotikaklassade läkemedel förnyas inte.`)).toEqual(['proxy_point_not_last']);
  });

  it('refuses a text without any proxy point, and an empty text', () => {
    expect(checkTerms('- Du får svar inom två arbetsdagar.')).toEqual(['proxy_point_not_last']);
    expect(checkTerms('   ')).toEqual(['empty']);
  });

  it('reads numbered points and points continued on the next line', () => {
    const text = '1. Du får svar inom\n   två arbetsdagar.\n2. Som ombud\n   behöver du fullmakt.';
    expect(termsPoints(text)).toEqual(['Du får svar inom två arbetsdagar.', 'Som ombud behöver du fullmakt.']);
    expect(checkTerms(text)).toEqual([]);
  });

  it('falls back to paragraphs when there are no points', () => {
    expect(checkTerms('Du får svar inom två arbetsdagar.\n\nSom ombud behöver du fullmakt.')).toEqual([]);
  });

  it('checks English texts with English words', () => {
    expect(checkTerms('- An answer within two working days.\n- As a proxy you need a power of attorney.', 'en')).toEqual([]);
    expect(checkTerms('- An answer soon.\n- As a proxy you need a power of attorney.', 'en')).toEqual(['missing_two_working_days']);
  });

  it('holds for every regional template in the catalogue', () => {
    const file = path.resolve(import.meta.dirname, '../../../content/e-services/catalogue.json');
    const catalogue = JSON.parse(fs.readFileSync(file, 'utf8')) as { eservices: { code: string; termsTemplate: { sv: string; en: string } }[] };
    for (const service of catalogue.eservices) {
      expect([service.code, checkTerms(service.termsTemplate.sv, 'sv')]).toEqual([service.code, []]);
      expect([service.code, checkTerms(service.termsTemplate.en, 'en')]).toEqual([service.code, []]);
    }
  });
});
