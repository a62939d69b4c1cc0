import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { careUnits } from '../../platform/organisations/tables.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { appointments } from '../appointments/tables.ts';

/**
 * Digital care meetings (issue 8). No media is stored or passes through the server: these
 * rows say who may take part, who is waiting or in, and afterwards who took part and for how
 * long (the meeting record). Video and sound go browser to browser (WebRTC).
 */

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    /** E1: patient_care | care_care | care_planning | authority | education. */
    kind: text('kind').notNull(),
    /** A short name staff give it ("Vårdplanering inför hemgång"); shown to staff only. */
    title: text('title'),
    /** Who created it; null when it was opened for a booked video visit by the patient arriving first. */
    createdByStaffId: uuid('created_by_staff_id').references(() => staff.id),
    /** The member of staff who runs it: admits, removes, ends. */
    hostStaffId: uuid('host_staff_id')
      .notNull()
      .references(() => staff.id),
    /** The booked video visit this meeting is for (one meeting per booking). */
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    /** The patient the meeting is about; null for meetings without one (care–care, education). */
    patientId: uuid('patient_id').references(() => persons.id),
    /** E3: strong_eid | id_on_camera — what someone from outside must show before being let in. */
    requiredIdentification: text('required_identification').notNull(),
    status: text('status').notNull(),
    /** E4: copied from the unit's setting when the meeting is created, so a change applies to new meetings. */
    screenSharingAllowed: boolean('screen_sharing_allowed').notNull(),
    /** When it is planned to start: the booking's time, or the creation time for an ad hoc meeting. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the host first joined. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByStaffId: uuid('ended_by_staff_id').references(() => staff.id),
  },
  (table) => [
    check('meetings_kind', sql`${table.kind} in ('patient_care', 'care_care', 'care_planning', 'authority', 'education')`),
    check('meetings_required_identification', sql`${table.requiredIdentification} in ('strong_eid', 'id_on_camera')`),
    check('meetings_status', sql`${table.status} in ('scheduled', 'open', 'ended')`),
    check('meetings_ended', sql`(${table.status} = 'ended') = (${table.endedAt} is not null)`),
    check('meetings_patient_care_has_patient', sql`${table.kind} <> 'patient_care' or ${table.patientId} is not null`),
    uniqueIndex('meetings_one_per_appointment').on(table.appointmentId).where(sql`${table.appointmentId} is not null`),
    index('meetings_unit_starts').on(table.unitId, table.startsAt),
    index('meetings_patient').on(table.patientId, table.startsAt),
  ],
);

/**
 * Who takes part: a citizen (person), a member of staff, or — later, through an invitation —
 * someone with neither (an interpreter or a social worker let in by link), hence at most one
 * of person and staff. Leaving and coming back reuses the row; `present_seconds` adds up the
 * stretches so the record can say how long each took part.
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id').references(() => persons.id),
    staffId: uuid('staff_id').references(() => staff.id),
    role: text('role').notNull(),
    state: text('state').notNull(),
    /**
     * The browser tab that joined last (random, chosen by the tab): signals go to that tab
     * only, so a second tab of the same person does not answer the same offer.
     */
    clientId: text('client_id'),
    handRaisedAt: timestamp('hand_raised_at', { withTimezone: true }),
    /** Set while this participant shares their screen (E4: everyone sees that it is going on). */
    screenSharingSince: timestamp('screen_sharing_since', { withTimezone: true }),
    /** The first time they asked to join. */
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    /** Since when they have been waiting now (null unless waiting). */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    /** The start of the current stretch in the meeting (null unless admitted). */
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    firstAdmittedAt: timestamp('first_admitted_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    presentSeconds: integer('present_seconds').notNull().default(0),
    /**
     * Presence (presence.ts): the realtime socket of this tab that last said it is on the
     * meeting's page, and when that socket closed (null while it is open). Someone whose socket
     * stays closed past the grace period is taken to have left.
     */
    presenceSocket: text('presence_socket'),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
    /** Shown to the others: this participant turned their microphone or camera off. */
    micOff: boolean('mic_off').notNull().default(false),
    cameraOff: boolean('camera_off').notNull().default(false),
  },
  (table) => [
    check('meeting_participants_role', sql`${table.role} in ('host', 'patient', 'relative', 'interpreter', 'care_provider', 'social_services', 'other')`),
    check('meeting_participants_state', sql`${table.state} in ('waiting', 'admitted', 'left', 'removed')`),
    check('meeting_participants_who', sql`num_nonnulls(${table.personId}, ${table.staffId}) <= 1`),
    check('meeting_participants_admitted', sql`(${table.state} = 'admitted') = (${table.admittedAt} is not null)`),
    uniqueIndex('meeting_participants_person').on(table.meetingId, table.personId).where(sql`${table.personId} is not null`),
    uniqueIndex('meeting_participants_staff').on(table.meetingId, table.staffId).where(sql`${table.staffId} is not null`),
    // The participants of one meeting: every view, every join and the signal relay's check.
    index('meeting_participants_meeting').on(table.meetingId, table.state),
    index('meeting_participants_person_of').on(table.personId),
    index('meeting_participants_staff_of').on(table.staffId),
    index('meeting_participants_disconnected').on(table.disconnectedAt).where(sql`${table.disconnectedAt} is not null`),
  ],
);

/** The meeting's chat (for those let in), ordered by `seq`. */
export const meetingMessages = pgTable(
  'meeting_messages',
  {
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => meetingParticipants.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('meeting_messages_meeting_seq').on(table.meetingId, table.seq)],
);

/**
 * A unit's meeting settings. E4: sharing a screen that may show patient data is not allowed
 * unless the unit's manager (verksamhetschef) has decided so; who decided and when is kept.
 */
export const meetingUnitSettings = pgTable('meeting_unit_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => careUnits.id),
  screenSharingAllowed: boolean('screen_sharing_allowed').notNull().default(false),
  decidedByStaffId: uuid('decided_by_staff_id').references(() => staff.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

/**
 * E2, E3: someone from outside invited by the host through a link (a relative, an interpreter,
 * a care provider of another unit, social services). The link holds a long random token of
 * which only the SHA-256 is kept; it expires, the host can revoke it, and it is used once: by
 * a person who logged in with BankID, by a member of staff, or — where the meeting accepts ID
 * shown on camera — by a guest who gives a name and gets a session for this meeting only
 * (`guest_session_hash`). The host's check of the guest's ID is recorded before admitting.
 */
export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** relative | interpreter | care_provider | social_services | other. */
    role: text('role').notNull(),
    /** For interpreters: spoken | sign_language | deafblind. */
    interpretation: text('interpretation'),
    /** For spoken-language interpretation: the language, as the host wrote it ("arabiska"). */
    language: text('language'),
    /** Who the host means to invite, as the host wrote it; shown to the host only. */
    inviteeName: text('invitee_name'),
    tokenHash: text('token_hash').notNull().unique(),
    createdByStaffId: uuid('created_by_staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByStaffId: uuid('revoked_by_staff_id').references(() => staff.id),
    /** Used once: by a logged-in person, a member of staff, or a guest with a name. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByPersonId: uuid('used_by_person_id').references(() => persons.id),
    usedByStaffId: uuid('used_by_staff_id').references(() => staff.id),
    guestName: text('guest_name'),
    /** The participant the invitation became when its user joined. */
    participantId: uuid('participant_id').references(() => meetingParticipants.id),
    /** The guest's session (cookie token, SHA-256), its CSRF token and its end: this meeting only. */
    guestSessionHash: text('guest_session_hash').unique(),
    guestCsrfToken: text('guest_csrf_token'),
    guestSessionExpiresAt: timestamp('guest_session_expires_at', { withTimezone: true }),
    /** E3: the host saw the guest's ID on camera ("Legitimation kontrollerad på kamera"). */
    idCheckedAt: timestamp('id_checked_at', { withTimezone: true }),
    idCheckedByStaffId: uuid('id_checked_by_staff_id').references(() => staff.id),
  },
  (table) => [
    check('meeting_invitations_role', sql`${table.role} in ('relative', 'interpreter', 'care_provider', 'social_services', 'other')`),
    check('meeting_invitations_interpretation', sql`(${table.role} = 'interpreter') = (${table.interpretation} is not null)`),
    check('meeting_invitations_interpretation_kind', sql`${table.interpretation} is null or ${table.interpretation} in ('spoken', 'sign_language', 'deafblind')`),
    check('meeting_invitations_language', sql`(${table.interpretation} = 'spoken') = (${table.language} is not null) or ${table.interpretation} is null`),
    check('meeting_invitations_used_by', sql`num_nonnulls(${table.usedByPersonId}, ${table.usedByStaffId}, ${table.guestName}) = case when ${table.usedAt} is null then 0 else 1 end`),
    check('meeting_invitations_guest_session', sql`${table.guestSessionHash} is null or ${table.guestName} is not null`),
    index('meeting_invitations_meeting').on(table.meetingId, table.createdAt),
    uniqueIndex('meeting_invitations_participant').on(table.participantId).where(sql`${table.participantId} is not null`),
    index('meeting_invitations_person').on(table.meetingId, table.usedByPersonId).where(sql`${table.usedByPersonId} is not null`),
    index('meeting_invitations_staff').on(table.meetingId, table.usedByStaffId).where(sql`${table.usedByStaffId} is not null`),
  ],
);

/**
 * E6: a unit's video drop-in ("Drop-in via video"). The unit's staff switch it on and off,
 * optionally with daily hours (Stockholm time); only offered where the unit has the
 * `videomote` e-service active (dropin-service.ts).
 */
export const meetingDropinSettings = pgTable(
  'meeting_dropin_settings',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => careUnits.id),
    open: boolean('open').notNull().default(false),
    /** "HH:MM": while switched on, patients may queue only between these (both or neither). */
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    changedByStaffId: uuid('changed_by_staff_id').references(() => staff.id),
    changedAt: timestamp('changed_at', { withTimezone: true }),
  },
  (table) => [
    check('meeting_dropin_settings_hours', sql`(${table.opensAt} is null) = (${table.closesAt} is null)`),
    check('meeting_dropin_settings_format', sql`${table.opensAt} is null or (${table.opensAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${table.closesAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`),
  ],
);

/**
 * E6: a patient (or whoever acts for them) waiting in a unit's drop-in queue with a short
 * reason, in order of arrival. A clinician takes the next one: a patient–care meeting is
 * created and the patient placed in its waiting room (`meeting_id`).
 */
export const meetingDropins = pgTable(
  'meeting_dropins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => careUnits.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => persons.id),
    /** Who queued: the patient, or a guardian or proxy acting for them. */
    queuedByPersonId: uuid('queued_by_person_id')
      .notNull()
      .references(() => persons.id),
    reason: text('reason').notNull(),
    /** waiting → taken (a meeting was created) | left (the patient gave up their place). */
    status: text('status').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    takenByStaffId: uuid('taken_by_staff_id').references(() => staff.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (table) => [
    check('meeting_dropins_status', sql`${table.status} in ('waiting', 'taken', 'left')`),
    check('meeting_dropins_taken', sql`(${table.status} = 'taken') = (${table.meetingId} is not null)`),
    // One place per patient and unit: a second tab or a double click finds the first.
    uniqueIndex('meeting_dropins_one_waiting').on(table.unitId, table.patientId).where(sql`${table.status} = 'waiting'`),
    index('meeting_dropins_queue').on(table.unitId, table.queuedAt).where(sql`${table.status} = 'waiting'`),
    index('meeting_dropins_patient').on(table.patientId, table.queuedAt),
  ],
);
