import { z } from 'zod';
import { INVITATION_MAX_HOURS, interpretationKinds, invitableRoles } from './invitation-model.ts';
import { identificationKinds, meetingKinds, meetingStatuses, participantRoles } from './model.ts';

/** The invitations API (issue 8 §2, E2–E3). */

export const NAME_MAX = 80;
export const LANGUAGE_MAX = 40;

export const invitationParamsSchema = z.object({ id: z.uuid(), invitationId: z.uuid() });

/** A link's token: 32 random bytes, base64url. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const createInvitationRequestSchema = z
  .object({
    role: z.enum(invitableRoles),
    interpretation: z.enum(interpretationKinds).optional(),
    language: z.string().trim().min(1).max(LANGUAGE_MAX).optional(),
    /** Who the host means the link for, for their own list (never sent anywhere). */
    inviteeName: z.string().trim().max(NAME_MAX).optional(),
    validHours: z.number().int().min(1).max(INVITATION_MAX_HOURS).optional(),
    /** Optionally sent, with the link only, to a mobile number and/or an e-mail address. */
    sms: z.string().trim().max(20).optional(),
    email: z.email().max(200).optional(),
  })
  .refine((value) => (value.role === 'interpreter') === (value.interpretation !== undefined), { path: ['interpretation'], message: 'An interpreter needs a kind of interpretation, and only an interpreter' })
  .refine((value) => value.interpretation !== 'spoken' || value.language !== undefined, { path: ['language'], message: 'Spoken-language interpretation needs the language' });
export type CreateInvitationRequest = z.input<typeof createInvitationRequestSchema>;

const invitationStateSchema = z.enum(['valid', 'used', 'revoked', 'expired', 'meeting_ended']);

export const invitationViewSchema = z.object({
  id: z.uuid(),
  role: z.enum(invitableRoles),
  interpretation: z.enum(interpretationKinds).nullable(),
  language: z.string().nullable(),
  inviteeName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: invitationStateSchema,
  /** Who used it: a guest's name, or how a logged-in person or member of staff used it. */
  usedBy: z.object({ kind: z.enum(['person', 'staff', 'guest']), name: z.string() }).nullable(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const createdInvitationSchema = z.object({
  invitation: invitationViewSchema,
  /** The link's path with its token ("/inbjudan#…"): shown once to copy; only its hash is kept. */
  path: z.string(),
  /** The channels the link was queued on. */
  sent: z.array(z.enum(['sms', 'email'])),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationListSchema = z.object({ invitations: z.array(invitationViewSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

// ---- the one who got the link ----------------------------------------------------------------

export const tokenRequestSchema = z.object({ token: tokenSchema });
export const guestRequestSchema = z.object({ token: tokenSchema, name: z.string().trim().min(2).max(NAME_MAX) });

/** What the link shows before anyone logs in: nothing about the patient. */
export const invitationLookupSchema = z.object({
  state: invitationStateSchema,
  role: z.enum(invitableRoles),
  interpretation: z.enum(interpretationKinds).nullable(),
  language: z.string().nullable(),
  /** Only while the link can be used. */
  meeting: z
    .object({
      unitName: z.string(),
      hostName: z.string(),
      kind: z.enum(meetingKinds),
      status: z.enum(meetingStatuses),
      startsAt: z.string(),
      requiredIdentification: z.enum(identificationKinds),
    })
    .nullable(),
});
export type InvitationLookup = z.infer<typeof invitationLookupSchema>;

export const acceptedInvitationSchema = z.object({ meetingId: z.uuid(), path: z.string() });
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;

/** A guest's session (for the guest's page): the CSRF token to send with changes. */
export const guestSessionSchema = z.object({
  meetingId: z.uuid(),
  participantId: z.uuid().nullable(),
  name: z.string(),
  role: z.enum(participantRoles),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type GuestSession = z.infer<typeof guestSessionSchema>;
