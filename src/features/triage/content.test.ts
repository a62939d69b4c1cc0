import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRawContent, TRIAGE_CONTENT_DIR } from './content.ts';
import { compileContent, urgencyRank } from './model.ts';
import { formatReport, validateContent } from './validate.ts';
import { formatSuite, readVignettes, runSuite } from './vignettes.ts';

const raw = readRawContent();
const content = compileContent(raw);

describe('triage content (npm run triage:check)', () => {
  it('has at least 40 complaints, each with a distinct code, and no validation errors', () => {
    const report = validateContent(raw, content);
    console.log(formatReport(report));
    expect(report.errors).toEqual([]);
    expect(content.complaints.size).toBeGreaterThanOrEqual(40);
  });
});

describe('the vignette regression suite (content/triage/tests)', () => {
  const vignettes = readVignettes(path.join(TRIAGE_CONTENT_DIR, 'tests'));
  const report = runSuite(content, vignettes);

  it('has at least 100 vignettes covering every urgency level', () => {
    console.log(formatSuite(report));
    expect(report.total).toBeGreaterThanOrEqual(100);
    for (const level of Object.values(report.perLevel)) expect(level.total).toBeGreaterThan(0);
  });

  it('never under-triages a call-112 or emergency-now vignette', () => {
    expect(report.perLevel['call-112'].under).toBe(0);
    expect(report.perLevel['emergency-now'].under).toBe(0);
  });

  it('meets the targets: ≥ 85 % exact, ≥ 97 % safe, ≤ 12 questions on average', () => {
    expect(report.exact / report.total).toBeGreaterThanOrEqual(0.85);
    expect(report.safe / report.total).toBeGreaterThanOrEqual(0.97);
    expect(report.averageQuestions).toBeLessThanOrEqual(12);
  });

  it('refers only to complaints that exist', () => {
    for (const vignette of vignettes) expect(content.complaints.has(vignette.complaint), vignette.id).toBe(true);
    expect(Object.keys(urgencyRank)).toHaveLength(5);
  });
});
