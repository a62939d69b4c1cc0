import { z } from 'zod';
import { caseStatuses } from './model.ts';

/**
 * Requests and responses of the cases API (C1–C7). Patient routes live under
 * /api/patient/…, staff routes under /api/staff/…, the unit administrator's under
 * /api/unit-admin/…. Shared by server and web app (types and validation only).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
/** A message in the thread; long enough for a careful answer, short enough for a case. */
export const MESSAGE_MAX = 5000;
export const SKICKA_MEDDELANDE_MAX = 1000;
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

export const idParamsSchema = z.object({ id: z.uuid() });
export const attachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const unitParamsSchema = z.object({ unitId: z.uuid() });

// ---------------------------------------------------------------------------------------
// The forms of the eight standard case types (seed 002) and of a unit's own types.

/** An answer to a question of an own case type or an extra question (linkId → value). */
export const answerValueSchema = z.union([z.string().max(2000), z.boolean(), z.number(), z.array(z.string().max(200)).max(20)]);
export const answersSchema = z.record(z.string().max(40), answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export const withWhomOptions = ['no_preference', 'doctor', 'nurse', 'other'] as const;
export const contactChannels = ['phone', 'video', 'message'] as const;
export const contactTimes = ['morning', 'afternoon', 'any'] as const;

export const caseFormSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('bestall_tid'),
    reason: text(2000),
    preferredTimes: optionalText(500),
    withWhom: z.enum(withWhomOptions),
    withWhomDetail: optionalText(200),
  }),
  z.object({
    type: z.literal('av_omboka_tid'),
    action: z.enum(['cancel', 'rebook']),
    /** One of the patient's booked appointments when there is one (appointments feature). */
    appointmentId: z.uuid().optional(),
    /** Otherwise the time as the patient knows it ("tisdag 3 mars kl 10"). */
    appointmentDescription: optionalText(300),
    preferredTimes: optionalText(500),
    message: optionalText(1000),
  }),
  z.object({
    type: z.literal('fornya_recept'),
    medicine: text(200),
    /** Answers to the two control questions (works, side-effects) and the unit's own. */
    answers: answersSchema,
    message: optionalText(1000),
  }),
  z.object({
    type: z.literal('kontakta_mig'),
    reason: text(2000),
    channel: z.enum(contactChannels),
    phoneNumber: optionalText(30),
    when: z.enum(contactTimes),
  }),
  z.object({
    type: z.literal('begar_intyg'),
    certificate: text(120),
    kind: z.enum(['new', 'renewal']),
    message: optionalText(1000),
  }),
  z.object({ type: z.literal('skicka_meddelande'), message: text(SKICKA_MEDDELANDE_MAX) }),
  z.object({
    type: z.literal('fraga_om_remiss'),
    /** Whether the unit sent the referral or received it (the type suits both). */
    unitRole: z.enum(['sender', 'receiver']),
    referral: text(300),
    question: text(2000),
  }),
  z.object({
    type: z.literal('egenremiss'),
    complaint: text(3000),
    duration: text(200),
    previousCare: optionalText(1000),
    medication: optionalText(1000),
    expectation: optionalText(1000),
  }),
  /** A unit's own case type (also an own "Egenremiss" or "Förnya recept" with more questions). */
  z.object({ type: z.literal('own'), caseTypeId: z.uuid(), answers: answersSchema }),
]);
export type CaseForm = z.infer<typeof caseFormSchema>;
export type CaseFormType = CaseForm['type'];

// ---------------------------------------------------------------------------------------
// Patient side

/** What a patient may send to a unit: its active case types for this patient, with forms and terms. */
export const questionSchema = z.object({
  linkId: z.string(),
  text: z.string(),
  type: z.enum(['text', 'boolean', 'choice', 'multiple_choice', 'date', 'number']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
});
export const sendableCaseTypeSchema = z.object({
  /** `fornya_recept` …, or `own:<caseTypeId>`. */
  key: z.string(),
  type: z.string(),
  caseTypeId: z.uuid().nullable(),
  /** An own type under a standard type's name takes its place (seed 002): the standard code it replaces. */
  replaces: z.string().nullable(),
  name: z.object({ sv: z.string(), en: z.string() }),
  description: z.object({ sv: z.string(), en: z.string() }),
  /** Own types and Förnya recept: the questions to ask (control questions first). */
  questions: z.array(questionSchema),
  /** Begär intyg: the unit's certificates. */
  certificates: z.array(z.string()),
  acknowledgeOnly: z.boolean(),
  terms: z.object({ versionId: z.uuid(), version: z.number().int(), sv: z.string(), en: z.string() }),
});
export type SendableCaseType = z.infer<typeof sendableCaseTypeSchema>;
export const sendableCaseTypesSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  caseTypes: z.array(sendableCaseTypeSchema),
  /** The unit's other ways in that are active, offered beside the case types: its chat and its web booking. */
  alsoOffered: z.object({ chat: z.boolean(), webBooking: z.boolean() }),
});
export type SendableCaseTypes = z.infer<typeof sendableCaseTypesSchema>;

/** The units a patient is most likely to write to: where they are listed or have cases. */
export const myUnitsSchema = z.object({
  units: z.array(z.object({ id: z.uuid(), name: z.string(), relation: z.enum(['listed', 'ongoing', 'earlier_case']) })),
});
export type MyUnits = z.infer<typeof myUnitsSchema>;

export const newCaseRequestSchema = z.object({
  unitId: z.uuid(),
  /** The terms version the patient read and accepted; a newer one in between → 409 terms_changed. */
  termsVersionId: z.uuid(),
  acceptedTerms: z.literal(true),
  form: caseFormSchema,
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  /** G5: a finished Sök vård assessment to attach (its summary becomes part of the case). */
  triageSessionId: z.uuid().optional(),
});
export type NewCaseRequest = z.input<typeof newCaseRequestSchema>;

export const createdCaseSchema = z.object({ id: z.uuid(), number: z.number().int() });
export type CreatedCase = z.infer<typeof createdCaseSchema>;

export const replyRequestSchema = z.object({
  body: text(MESSAGE_MAX),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
});
export type ReplyRequest = z.input<typeof replyRequestSchema>;

// ---------------------------------------------------------------------------------------
// Cases as both sides see them

export const deadlineStates = ['met', 'met_late', 'on_time', 'due_soon', 'late'] as const;

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/heic', 'application/pdf']),
  byteSize: z.number().int(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const eventKinds = [
  'request',
  'patient_reply',
  'counter_question',
  'partial_answer',
  'final_answer',
  'acknowledged',
  'contact_recorded',
  'staff_message',
  /** The Sök vård assessment the patient attached (G5). */
  'triage',
  /** A message of a real-time chat kept as a case (C8, C6). */
  'chat_message',
  'assigned',
  'forwarded',
  'closed',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const caseEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  /** "Anna Lindqvist" or "Sara Nilsson, sjuksköterska"; for a representative also on whose behalf. */
  author: z.object({ kind: z.enum(['person', 'staff']), name: z.string(), profession: z.string().nullable(), onBehalfOf: z.string().nullable() }),
  unitName: z.string(),
  createdAt: z.iso.datetime(),
  attachments: z.array(attachmentSchema),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  typeCode: z.string(),
  typeName: z.object({ sv: z.string(), en: z.string() }),
  subject: z.string(),
  status: z.enum(caseStatuses),
  origin: z.enum(['patient', 'staff']),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  receivedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  deadlineState: z.enum(deadlineStates),
  lastActivityAt: z.iso.datetime(),
  unread: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const patientCaseListSchema = z.object({ cases: z.array(caseSummarySchema) });
export type PatientCaseList = z.infer<typeof patientCaseListSchema>;

const localisedSchema = z.object({ sv: z.string(), en: z.string() });
export const patientCaseSchema = caseSummarySchema.extend({
  form: z.record(z.string(), z.unknown()),
  /** The form as labelled answers in the order the patient filled it in: show these rather than reading `form`. */
  formEntries: z.array(z.object({ label: localisedSchema, value: localisedSchema })),
  events: z.array(caseEventSchema),
  /** The reply box is open (a counter-question waits, or the one reply to a staff-started case). */
  mayReply: z.boolean(),
  patientName: z.string(),
});
export type PatientCase = z.infer<typeof patientCaseSchema>;

// ---------------------------------------------------------------------------------------
// Staff side: the unit inbox

export const assignedFilters = ['anyone', 'me', 'unassigned'] as const;
export const inboxQuerySchema = z.object({
  /** open (default), all, or one status. */
  status: z.enum(['open', 'all', ...caseStatuses]).default('open'),
  type: z.string().regex(/^[a-z_]{2,40}$/).optional(),
  /** anyone, me, unassigned, or a colleague's staff id. */
  assigned: z.union([z.enum(assignedFilters), z.uuid()]).default('anyone'),
  deadline: z.enum(['late', 'due_soon', 'on_time']).optional(),
  /** Opaque cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export const inboxItemSchema = caseSummarySchema.extend({
  patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }),
  assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  acknowledgeOnly: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  /** Cases matching the filters. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

/** The unit start page's counts (C3). */
export const inboxCountsSchema = z.object({
  open: z.number().int(),
  unassigned: z.number().int(),
  mine: z.number().int(),
  dueSoon: z.number().int(),
  late: z.number().int(),
  awaitingPatient: z.number().int(),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const staffActionSchema = z.enum(['assign', 'counter_question', 'partial_answer', 'final_answer', 'acknowledge', 'record_contact', 'forward', 'close']);
export type StaffAction = z.infer<typeof staffActionSchema>;

export const staffCaseSchema = patientCaseSchema.extend({
  patient: inboxItemSchema.shape.patient,
  assignedTo: inboxItemSchema.shape.assignedTo,
  acknowledgeOnly: z.boolean(),
  /** What this member of staff may do now. */
  allowedActions: z.array(staffActionSchema),
  outcome: z.string().nullable(),
  /** The accepted terms version, for the record. */
  termsVersion: z.number().int().nullable(),
});
export type StaffCase = z.infer<typeof staffCaseSchema>;

export const assignRequestSchema = z.object({ staffId: z.uuid() });
export const staffMessageRequestSchema = z.object({
  kind: z.enum(['counter_question', 'partial_answer', 'final_answer']),
  body: text(MESSAGE_MAX),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
});
export type StaffMessageRequest = z.input<typeof staffMessageRequestSchema>;

/** Kontakta mig: how staff contacted the patient (seed 002); closes the case. */
export const contactMethods = ['phone', 'video', 'visit', 'letter', 'no_answer'] as const;
export const recordContactRequestSchema = z.object({ method: z.enum(contactMethods), note: optionalText(2000) });
export const forwardRequestSchema = z.object({ unitId: z.uuid(), note: text(1000) });
export const closeOutcomes = ['answered', 'appointment_booked', 'referred', 'prescription_renewed', 'certificate_issued', 'no_action_needed', 'duplicate', 'other'] as const;
export const closeRequestSchema = z.object({ outcome: z.enum(closeOutcomes), note: optionalText(2000) });

/** C5: staff start a case towards a patient; the patient may answer once. */
export const staffNewCaseRequestSchema = z.object({ patientId: z.uuid(), subject: text(120), body: text(MESSAGE_MAX) });
export type StaffNewCaseRequest = z.infer<typeof staffNewCaseRequestSchema>;

/** C6: the case as structured text to paste into the medical record. */
export const recordSummarySchema = z.object({ text: z.string() });

export const colleaguesSchema = z.object({ colleagues: z.array(z.object({ id: z.uuid(), name: z.string(), profession: z.string(), isMe: z.boolean() })) });

// ---------------------------------------------------------------------------------------
// Answer templates (svarsmallar) and the certificates of Begär intyg, kept by the unit administrator

export const templateRequestSchema = z.object({ title: text(120), body: text(MESSAGE_MAX), active: z.boolean().default(true) });
export type TemplateRequest = z.input<typeof templateRequestSchema>;
export const templateSchema = z.object({ id: z.uuid(), title: z.string(), body: z.string(), active: z.boolean(), updatedAt: z.iso.datetime() });
export type AnswerTemplate = z.infer<typeof templateSchema>;
export const templateListSchema = z.object({ templates: z.array(templateSchema) });

export const certificatesSchema = z.object({
  certificates: z
    .array(text(120))
    .max(40)
    .refine((items) => new Set(items.map((item) => item.toLocaleLowerCase('sv-SE'))).size === items.length, { message: 'each certificate once' }),
});
export type Certificates = z.infer<typeof certificatesSchema>;

// ---------------------------------------------------------------------------------------
// Attachments: POST the file's bytes as the body (Content-Type: the file's type or
// application/octet-stream) with its name in `X-File-Name` (URI-encoded). The server
// decides the type from the bytes; at most 10 MB.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const FILE_NAME_HEADER = 'x-file-name';
