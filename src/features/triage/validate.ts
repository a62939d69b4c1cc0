/**
 * The content validator (`npm run triage:check`, and a unit test): walks every complaint's
 * decision flow with representative answers (yes, no, "vet inte"; for a choice: none, each
 * option alone, all; for a number: each threshold the rules use, just below it, and unknown)
 * and checks that every path ends in an outcome, that every question can be reached, that
 * every code is in the vocabulary, and that both languages are complete.
 */
import { codesIn, decide, type Answer, type Complaint, type Condition, type Question, type RawContent, type Text, type TextList, type TriageContent, type TriageState, type Urgency } from './model.ts';

export type Coverage = {
  complaint: string;
  questions: number;
  reachable: number;
  paths: number;
  maxQuestions: number;
  outcomes: Partial<Record<Urgency, number>>;
  truncated: boolean;
};
export type ValidationReport = { errors: string[]; warnings: string[]; coverage: Coverage[] };

const MAX_PATHS = 100_000;

function thresholds(condition: Condition, code: string, into: Set<number>): Set<number> {
  if (condition.k === 'measure' && condition.code === code) {
    into.add(condition.value);
    into.add(condition.value - 0.5);
    into.add(condition.value + 0.5);
  } else if (condition.k === 'any' || condition.k === 'all') condition.of.forEach((child) => thresholds(child, code, into));
  else if (condition.k === 'not') thresholds(condition.of, code, into);
  return into;
}

function answersFor(complaint: Complaint, question: Question): Answer[] {
  switch (question.type) {
    case 'boolean':
      return [true, false, null];
    case 'number': {
      const values = new Set<number>();
      complaint.rules.forEach((rule) => thresholds(rule.when, question.code!, values));
      const inRange = [...values].filter((value) => value >= (question.min ?? -Infinity) && value <= (question.max ?? Infinity));
      return [...(inRange.length > 0 ? inRange : [question.min ?? 0]), null];
    }
    case 'choice': {
      const coded = question.options!.filter((option) => option.code).map((option) => option.id);
      if (!question.multiple) return [...question.options!.map((option) => option.id), null];
      return [['none'], ...coded.map((id) => [id]), ...(coded.length > 1 ? [coded] : []), null];
    }
  }
}

function walk(content: TriageContent, complaint: Complaint, person: TriageState['person'], coverage: Coverage, asked: Set<string>, errors: string[]) {
  const stack: TriageState[] = [{ complaintId: complaint.id, person, answers: {}, asked: [] }];
  while (stack.length > 0) {
    const state = stack.pop()!;
    if (coverage.paths >= MAX_PATHS) {
      coverage.truncated = true;
      return;
    }
    const decision = decide(content, state);
    if (decision.kind === 'outcome') {
      coverage.paths += 1;
      coverage.outcomes[decision.urgency] = (coverage.outcomes[decision.urgency] ?? 0) + 1;
      coverage.maxQuestions = Math.max(coverage.maxQuestions, state.asked.length);
      continue;
    }
    const question = decision.question;
    if (question.id in state.answers) {
      errors.push(`${complaint.id}: question ${question.id} is asked again after it was answered (a loop)`);
      continue;
    }
    asked.add(question.id);
    for (const answer of answersFor(complaint, question)) {
      stack.push({ ...state, answers: { ...state.answers, [question.id]: answer }, asked: [...state.asked, question.id] });
    }
  }
}

function checkText(text: Text | undefined, where: string, errors: string[]) {
  if (!text || !text.sv?.trim() || !text.en?.trim()) errors.push(`${where}: text missing in ${!text?.sv?.trim() ? 'Swedish' : 'English'}`);
}
function checkList(list: TextList | undefined, where: string, errors: string[]) {
  if (!list) return;
  if (list.sv.length !== list.en.length) errors.push(`${where}: ${list.sv.length} Swedish and ${list.en.length} English advice lines`);
  [...list.sv, ...list.en].forEach((line, index) => {
    if (!line.trim()) errors.push(`${where}: advice line ${index + 1} is empty`);
  });
}

/** People the flows are walked for: each sex, and ages from a newborn to old age. */
const PEOPLE: TriageState['person'][] = [0.1, 0.4, 3, 16, 35, 60, 80].flatMap((ageYears) =>
  (['female', 'male'] as const).map((sex) => ({ ageYears, sex, forSomeoneElse: false })),
);

export function validateContent(raw: RawContent, content: TriageContent): ValidationReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const coverage: Coverage[] = [];
  const known = (code: string, where: string) => {
    if (!content.vocabulary.has(code)) errors.push(`${where}: code ${code} is not in the vocabulary`);
  };
  for (const rawComplaint of raw.complaints) {
    checkText(rawComplaint.name, `${rawComplaint.id}: name`, rawComplaint.name ? errors : []);
    checkList(rawComplaint.advice, `${rawComplaint.id}: advice`, errors);
    rawComplaint.rules.forEach((rule, index) => {
      if (rule.title) checkText(rule.title, `${rawComplaint.id} rule ${index + 1} title`, errors);
      checkList(rule.advice, `${rawComplaint.id} rule ${index + 1}`, errors);
    });
  }
  for (const module of raw.modules) {
    module.rules.forEach((rule, index) => {
      if (rule.title) checkText(rule.title, `module ${module.id} rule ${index + 1} title`, errors);
      checkList(rule.advice, `module ${module.id} rule ${index + 1}`, errors);
    });
  }
  const codes = new Set<string>();
  for (const complaint of content.complaints.values()) {
    const where = `complaint ${complaint.id}`;
    known(complaint.code.code, where);
    if (codes.has(complaint.code.code)) errors.push(`${where}: code ${complaint.code.code} is used by another complaint`);
    codes.add(complaint.code.code);
    checkText(complaint.name, `${where}: name`, errors);
    if (complaint.advice.sv.length === 0 && complaint.floor === 'self-care') errors.push(`${where}: a complaint that can end in self-care needs self-care advice`);
    for (const question of complaint.questions) {
      checkText(question.text, `${where} question ${question.id}`, errors);
      if (question.code) known(question.code, `${where} question ${question.id}`);
      for (const option of question.options ?? []) {
        checkText(option.text, `${where} question ${question.id} option ${option.id}`, errors);
        if (option.code) known(option.code, `${where} question ${question.id} option ${option.id}`);
      }
      if ((question.options ?? []).filter((option) => !option.code).length > 1) errors.push(`${where} question ${question.id}: more than one option without a code`);
      if (question.type === 'number' && !question.unit) errors.push(`${where} question ${question.id}: a number question needs a UCUM unit`);
    }
    for (const rule of complaint.rules) {
      for (const code of codesIn(rule.when)) known(code, `${where} (${rule.source})`);
      if (rule.level === 'care-days' && complaint.floor !== 'self-care') warnings.push(`${where}: a care-days rule below the floor ${complaint.floor} never changes anything`);
    }
    const entry: Coverage = { complaint: complaint.id, questions: complaint.questions.length, reachable: 0, paths: 0, maxQuestions: 0, outcomes: {}, truncated: false };
    const asked = new Set<string>();
    for (const person of PEOPLE) walk(content, complaint, person, entry, asked, errors);
    entry.reachable = asked.size;
    if (entry.truncated) warnings.push(`${where}: more than ${MAX_PATHS} paths; the walk was cut short`);
    for (const question of complaint.questions) {
      if (!asked.has(question.id)) errors.push(`${where}: question ${question.id} is never asked (unreachable)`);
    }
    coverage.push(entry);
  }
  return { errors, warnings, coverage };
}

export function formatReport(report: ValidationReport): string {
  const lines = ['complaint                 questions reachable  paths  max-q  outcomes'];
  for (const entry of report.coverage) {
    const outcomes = Object.entries(entry.outcomes)
      .map(([level, count]) => `${level}:${count}`)
      .join(' ');
    lines.push(`${entry.complaint.padEnd(26)}${String(entry.questions).padStart(9)}${String(entry.reachable).padStart(10)}${String(entry.paths).padStart(7)}${String(entry.maxQuestions).padStart(7)}  ${outcomes}`);
  }
  lines.push('', `${report.coverage.length} complaints, ${report.errors.length} errors, ${report.warnings.length} warnings`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  for (const error of report.errors) lines.push(`ERROR: ${error}`);
  return lines.join('\n');
}
