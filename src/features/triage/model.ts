/**
 * Sök vård — the triage engine (G1–G3). Pure and deterministic: content (complaints, shared
 * red-flag modules, the coded vocabulary) is compiled once; a session is the complaint, the
 * person (age, sex) and the answers so far; `nextStep` gives the next question or the outcome.
 *
 * How it decides:
 * - Each complaint has rules "if <condition> then at least <urgency>", from its shared modules
 *   (red flags) and its own. Rules are tried from the most urgent level down.
 * - A condition is evaluated in four values: yes, no, maybe (answered "vet inte"), pending
 *   (not asked yet). "Vet inte" counts as yes — the more urgent branch — so an unknown finding
 *   that could raise the level does raise it (cautious by construction).
 * - At the most urgent level that still has rules not ruled out: if one fires, that is the
 *   outcome (stop as soon as it is certain); otherwise the first open rule's first unanswered
 *   finding is asked next. So red flags come first, and questions depend on the answers.
 * - When every rule is ruled out, the complaint's own floor level (usually self-care) applies.
 */

export const urgencies = ['call-112', 'emergency-now', 'care-today', 'care-days', 'self-care'] as const;
export type Urgency = (typeof urgencies)[number];
/** Higher is more urgent. */
export const urgencyRank: Record<Urgency, number> = { 'call-112': 4, 'emergency-now': 3, 'care-today': 2, 'care-days': 1, 'self-care': 0 };

export type Lang = 'sv' | 'en';
export type Text = { sv: string; en: string };
export type TextList = { sv: string[]; en: string[] };
export type Coding = { system: string; code: string };
export type Sex = 'female' | 'male' | 'other';
export type VocabularyEntry = Coding & { kind: string; sv: string; en: string; unit?: string };

// ---------------------------------------------------------------- raw content (JSON files)

/**
 * A condition in the content files:
 * - `"29857009"`: the finding with that code is present;
 * - `[a, b, …]`: any of them; `{ "all": [...] }`: all of them; `{ "not": c }`;
 * - `{ "age<": 0.25 }`, `{ "temp>=": 38 }`, `{ "days>=": 14 }`, `{ "pain>=": 7 }` (also `<=`, `>`);
 * - `{ "sex": "female" }`.
 */
export type RawCondition = string | RawCondition[] | { [key: string]: unknown };
export type RawRule = { '112'?: RawCondition; now?: RawCondition; today?: RawCondition; days?: RawCondition; title?: Text; advice?: TextList };
export type RawQuestion =
  | { id: string; text: Text; options: string[]; multiple?: boolean; none?: Text }
  | { code: string; text?: Text; id?: string }
  | { measure: string; text?: Text };
export type RawModule = { id: string; questions?: RawQuestion[]; rules: RawRule[] };
export type RawComplaint = {
  id: string;
  code: string;
  name?: Text;
  use?: string[];
  questions?: RawQuestion[];
  rules: RawRule[];
  else?: Urgency;
  advice?: TextList;
  routing?: string;
};
export type RawContent = { vocabulary: VocabularyEntry[]; modules: RawModule[]; complaints: RawComplaint[] };

// ---------------------------------------------------------------- compiled content

type Op = '<' | '<=' | '>=' | '>';
export type Condition =
  | { k: 'finding'; code: string }
  | { k: 'any'; of: Condition[] }
  | { k: 'all'; of: Condition[] }
  | { k: 'not'; of: Condition }
  | { k: 'age'; op: Op; value: number }
  | { k: 'sex'; value: Sex }
  | { k: 'measure'; code: string; op: Op; value: number };

export type QuestionOption = { id: string; code?: string; text: Text };
export type Question = {
  id: string;
  type: 'boolean' | 'choice' | 'number';
  text: Text;
  /** boolean: the finding asked about; number: the measurement. */
  code?: string;
  options?: QuestionOption[];
  multiple?: boolean;
  unit?: string;
  min?: number;
  max?: number;
};
export type Rule = { level: Exclude<Urgency, 'self-care'>; when: Condition; title?: Text; advice?: TextList; source: string };
export type Complaint = {
  id: string;
  code: Coding;
  name: Text;
  questions: Question[];
  questionById: Map<string, Question>;
  /** finding or measurement code → the question that asks about it */
  askerOf: Map<string, string>;
  rules: Rule[];
  floor: Urgency;
  advice: TextList;
  routing: string | undefined;
};
export type TriageContent = { vocabulary: Map<string, VocabularyEntry>; complaints: Map<string, Complaint>; modules: Map<string, RawModule> };

export const MEASURES: Record<string, { code: string; min: number; max: number; text: Text }> = {
  temp: {
    code: '386725007',
    min: 30,
    max: 45,
    text: { sv: 'Hur hög är temperaturen i grader (°C)? Mät gärna.', en: 'What is the temperature in degrees (°C)? Measure if you can.' },
  },
  days: {
    code: '162442009',
    min: 0,
    max: 36500,
    text: { sv: 'Hur många dagar har besvären pågått? (Mindre än en dag = 0)', en: 'How many days has the problem lasted? (Less than a day = 0)' },
  },
  pain: {
    code: '225908003',
    min: 0,
    max: 10,
    text: { sv: 'Hur ont gör det på en skala 0–10, där 10 är värsta tänkbara smärta?', en: 'How bad is the pain on a scale of 0–10, where 10 is the worst pain imaginable?' },
  },
};
export const AGE_CODE = '424144002';
const measureByCode = new Map(Object.entries(MEASURES).map(([alias, m]) => [m.code, { alias, ...m }]));

export class ContentError extends Error {}

const LEVEL_KEYS: Record<string, Rule['level']> = { '112': 'call-112', now: 'emergency-now', today: 'care-today', days: 'care-days' };
const COMPARISON = /^(age|temp|days|pain)(<=|>=|<|>)$/;

function parseCondition(raw: RawCondition, where: string): Condition {
  if (typeof raw === 'string') return { k: 'finding', code: raw };
  if (Array.isArray(raw)) return { k: 'any', of: raw.map((item) => parseCondition(item, where)) };
  if (raw && typeof raw === 'object') {
    const entries = Object.entries(raw);
    if (entries.length !== 1) throw new ContentError(`${where}: a condition object must have exactly one key, got ${JSON.stringify(raw)}`);
    const [key, value] = entries[0]!;
    if (key === 'all' && Array.isArray(value)) return { k: 'all', of: value.map((item) => parseCondition(item as RawCondition, where)) };
    if (key === 'any' && Array.isArray(value)) return { k: 'any', of: value.map((item) => parseCondition(item as RawCondition, where)) };
    if (key === 'not') return { k: 'not', of: parseCondition(value as RawCondition, where) };
    if (key === 'sex' && (value === 'female' || value === 'male' || value === 'other')) return { k: 'sex', value };
    const comparison = COMPARISON.exec(key);
    if (comparison && typeof value === 'number') {
      const [, what, op] = comparison as unknown as [string, string, Op];
      if (what === 'age') return { k: 'age', op, value };
      return { k: 'measure', code: MEASURES[what]!.code, op, value };
    }
  }
  throw new ContentError(`${where}: cannot read the condition ${JSON.stringify(raw)}`);
}

/** Every finding and measurement code a condition refers to, in order. */
export function codesIn(condition: Condition, into: string[] = []): string[] {
  switch (condition.k) {
    case 'finding':
    case 'measure':
      into.push(condition.code);
      break;
    case 'any':
    case 'all':
      condition.of.forEach((child) => codesIn(child, into));
      break;
    case 'not':
      codesIn(condition.of, into);
      break;
    default:
  }
  return into;
}

const NONE_TEXT: Text = { sv: 'Inget av detta', en: 'None of these' };

function label(vocabulary: Map<string, VocabularyEntry>, code: string): Text {
  const entry = vocabulary.get(code);
  return entry ? { sv: entry.sv, en: entry.en } : { sv: code, en: code };
}

function booleanText(vocabulary: Map<string, VocabularyEntry>, code: string): Text {
  const { sv, en } = label(vocabulary, code);
  return { sv: `Stämmer det här? ${sv}`, en: `Does this apply? ${en}` };
}

function compileQuestion(raw: RawQuestion, vocabulary: Map<string, VocabularyEntry>, where: string): Question {
  if ('options' in raw) {
    return {
      id: raw.id,
      type: 'choice',
      text: raw.text,
      multiple: raw.multiple ?? true,
      options: [...raw.options.map((code) => ({ id: code, code, text: label(vocabulary, code) })), { id: 'none', text: raw.none ?? NONE_TEXT }],
    };
  }
  if ('measure' in raw) {
    const measure = MEASURES[raw.measure] ?? (measureByCode.has(raw.measure) ? MEASURES[measureByCode.get(raw.measure)!.alias] : undefined);
    if (!measure) throw new ContentError(`${where}: unknown measure ${raw.measure}`);
    return {
      id: `n-${measure.code}`,
      type: 'number',
      text: raw.text ?? measure.text,
      code: measure.code,
      unit: vocabulary.get(measure.code)?.unit ?? '',
      min: measure.min,
      max: measure.max,
    };
  }
  return { id: raw.id ?? `b-${raw.code}`, type: 'boolean', text: raw.text ?? booleanText(vocabulary, raw.code), code: raw.code };
}

function compileRules(rawRules: RawRule[], source: string): Rule[] {
  return rawRules.map((raw, index) => {
    const levels = Object.keys(raw).filter((key) => key in LEVEL_KEYS);
    if (levels.length !== 1) throw new ContentError(`${source} rule ${index + 1}: exactly one of 112/now/today/days, got ${levels.join(',') || 'none'}`);
    const key = levels[0]!;
    return {
      level: LEVEL_KEYS[key]!,
      when: parseCondition((raw as Record<string, RawCondition>)[key]!, `${source} rule ${index + 1}`),
      ...(raw.title ? { title: raw.title } : {}),
      ...(raw.advice ? { advice: raw.advice } : {}),
      source,
    };
  });
}

export function compileContent(raw: RawContent): TriageContent {
  const vocabulary = new Map(raw.vocabulary.map((entry) => [entry.code, entry]));
  const modules = new Map(raw.modules.map((module) => [module.id, module]));
  const complaints = new Map<string, Complaint>();
  for (const rawComplaint of raw.complaints) {
    const where = `complaint ${rawComplaint.id}`;
    if (complaints.has(rawComplaint.id)) throw new ContentError(`${where}: defined twice`);
    const questions: Question[] = [];
    const rules: Rule[] = [];
    const addQuestions = (list: RawQuestion[] | undefined, source: string) => {
      for (const rawQuestion of list ?? []) {
        const question = compileQuestion(rawQuestion, vocabulary, source);
        if (!questions.some((existing) => existing.id === question.id)) questions.push(question);
      }
    };
    for (const moduleId of rawComplaint.use ?? []) {
      const module = modules.get(moduleId);
      if (!module) throw new ContentError(`${where}: unknown module ${moduleId}`);
      addQuestions(module.questions, `module ${moduleId}`);
      rules.push(...compileRules(module.rules, `module ${moduleId}`));
    }
    addQuestions(rawComplaint.questions, where);
    rules.push(...compileRules(rawComplaint.rules, where));
    // Which question asks about each code: the first declared one wins.
    const askerOf = new Map<string, string>();
    for (const question of questions) {
      for (const code of question.options ? question.options.flatMap((option) => (option.code ? [option.code] : [])) : question.code ? [question.code] : []) {
        if (!askerOf.has(code)) askerOf.set(code, question.id);
      }
    }
    // A code a rule needs and no question asks about becomes a yes/no (or number) question.
    for (const rule of rules) {
      for (const code of codesIn(rule.when)) {
        if (askerOf.has(code)) continue;
        const measure = measureByCode.get(code);
        const question = measure ? compileQuestion({ measure: measure.alias }, vocabulary, where) : compileQuestion({ code }, vocabulary, where);
        questions.push(question);
        askerOf.set(code, question.id);
      }
    }
    const order = (rule: Rule) => -urgencyRank[rule.level];
    const sorted = rules.map((rule, index) => ({ rule, index })).sort((a, b) => order(a.rule) - order(b.rule) || a.index - b.index);
    const code = vocabulary.get(rawComplaint.code);
    complaints.set(rawComplaint.id, {
      id: rawComplaint.id,
      code: { system: code?.system ?? 'http://snomed.info/sct', code: rawComplaint.code },
      name: rawComplaint.name ?? label(vocabulary, rawComplaint.code),
      questions,
      questionById: new Map(questions.map((question) => [question.id, question])),
      askerOf,
      rules: sorted.map(({ rule }) => rule),
      floor: rawComplaint.else ?? 'self-care',
      advice: rawComplaint.advice ?? { sv: [], en: [] },
      routing: rawComplaint.routing,
    });
  }
  return { vocabulary, complaints, modules };
}

// ---------------------------------------------------------------- sessions and evaluation

export type Answer = boolean | string | string[] | number | null;
export type Person = { ageYears: number; sex: Sex; forSomeoneElse: boolean };
export type TriageState = { complaintId: string; person: Person; answers: Record<string, Answer>; asked: string[] };

type Truth = 'yes' | 'no' | 'maybe' | 'pending';

type Context = { complaint: Complaint; state: TriageState };

function findingTruth(ctx: Context, code: string): Truth {
  const questionId = ctx.complaint.askerOf.get(code);
  if (!questionId || !(questionId in ctx.state.answers)) return 'pending';
  const answer = ctx.state.answers[questionId];
  if (answer === null || answer === undefined) return 'maybe';
  const question = ctx.complaint.questionById.get(questionId)!;
  if (question.type === 'boolean') return answer === true ? 'yes' : 'no';
  if (question.type === 'choice') {
    const chosen = Array.isArray(answer) ? answer : [answer];
    return question.options!.some((option) => option.code === code && chosen.includes(option.id)) ? 'yes' : 'no';
  }
  return 'pending';
}

function compare(left: number, op: Op, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>=':
      return left >= right;
    default:
      return left > right;
  }
}

function evaluate(ctx: Context, condition: Condition): Truth {
  switch (condition.k) {
    case 'finding':
      return findingTruth(ctx, condition.code);
    case 'measure': {
      const questionId = ctx.complaint.askerOf.get(condition.code);
      if (!questionId || !(questionId in ctx.state.answers)) return 'pending';
      const value = ctx.state.answers[questionId];
      if (typeof value !== 'number') return 'maybe';
      return compare(value, condition.op, condition.value) ? 'yes' : 'no';
    }
    case 'age':
      return compare(ctx.state.person.ageYears, condition.op, condition.value) ? 'yes' : 'no';
    case 'sex':
      if (ctx.state.person.sex === condition.value) return 'yes';
      return ctx.state.person.sex === 'other' ? 'maybe' : 'no';
    case 'not': {
      const inner = evaluate(ctx, condition.of);
      return inner === 'yes' ? 'no' : inner === 'no' ? 'yes' : inner;
    }
    case 'any': {
      let pending = false;
      let maybe = false;
      for (const child of condition.of) {
        const truth = evaluate(ctx, child);
        if (truth === 'yes') return 'yes';
        if (truth === 'maybe') maybe = true;
        if (truth === 'pending') pending = true;
      }
      return maybe ? 'maybe' : pending ? 'pending' : 'no';
    }
    case 'all': {
      let pending = false;
      let maybe = false;
      for (const child of condition.of) {
        const truth = evaluate(ctx, child);
        if (truth === 'no') return 'no';
        if (truth === 'maybe') maybe = true;
        if (truth === 'pending') pending = true;
      }
      return pending ? 'pending' : maybe ? 'maybe' : 'yes';
    }
  }
}

/** The question to ask to settle a pending condition: its first unanswered code, in order. */
function firstPendingQuestion(ctx: Context, condition: Condition): string | undefined {
  if (evaluate(ctx, condition) !== 'pending') return undefined;
  switch (condition.k) {
    case 'finding':
    case 'measure':
      return ctx.complaint.askerOf.get(condition.code);
    case 'not':
      return firstPendingQuestion(ctx, condition.of);
    case 'any':
    case 'all':
      for (const child of condition.of) {
        const next = firstPendingQuestion(ctx, child);
        if (next) return next;
      }
      return undefined;
    default:
      return undefined;
  }
}

export type Reason = { text: Text; code?: Coding; questionId?: string };

function coding(ctx: Context, code: string, vocabulary: Map<string, VocabularyEntry>): Coding {
  return { system: vocabulary.get(code)?.system ?? 'http://snomed.info/sct', code };
}

function reasonsFor(ctx: Context, condition: Condition, vocabulary: Map<string, VocabularyEntry>, negated = false): Reason[] {
  const truth = evaluate(ctx, condition);
  switch (condition.k) {
    case 'finding': {
      const name = label(vocabulary, condition.code);
      const base = { code: coding(ctx, condition.code, vocabulary), questionId: ctx.complaint.askerOf.get(condition.code)! };
      if (truth === 'maybe') return [{ ...base, text: { sv: `Vet inte: ${name.sv}`, en: `Not known: ${name.en}` } }];
      if (negated) return [{ ...base, text: { sv: `Nej: ${name.sv}`, en: `No: ${name.en}` } }];
      return [{ ...base, text: name }];
    }
    case 'measure': {
      const questionId = ctx.complaint.askerOf.get(condition.code)!;
      const value = ctx.state.answers[questionId];
      const name = label(vocabulary, condition.code);
      const unit = vocabulary.get(condition.code)?.unit ?? '';
      const base = { code: coding(ctx, condition.code, vocabulary), questionId };
      if (typeof value !== 'number') return [{ ...base, text: { sv: `Vet inte: ${name.sv}`, en: `Not known: ${name.en}` } }];
      const shown = (lang: Lang) =>
        unit === 'Cel' ? ` °C` : unit === 'd' ? (lang === 'sv' ? (value === 1 ? ' dag' : ' dagar') : value === 1 ? ' day' : ' days') : unit === '{score}' ? ' av 10'.replace('av', lang === 'sv' ? 'av' : 'of') : ` ${unit}`;
      return [{ ...base, text: { sv: `${name.sv}: ${String(value).replace('.', ',')}${shown('sv')}`, en: `${name.en}: ${value}${shown('en')}` } }];
    }
    case 'age': {
      const age = ctx.state.person.ageYears;
      const months = Math.floor(age * 12 + 1e-9);
      return [{ code: coding(ctx, AGE_CODE, vocabulary), text: age < 2 ? { sv: `Ålder: ${months} ${months === 1 ? 'månad' : 'månader'}`, en: `Age: ${months} ${months === 1 ? 'month' : 'months'}` } : { sv: `Ålder: ${Math.floor(age)} år`, en: `Age: ${Math.floor(age)} years` } }];
    }
    case 'sex':
      return [];
    case 'not':
      return reasonsFor(ctx, condition.of, vocabulary, !negated);
    case 'any': {
      const firing = condition.of.filter((child) => {
        const t = evaluate(ctx, child);
        return t === 'yes' || t === 'maybe';
      });
      return firing.flatMap((child) => reasonsFor(ctx, child, vocabulary, negated));
    }
    case 'all':
      return condition.of.flatMap((child) => reasonsFor(ctx, child, vocabulary, negated));
  }
}

export type Decision =
  | { kind: 'question'; question: Question }
  | { kind: 'outcome'; urgency: Urgency; rule: Rule | null; reasons: Reason[] };

export function decide(content: TriageContent, state: TriageState): Decision {
  const complaint = content.complaints.get(state.complaintId);
  if (!complaint) throw new ContentError(`No complaint ${state.complaintId}`);
  const ctx: Context = { complaint, state };
  for (const level of urgencies) {
    if (level === 'self-care') break;
    let open: Rule | undefined;
    for (const rule of complaint.rules) {
      if (rule.level !== level) continue;
      const truth = evaluate(ctx, rule.when);
      if (truth === 'yes' || truth === 'maybe') {
        if (urgencyRank[level] < urgencyRank[complaint.floor]) break;
        return { kind: 'outcome', urgency: level, rule, reasons: dedupe(reasonsFor(ctx, rule.when, content.vocabulary)) };
      }
      if (truth === 'pending' && !open) open = rule;
    }
    if (open) {
      const questionId = firstPendingQuestion(ctx, open.when);
      if (questionId) return { kind: 'question', question: complaint.questionById.get(questionId)! };
    }
  }
  return { kind: 'outcome', urgency: complaint.floor, rule: null, reasons: floorReasons(ctx, content.vocabulary) };
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = reason.text.en;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** When no rule fired, the answers given are the reasons: no warning signs were present. */
function floorReasons(ctx: Context, vocabulary: Map<string, VocabularyEntry>): Reason[] {
  const reasons: Reason[] = [{ text: { sv: 'Inga varningstecken enligt svaren', en: 'No warning signs in the answers' } }];
  for (const questionId of ctx.state.asked) {
    const question = ctx.complaint.questionById.get(questionId);
    if (!question || !(questionId in ctx.state.answers)) continue;
    const answer = ctx.state.answers[questionId];
    if (question.type === 'number' && typeof answer === 'number') {
      reasons.push(...reasonsFor(ctx, { k: 'measure', code: question.code!, op: '>=', value: -Infinity }, vocabulary));
    } else if (question.type === 'boolean' && answer === false) {
      reasons.push(...reasonsFor(ctx, { k: 'finding', code: question.code! }, vocabulary, true));
    } else if (question.type === 'choice' && (answer === 'none' || (Array.isArray(answer) && (answer.length === 0 || answer.includes('none'))))) {
      reasons.push({ questionId, text: { sv: `${question.text.sv} – Inget av detta`, en: `${question.text.en} – None of these` } });
    }
  }
  return reasons;
}

// ---------------------------------------------------------------- answers

export type AnswerProblem = 'question_not_current' | 'invalid_answer' | 'answer_out_of_range' | 'session_finished';

/**
 * Records an answer to the current question, or changes an earlier one (which drops every
 * answer given after it, since later questions depended on it). Returns the new state or why not.
 */
export function answer(content: TriageContent, state: TriageState, questionId: string, value: Answer): { state: TriageState } | { problem: AnswerProblem } {
  const complaint = content.complaints.get(state.complaintId)!;
  const question = complaint.questionById.get(questionId);
  const current = decide(content, state);
  const earlier = state.asked.indexOf(questionId);
  if (!question) return { problem: 'question_not_current' };
  if (earlier < 0) {
    if (current.kind === 'outcome') return { problem: 'session_finished' };
    if (current.question.id !== questionId) return { problem: 'question_not_current' };
  }
  const checked = checkAnswer(question, value);
  if ('problem' in checked) return checked;
  const keep = earlier < 0 ? state.asked : state.asked.slice(0, earlier);
  const answers: Record<string, Answer> = {};
  for (const id of keep) answers[id] = state.answers[id]!;
  answers[questionId] = checked.value;
  return { state: { ...state, asked: [...keep, questionId], answers } };
}

function checkAnswer(question: Question, value: Answer): { value: Answer } | { problem: AnswerProblem } {
  if (value === null) return { value: null };
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: 'invalid_answer' };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'invalid_answer' };
      if (value < (question.min ?? -Infinity) || value > (question.max ?? Infinity)) return { problem: 'answer_out_of_range' };
      return { value };
    case 'choice': {
      const ids = new Set(question.options!.map((option) => option.id));
      const chosen = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...new Set(value)] : null;
      if (!chosen || chosen.some((id) => !ids.has(id))) return { problem: 'invalid_answer' };
      if (!question.multiple && chosen.length !== 1) return { problem: 'invalid_answer' };
      if (chosen.includes('none') && chosen.length > 1) return { problem: 'invalid_answer' };
      return { value: question.multiple ? chosen : chosen[0]! };
    }
  }
}

// ---------------------------------------------------------------- presentation

export const LEVEL_TEXTS: Record<Urgency, { title: Text; advice: TextList }> = {
  'call-112': {
    title: { sv: 'Ring 112 nu', en: 'Call 112 now' },
    advice: {
      sv: ['Ring 112 direkt och säg vad som har hänt.', 'Kör inte bil själv. Lämna inte den sjuka ensam om du kan undvika det.', 'Om personen inte andas normalt: starta hjärt-lungräddning.'],
      en: ['Call 112 at once and say what has happened.', 'Do not drive yourself. Do not leave the person alone if you can avoid it.', 'If the person is not breathing normally: start CPR.'],
    },
  },
  'emergency-now': {
    title: { sv: 'Sök vård på en akutmottagning nu', en: 'Go to an emergency department now' },
    advice: {
      sv: ['Åk till en akutmottagning nu. Kör inte själv om du mår dåligt – be någon skjutsa dig.', 'Ring 112 om det blir värre på vägen.'],
      en: ['Go to an emergency department now. Do not drive if you feel unwell – ask someone to take you.', 'Call 112 if it gets worse on the way.'],
    },
  },
  'care-today': {
    title: { sv: 'Sök vård i dag', en: 'Get care today' },
    advice: {
      sv: ['Kontakta en vårdcentral i dag, eller en jourcentral om vårdcentralen är stängd.', 'Ring 1177 om du är osäker eller om det är natt.'],
      en: ['Contact a primary care centre today, or an out-of-hours clinic if it is closed.', 'Call 1177 if you are unsure or it is night.'],
    },
  },
  'care-days': {
    title: { sv: 'Sök vård inom några dagar', en: 'Get care within a few days' },
    advice: {
      sv: ['Kontakta din vårdcentral inom några dagar, till exempel genom att skicka ett ärende.', 'Sök vård tidigare om du blir sämre.'],
      en: ['Contact your primary care centre within a few days, for example by sending a message.', 'Seek care sooner if you get worse.'],
    },
  },
  'self-care': {
    title: { sv: 'Du kan sannolikt behandla besvären själv', en: 'You can most likely treat this yourself' },
    advice: {
      sv: ['Kontakta vårdcentralen om besvären inte går över eller om du blir sämre.'],
      en: ['Contact your primary care centre if the problem does not go away or gets worse.'],
    },
  },
};

/** Always said, whatever the outcome: nobody is left without a way to a person. */
export const SAFETY_NET: Text = {
  sv: 'Ring 1177 för sjukvårdsrådgivning dygnet runt. Ring 112 vid livshotande tillstånd.',
  en: 'Call 1177 for medical advice day and night. Call 112 in a life-threatening emergency.',
};

export type PublicQuestion = {
  id: string;
  text: string;
  type: 'boolean' | 'choice' | 'number';
  code?: Coding;
  options?: { id: string; text: string; code?: Coding }[];
  multiple?: boolean;
  unit?: string;
};

export function presentQuestion(content: TriageContent, question: Question, lang: Lang): PublicQuestion {
  const codeOf = (code: string): Coding => ({ system: content.vocabulary.get(code)?.system ?? 'http://snomed.info/sct', code });
  return {
    id: question.id,
    text: question.text[lang],
    type: question.type,
    ...(question.code ? { code: codeOf(question.code) } : {}),
    ...(question.options
      ? { options: question.options.map((option) => ({ id: option.id, text: option.text[lang], ...(option.code ? { code: codeOf(option.code) } : {}) })), multiple: question.multiple ?? false }
      : {}),
    ...(question.type === 'number' ? { unit: question.unit ?? '' } : {}),
  };
}

export type PublicOutcome = { urgency: Urgency; title: string; advice: string[]; reasons: { text: string; code?: Coding; questionId?: string }[] };

export function presentOutcome(content: TriageContent, state: TriageState, decision: Extract<Decision, { kind: 'outcome' }>, lang: Lang): PublicOutcome {
  const complaint = content.complaints.get(state.complaintId)!;
  const level = LEVEL_TEXTS[decision.urgency];
  const ownAdvice = decision.rule?.advice?.[lang] ?? [];
  // Self-care tips matter while waiting too, but never when the patient should act now.
  const tips = urgencyRank[decision.urgency] <= urgencyRank['care-days'] ? complaint.advice[lang] : [];
  return {
    urgency: decision.urgency,
    title: decision.rule?.title?.[lang] ?? level.title[lang],
    advice: [...level.advice[lang], ...ownAdvice, ...tips, SAFETY_NET[lang]],
    reasons: decision.reasons.map((reason) => ({ text: reason.text[lang], ...(reason.code ? { code: reason.code } : {}), ...(reason.questionId ? { questionId: reason.questionId } : {}) })),
  };
}

// ---------------------------------------------------------------- the decision flow, readable (admin view)

const OPS: Record<Op, string> = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' };

export function describeCondition(content: TriageContent, condition: Condition, lang: Lang): string {
  const words = lang === 'sv' ? { or: ' eller ', and: ' och ', not: 'inte ', age: 'ålder', sex: 'kön' } : { or: ' or ', and: ' and ', not: 'not ', age: 'age', sex: 'sex' };
  const nested = (child: Condition) => (child.k === 'any' || child.k === 'all' ? `(${describeCondition(content, child, lang)})` : describeCondition(content, child, lang));
  switch (condition.k) {
    case 'finding':
      return label(content.vocabulary, condition.code)[lang];
    case 'measure':
      return `${label(content.vocabulary, condition.code)[lang]} ${OPS[condition.op]} ${condition.value}`;
    case 'age':
      return `${words.age} ${OPS[condition.op]} ${condition.value}`;
    case 'sex':
      return `${words.sex} = ${condition.value}`;
    case 'not':
      return `${words.not}${nested(condition.of)}`;
    case 'any':
      return condition.of.map(nested).join(words.or);
    case 'all':
      return condition.of.map(nested).join(words.and);
  }
}

export type FlowView = {
  id: string;
  code: Coding;
  name: string;
  floor: Urgency;
  routing: string | null;
  questions: { id: string; type: Question['type']; text: string; options: string[] }[];
  rules: { level: Urgency; when: string; source: string }[];
};

/** Each complaint's decision flow as a readable list: questions in order, rules from the most urgent down. */
export function describeFlows(content: TriageContent, lang: Lang): FlowView[] {
  return [...content.complaints.values()].map((complaint) => ({
    id: complaint.id,
    code: complaint.code,
    name: complaint.name[lang],
    floor: complaint.floor,
    routing: complaint.routing ?? null,
    questions: complaint.questions.map((question) => ({ id: question.id, type: question.type, text: question.text[lang], options: (question.options ?? []).map((option) => option.text[lang]) })),
    rules: complaint.rules.map((rule) => ({ level: rule.level, when: describeCondition(content, rule.when, lang), source: rule.source })),
  }));
}
