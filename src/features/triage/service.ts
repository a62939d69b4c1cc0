import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnits } from '../care-units/directory.ts';
import type { AnswerBody, CreateSessionBody, Step, TriageSummary } from './contract.ts';
import { triageContent } from './content.ts';
import { answer, decide, presentOutcome, presentQuestion, urgencyRank, type Lang, type TriageState, type Urgency } from './model.ts';
import { currentRoutingRules } from './region-routing.ts';
import { careKindLabels, route, type CareKind } from './routing.ts';
import { recordOutcome } from './statistics.ts';
import { SessionStore, type StoredSession } from './sessions.ts';

const store = new SessionStore();

const problems = {
  unknownComplaint: () => new AppError('triage_unknown_complaint', 400, { sv: 'Det finns ingen sådan sökorsak.', en: 'There is no such complaint.' }),
  sessionNotFound: () =>
    new AppError('triage_session_not_found', 404, { sv: 'Bedömningen finns inte eller har gått ut. Börja om.', en: 'The assessment does not exist or has expired. Please start again.' }),
  question_not_current: () =>
    new AppError('triage_question_not_current', 409, { sv: 'Frågan är inte den som ställs nu.', en: 'That is not the question being asked now.' }),
  session_finished: () => new AppError('triage_session_finished', 409, { sv: 'Bedömningen är redan klar.', en: 'The assessment is already finished.' }),
  invalid_answer: () => new AppError('triage_invalid_answer', 400, { sv: 'Svaret passar inte frågan.', en: 'The answer does not fit the question.' }),
  answer_out_of_range: () => new AppError('triage_answer_out_of_range', 400, { sv: 'Värdet är utanför det möjliga.', en: 'The value is out of range.' }),
};

export function listComplaints(lang: Lang) {
  const content = triageContent();
  const complaints = [...content.complaints.values()].map((complaint) => ({ id: complaint.id, code: complaint.code, display: complaint.name[lang] }));
  complaints.sort((a, b) => a.display.localeCompare(b.display, lang));
  return { complaints };
}

async function routingFor(context: ServiceContext, session: StoredSession, urgency: Urgency) {
  const content = triageContent();
  const complaint = content.complaints.get(session.state.complaintId)!;
  const lang = session.lang;
  const at = context.clock.now();
  const decided = route(await currentRoutingRules(context), { complaintId: complaint.id, group: complaint.routing, urgency, ageYears: session.state.person.ageYears, at });
  let careKind: CareKind = decided.kinds[0]!;
  let units: Awaited<ReturnType<typeof findUnits>> = [];
  for (const kind of decided.kinds) {
    if (kind === '112' || kind === '1177') {
      careKind = kind;
      break;
    }
    const found = await findUnits(context, {
      q: '',
      kind,
      openNow: true,
      limit: 3,
      ...(session.position ? { lat: session.position.lat, lon: session.position.lon } : {}),
    });
    if (found.length > 0) {
      careKind = kind;
      units = found;
      break;
    }
  }
  const phone = careKind === '112' ? '112' : careKind === '1177' ? '1177' : null;
  return {
    careKind,
    label: careKindLabels[careKind][lang],
    kinds: decided.kinds.map((kind) => ({ kind, label: careKindLabels[kind][lang] })),
    phone,
    units: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      phone: unit.phone,
      address: [unit.streetAddress, `${unit.postalCode} ${unit.city}`.trim()].filter(Boolean).join(', '),
      distanceKm: unit.distanceKm,
      open: unit.openingNow.open,
      closesAt: unit.openingNow.closesAt,
    })),
    rule: decided.rule?.id ?? null,
    timeBand: decided.band,
    reachAPerson: [
      { phone: '1177', text: lang === 'sv' ? 'Ring 1177 för sjukvårdsrådgivning, dygnet runt' : 'Call 1177 for medical advice, day and night' },
      { phone: '112', text: lang === 'sv' ? 'Ring 112 vid livshotande tillstånd' : 'Call 112 in a life-threatening emergency' },
    ],
  };
}

/** Where a failure that must not fail the request is reported (the request's logger). */
export type TriageLog = { error: (details: object, message: string) => void };
const consoleLog: TriageLog = { error: (details, message) => console.error(message, details) };

async function stepOf(context: ServiceContext, session: StoredSession, log: TriageLog): Promise<Step> {
  const content = triageContent();
  const decision = decide(content, session.state);
  if (decision.kind === 'question') {
    return { kind: 'question', question: presentQuestion(content, decision.question, session.lang), progress: { answered: session.state.asked.length } };
  }
  if (!session.outcome) {
    session.outcome = { urgency: decision.urgency, at: context.clock.now() };
    session.statisticsId ??= randomUUID();
    // Statistics must never stand between a patient and their outcome.
    await recordOutcome(context, { id: session.statisticsId, complaintId: session.state.complaintId, urgency: decision.urgency, ageYears: session.state.person.ageYears, at: session.outcome.at }).catch(
      (error: unknown) => log.error({ err: error }, 'triage: the outcome could not be counted'),
    );
  }
  const outcome = presentOutcome(content, session.state, decision, session.lang);
  return { kind: 'outcome', outcome: { ...outcome, routing: await routingFor(context, session, decision.urgency) } };
}

export async function startSession(context: ServiceContext, body: CreateSessionBody, log: TriageLog = consoleLog) {
  const content = triageContent();
  if (!content.complaints.has(body.complaint)) throw problems.unknownComplaint();
  const now = context.clock.now();
  const state: TriageState = { complaintId: body.complaint, person: { ageYears: body.ageYears, sex: body.sex, forSomeoneElse: body.forSomeoneElse }, answers: {}, asked: [] };
  const session: StoredSession = { id: randomUUID(), state, lang: body.lang, createdAt: now, touchedAt: now, ...(body.position ? { position: body.position } : {}) };
  store.save(session, now);
  return { sessionId: session.id, step: await stepOf(context, session, log) };
}

export async function answerQuestion(context: ServiceContext, sessionId: string, body: AnswerBody, log: TriageLog = consoleLog) {
  const now = context.clock.now();
  const session = store.get(sessionId, now);
  if (!session) throw problems.sessionNotFound();
  const result = answer(triageContent(), session.state, body.questionId, body.answer);
  if ('problem' in result) throw problems[result.problem]();
  session.state = result.state;
  session.outcome = undefined;
  store.save(session, now);
  return { step: await stepOf(context, session, log) };
}

/** The summary for a case, chat or booking (G5): complaint, answers, urgency, why. */

/** The summary is read by staff in a case or chat: words, not codes. */
const sexWords: Record<string, Record<Lang, string>> = {
  female: { sv: 'kvinna', en: 'female' },
  male: { sv: 'man', en: 'male' },
  other: { sv: 'annat', en: 'other' },
};

/** How urgent, on the scale the chat queue shows as "Prioritet" (4 most urgent). */
function urgencyWords(urgency: Urgency, lang: Lang): string {
  const level = urgencyRank[urgency];
  return lang === 'sv' ? `brådskandegrad ${level} av 4` : `urgency ${level} of 4`;
}
export function sessionSummary(context: ServiceContext, sessionId: string, lang: Lang): TriageSummary {
  const session = store.get(sessionId, context.clock.now());
  if (!session) throw problems.sessionNotFound();
  const content = triageContent();
  const complaint = content.complaints.get(session.state.complaintId)!;
  const answers = session.state.asked.map((questionId) => {
    const question = complaint.questionById.get(questionId)!;
    const value = session.state.answers[questionId];
    const unknown = lang === 'sv' ? 'Vet inte' : "Don't know";
    let shown: string;
    if (value === null || value === undefined) shown = unknown;
    else if (typeof value === 'boolean') shown = value ? (lang === 'sv' ? 'Ja' : 'Yes') : lang === 'sv' ? 'Nej' : 'No';
    else if (typeof value === 'number') shown = `${value}${question.unit ? ` ${question.unit}` : ''}`;
    else {
      const ids = Array.isArray(value) ? value : [value];
      shown = ids.map((id) => question.options?.find((option) => option.id === id)?.text[lang] ?? id).join(', ') || (lang === 'sv' ? 'Inget av detta' : 'None of these');
    }
    return { question: question.text[lang], answer: shown };
  });
  const decision = decide(content, session.state);
  const outcome = decision.kind === 'outcome' ? presentOutcome(content, session.state, decision, lang) : null;
  const head = lang === 'sv' ? 'Sök vård – digital bedömning' : 'Seek care – digital assessment';
  const person = `${lang === 'sv' ? 'Ålder' : 'Age'}: ${session.state.person.ageYears}, ${sexWords[session.state.person.sex]?.[lang] ?? session.state.person.sex}${session.state.person.forSomeoneElse ? (lang === 'sv' ? ' (för någon annan)' : ' (for someone else)') : ''}`;
  const text = [
    `${head}: ${complaint.name[lang]}`,
    person,
    ...(outcome
      ? [
          `${lang === 'sv' ? 'Bedömning' : 'Outcome'}: ${outcome.title} (${urgencyWords(outcome.urgency, lang)})`,
          `${lang === 'sv' ? 'Därför' : 'Why'}: ${outcome.reasons.map((reason) => reason.text).join('; ')}`,
        ]
      : []),
    ...answers.map((entry) => `– ${entry.question} ${entry.answer}`),
  ].join('\n');
  return {
    sessionId,
    complaint: { id: complaint.id, code: complaint.code, display: complaint.name[lang] },
    ageYears: session.state.person.ageYears,
    sex: session.state.person.sex,
    forSomeoneElse: session.state.person.forSomeoneElse,
    answers,
    urgency: outcome?.urgency ?? null,
    title: outcome?.title ?? null,
    reasons: outcome?.reasons.map((reason) => reason.text) ?? [],
    text,
  };
}
