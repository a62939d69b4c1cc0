/**
 * Terms texts (villkorstexter), B5 and seed 002: units may adjust the regional
 * template, but every case type's terms must say the patient gets an answer
 * within two working days, and the point about proxies (ombud) must be the last
 * point. A text is paragraphs and points; a point is a line starting with
 * "-", "•", "*" or a number and a full stop.
 */
export type TermsProblem = 'empty' | 'missing_two_working_days' | 'proxy_point_not_last';
export type TermsLanguage = 'sv' | 'en';

const POINT = /^\s*(?:[-•*]|\d+[.)])\s+/;

const twoWorkingDays: Record<TermsLanguage, RegExp> = {
  // Seed 002 says both "två arbetsdagar" and "två vardagar"; either states the promise.
  sv: /\b(?:två|2)\s+(?:arbetsdagar|vardagar)\b/i,
  en: /\b(?:two|2)\s+(?:working|business)\s+days\b/i,
};
const proxyWords: Record<TermsLanguage, RegExp> = {
  sv: /\bombud/i,
  en: /\bprox(?:y|ies)\b/i,
};

/** The points of a text in order; if it has none, its paragraphs. */
export function termsPoints(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const points: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (POINT.test(line)) {
      if (current !== null) points.push(current);
      current = line.replace(POINT, '').trim();
    } else if (current !== null && line.trim() !== '') {
      current += ` ${line.trim()}`; // a point continued on the next line
    } else if (current !== null) {
      points.push(current);
      current = null;
    }
  }
  if (current !== null) points.push(current);
  if (points.length > 0) return points;
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export function checkTerms(text: string, language: TermsLanguage = 'sv'): TermsProblem[] {
  if (text.trim() === '') return ['empty'];
  const problems: TermsProblem[] = [];
  if (!twoWorkingDays[language].test(text.replace(/\s+/g, ' '))) problems.push('missing_two_working_days');
  const points = termsPoints(text);
  const last = points.at(-1) ?? '';
  if (!proxyWords[language].test(last)) problems.push('proxy_point_not_last');
  return problems;
}
