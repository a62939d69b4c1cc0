import { z } from 'zod';
import { interpretationKinds } from './invitation-model.ts';
import { identificationKinds, meetingKinds, meetingStatuses, participantRoles, participantStates } from './model.ts';

/** The meetings API (issue 8): what travels between the browser and the server. */

export const TITLE_MAX = 120;
export const MEETING_MESSAGE_MAX = 1000;

export const idParamsSchema = z.object({ id: z.uuid() });
export const participantParamsSchema = z.object({ id: z.uuid(), participantId: z.uuid() });
export const appointmentParamsSchema = z.object({ appointmentId: z.uuid() });

// ---- creating -------------------------------------------------------------------------------

export const createMeetingRequestSchema = z.object({
  kind: z.enum(meetingKinds),
  title: z.string().trim().max(TITLE_MAX).optional(),
  /** The patient the meeting is about, by personnummer or samordningsnummer (staff type it). */
  patientIdentityNumber: z.string().trim().min(10).max(13).optional(),
  requiredIdentification: z.enum(identificationKinds).default('strong_eid'),
});
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

// ---- the meeting as a participant sees it ---------------------------------------------------

/** Chosen by the browser tab when it joins: signals go to that tab only. */
export const joinRequestSchema = z.object({ clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
export const handRequestSchema = z.object({ raised: z.boolean() });
export const screenShareRequestSchema = z.object({ sharing: z.boolean() });
export const messageRequestSchema = z.object({ body: z.string().trim().min(1).max(MEETING_MESSAGE_MAX) });

const participantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(participantRoles),
  state: z.enum(participantStates),
  kind: z.enum(['staff', 'person', 'guest']),
  /** An interpreter's kind (spoken, sign_language, deafblind) and the spoken language, from the invitation. */
  interpretation: z.enum(interpretationKinds).nullable(),
  language: z.string().nullable(),
  /** E3: a guest's ID shown on camera — still to be checked by the host, or checked; null for someone logged in. */
  idCheck: z.enum(['needed', 'done']).nullable(),
  /** The tab signals go to; null until they join from a browser. */
  clientId: z.string().nullable(),
  handRaised: z.boolean(),
  screenSharing: z.boolean(),
  waitingSince: z.string().nullable(),
  /** Shown to the others: their microphone or camera is off (media-state.ts). */
  micOff: z.boolean(),
  cameraOff: z.boolean(),
});
export type MeetingParticipant = z.infer<typeof participantSchema>;

export const meetingMessageSchema = z.object({
  seq: z.number().int(),
  participantId: z.uuid(),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  at: z.string(),
});
export type MeetingMessage = z.infer<typeof meetingMessageSchema>;

export const meetingViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(meetingKinds),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(meetingStatuses),
  requiredIdentification: z.enum(identificationKinds),
  screenSharingAllowed: z.boolean(),
  startsAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  host: z.object({ name: z.string(), profession: z.string() }),
  /** Staff only: the title and the patient. */
  title: z.string().nullable(),
  patient: z.object({ id: z.uuid(), name: z.string(), identityNumber: z.string() }).nullable(),
  /** The reader's own place in the meeting; null when they have not joined. */
  me: z
    .object({ participantId: z.uuid(), role: z.enum(participantRoles), state: z.enum(participantStates), clientId: z.string().nullable(), isHost: z.boolean() })
    .nullable(),
  /** Whether the reader is the host (also before joining). */
  isHost: z.boolean(),
  /** Those in the meeting now (admitted), for admitted readers; empty for someone waiting. */
  participants: z.array(participantSchema),
  /** Those in the waiting room: for the host only. */
  waiting: z.array(participantSchema),
  /** The meeting's chat: for admitted readers only. */
  messages: z.array(meetingMessageSchema),
  maxParticipants: z.number().int(),
  /** For a guest waiting to have their ID checked on camera: the host, whom their browser connects to for it. */
  idCheckWith: z.object({ participantId: z.uuid(), clientId: z.string().nullable() }).nullable(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

// ---- lists ------------------------------------------------------------------------------------

export const staffMeetingListQuerySchema = z.object({ date: z.iso.date().optional() });

export const staffMeetingListSchema = z.object({
  date: z.string(),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(meetingKinds),
      title: z.string().nullable(),
      status: z.enum(meetingStatuses),
      startsAt: z.string(),
      host: z.object({ id: z.uuid(), name: z.string() }),
      patient: z.object({ name: z.string() }).nullable(),
      waitingCount: z.number().int(),
      admittedCount: z.number().int(),
      fromAppointment: z.boolean(),
    }),
  ),
});
export type StaffMeetingList = z.infer<typeof staffMeetingListSchema>;

export const patientMeetingListSchema = z.object({
  meetings: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(meetingKinds),
      unit: z.object({ id: z.uuid(), name: z.string() }),
      status: z.enum(meetingStatuses),
      startsAt: z.string(),
      host: z.object({ name: z.string(), profession: z.string() }),
    }),
  ),
});
export type PatientMeetingList = z.infer<typeof patientMeetingListSchema>;

export const openedMeetingSchema = z.object({ meetingId: z.uuid(), created: z.boolean() });

// ---- the record --------------------------------------------------------------------------------

export const meetingRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(meetingKinds),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(meetingStatuses),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** From the host's start to the end (so far, while it goes on). */
  durationSeconds: z.number().int().nullable(),
  participants: z.array(
    z.object({
      name: z.string(),
      role: z.enum(participantRoles),
      interpretation: z.enum(interpretationKinds).nullable(),
      language: z.string().nullable(),
      firstAdmittedAt: z.string().nullable(),
      lastLeftAt: z.string().nullable(),
      presentSeconds: z.number().int(),
      removed: z.boolean(),
    }),
  ),
});

/** A booking's meeting record, null while no meeting has been opened for the booking. */
export const bookingMeetingRecordSchema = z.object({ record: meetingRecordSchema.nullable() });
export type BookingMeetingRecord = z.infer<typeof bookingMeetingRecordSchema>;
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

// ---- connection --------------------------------------------------------------------------------

export const iceServersSchema = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() })),
  /** How long the TURN credentials last; the browser fetches new ones before an ICE restart after this. */
  ttlSeconds: z.number().int(),
});
export type IceServers = z.infer<typeof iceServersSchema>;

/** What travels in a signal between two participants' browsers (the server checks the shape, not the content). */
export const signalPayloadSchema = z.union([
  z.object({ description: z.object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(60_000).optional() }) }),
  z.object({
    candidate: z
      .object({
        candidate: z.string().max(2000),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(1000).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable(),
  }),
]);
export type SignalPayload = z.infer<typeof signalPayloadSchema>;

/** The realtime event a participant's tab receives (kind `meeting.signal`). */
export type MeetingSignalEvent = { meetingId: string; from: string; fromClient: string | null; to: string; toClient: string | null; payload: SignalPayload };

// ---- unit settings (E4) -------------------------------------------------------------------------

export const meetingSettingsRequestSchema = z.object({ screenSharingAllowed: z.boolean() });
export const meetingSettingsSchema = z.object({
  screenSharingAllowed: z.boolean(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The reader is the unit's manager and may change it. */
  mayDecide: z.boolean(),
});
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;
