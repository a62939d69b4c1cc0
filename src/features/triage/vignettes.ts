/**
 * The regression suite's runner: drives the engine through a vignette the way a patient
 * would, answering each question from the vignette's findings (a finding not listed is "no";
 * one listed under `unknown` is "vet inte"; a number not given is "vet inte").
 */
import fs from 'node:fs';
import path from 'node:path';
import { answer, decide, urgencies, urgencyRank, type Answer, type Question, type TriageContent, type TriageState, type Urgency } from './model.ts';

export type Vignette = {
  id: string;
  note: string;
  complaint: string;
  ageYears: number;
  sex: 'female' | 'male' | 'other';
  findings: string[];
  unknown?: string[];
  values?: Record<string, number>;
  expected: Urgency;
};

export function readVignettes(dir: string): Vignette[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { vignettes: Vignette[] }).vignettes);
}

function answerFrom(vignette: Vignette, question: Question): Answer {
  const has = (code: string) => vignette.findings.includes(code);
  const unknown = (code: string) => vignette.unknown?.includes(code) ?? false;
  switch (question.type) {
    case 'boolean':
      return unknown(question.code!) ? null : has(question.code!);
    case 'number':
      return vignette.values?.[question.code!] ?? null;
    case 'choice': {
      const coded = question.options!.filter((option) => option.code);
      if (coded.some((option) => unknown(option.code!))) return null;
      const chosen = coded.filter((option) => has(option.code!)).map((option) => option.id);
      if (question.multiple) return chosen.length > 0 ? chosen : ['none'];
      return chosen[0] ?? question.options!.find((option) => !option.code)?.id ?? null;
    }
  }
}

export type VignetteResult = { vignette: Vignette; got: Urgency; questions: number };

export function runVignette(content: TriageContent, vignette: Vignette): VignetteResult {
  let state: TriageState = { complaintId: vignette.complaint, person: { ageYears: vignette.ageYears, sex: vignette.sex, forSomeoneElse: false }, answers: {}, asked: [] };
  for (let guard = 0; guard < 100; guard += 1) {
    const decision = decide(content, state);
    if (decision.kind === 'outcome') return { vignette, got: decision.urgency, questions: state.asked.length };
    const result = answer(content, state, decision.question.id, answerFrom(vignette, decision.question));
    if ('problem' in result) throw new Error(`${vignette.id}: ${result.problem} at ${decision.question.id}`);
    state = result.state;
  }
  throw new Error(`${vignette.id}: no outcome after 100 questions`);
}

export type SuiteReport = {
  total: number;
  exact: number;
  safe: number;
  averageQuestions: number;
  perLevel: Record<Urgency, { total: number; exact: number; under: number; over: number }>;
  failures: VignetteResult[];
};

export function runSuite(content: TriageContent, vignettes: Vignette[]): SuiteReport {
  const perLevel = Object.fromEntries(urgencies.map((level) => [level, { total: 0, exact: 0, under: 0, over: 0 }])) as SuiteReport['perLevel'];
  const results = vignettes.map((vignette) => runVignette(content, vignette));
  for (const result of results) {
    const level = perLevel[result.vignette.expected];
    level.total += 1;
    const diff = urgencyRank[result.got] - urgencyRank[result.vignette.expected];
    if (diff === 0) level.exact += 1;
    else if (diff < 0) level.under += 1;
    else level.over += 1;
  }
  return {
    total: results.length,
    exact: results.filter((result) => result.got === result.vignette.expected).length,
    safe: results.filter((result) => urgencyRank[result.got] >= urgencyRank[result.vignette.expected]).length,
    averageQuestions: results.reduce((sum, result) => sum + result.questions, 0) / Math.max(results.length, 1),
    perLevel,
    failures: results.filter((result) => result.got !== result.vignette.expected),
  };
}

export function formatSuite(report: SuiteReport): string {
  const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [`vignettes: ${report.total}, exact ${report.exact} (${pct(report.exact, report.total)}), safe ${report.safe} (${pct(report.safe, report.total)}), average questions ${report.averageQuestions.toFixed(1)}`];
  lines.push('level           total  exact  under-triaged  over-triaged');
  for (const level of urgencies) {
    const row = report.perLevel[level];
    lines.push(`${level.padEnd(16)}${String(row.total).padStart(5)}${String(row.exact).padStart(7)}${String(row.under).padStart(15)}${String(row.over).padStart(14)}`);
  }
  for (const failure of report.failures) {
    const under = urgencyRank[failure.got] < urgencyRank[failure.vignette.expected];
    lines.push(`${under ? 'UNDER' : 'over '} ${failure.vignette.id}: expected ${failure.vignette.expected}, got ${failure.got} — ${failure.vignette.note}`);
  }
  return lines.join('\n');
}
