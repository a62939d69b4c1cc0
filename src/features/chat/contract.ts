import { z } from 'zod';
import { openingHoursSchema } from '../../lib/opening-hours.ts';
import { chatStatuses } from './model.ts';

/** The chat API (C8): what travels between the browser and the server. */

const text = (max: number) => z.string().trim().min(1).max(max);
export const REASON_MAX = 300;
export const CHAT_MESSAGE_MAX = 2000;
export const SUMMARY_MAX = 2000;

export const idParamsSchema = z.object({ id: z.uuid() });
export const unitParamsSchema = z.object({ unitId: z.uuid() });

// ---- availability -----------------------------------------------------------------------

export const chatStatusSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  /** The unit has the chatt e-service on. */
  offered: z.boolean(),
  open: z.boolean(),
  /** Why it is not open now; null when open. */
  closedReason: z.enum(['not_offered', 'no_hours', 'closed']).nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** The chat hours as published (null when the unit has none). */
  hours: openingHoursSchema.nullable(),
});
export type ChatOpenStatus = z.infer<typeof chatStatusSchema>;

export const chatHoursRequestSchema = z.object({ hours: openingHoursSchema });
export const chatHoursSchema = z.object({ hours: openingHoursSchema.nullable(), offered: z.boolean() });
export type ChatHoursSettings = z.infer<typeof chatHoursSchema>;

// ---- the conversation -------------------------------------------------------------------

export const startChatRequestSchema = z.object({
  unitId: z.uuid(),
  reason: text(REASON_MAX),
  /**
   * G5: a Sök vård assessment the patient chose to send along. The queue priority comes from the
   * server's own assessment of this session; a browser never sends a priority (an unknown key is
   * dropped, as everywhere in the API).
   */
  triageSessionId: z.uuid().optional(),
});
export type StartChatRequest = z.input<typeof startChatRequestSchema>;

export const messageRequestSchema = z.object({ body: text(CHAT_MESSAGE_MAX) });
export const readRequestSchema = z.object({ seq: z.number().int().nonnegative() });
export const colleagueRequestSchema = z.object({ staffId: z.uuid() });
export const endRequestSchema = z.object({ summary: text(SUMMARY_MAX) });

export const chatMessageSchema = z.object({
  seq: z.number().int(),
  /** 'patient' for the patient's side (the patient or whoever acts for them), 'staff' otherwise. */
  side: z.enum(['patient', 'staff']),
  authorName: z.string(),
  /** The reader's own message. */
  mine: z.boolean(),
  body: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const chatBase = {
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(chatStatuses),
  reason: z.string(),
  priority: z.number().int().nullable(),
  queuedAt: z.string(),
  takenAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** While queued: 1 for the next to be taken. */
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  /** Staff in the chat now; names and professions as the patient may see them. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), profession: z.string() })),
  messages: z.array(chatMessageSchema),
  /** The other side has read up to this message (read receipts). */
  otherSideReadSeq: z.number().int(),
  /** Once ended: the case that keeps the transcript. */
  caseId: z.uuid().nullable(),
};

export const patientChatSchema = z.object(chatBase);
export type PatientChat = z.infer<typeof patientChatSchema>;

export const staffChatSchema = z.object({
  ...chatBase,
  patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }),
  assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Whether the reader is in the chat now (may write, bring in, transfer, end). */
  participating: z.boolean(),
  summary: z.string().nullable(),
});
export type StaffChat = z.infer<typeof staffChatSchema>;

export const patientChatListSchema = z.object({
  chats: z.array(z.object({ id: z.uuid(), unit: z.object({ id: z.uuid(), name: z.string() }), status: z.enum(chatStatuses), queuedAt: z.string() })),
});
export type PatientChatList = z.infer<typeof patientChatListSchema>;

const queueItemSchema = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string(), protectedIdentity: z.boolean() }),
  reason: z.string(),
  priority: z.number().int().nullable(),
  queuedAt: z.string(),
  position: z.number().int(),
});
export const staffQueueSchema = z.object({
  queued: z.array(queueItemSchema),
  /** Chats the reader is in now. */
  mine: z.array(z.object({ id: z.uuid(), patientName: z.string(), reason: z.string(), takenAt: z.string().nullable(), unread: z.boolean() })),
  /** Active chats at the unit others have. */
  othersActive: z.number().int(),
  open: z.boolean(),
});
export type StaffQueue = z.infer<typeof staffQueueSchema>;

export const endedChatSchema = z.object({ caseId: z.uuid(), caseNumber: z.number().int() });
export const colleaguesSchema = z.object({ colleagues: z.array(z.object({ id: z.uuid(), name: z.string(), profession: z.string() })) });
