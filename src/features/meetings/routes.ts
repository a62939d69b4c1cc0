import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireCitizen, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { setGuestResolver, setSignalRelay } from '../../platform/realtime/signals.ts';
import { requireMeetingActor, type MeetingActor } from './access.ts';
import { guestOf, realtimeGuestOf } from './guest-session.ts';
import { invitationRoutes } from './invitation-routes.ts';
import { patientOpenForAppointment, patientRecordForAppointment, staffOpenForAppointment, staffRecordForAppointment } from './appointment-meetings.ts';
import {
  appointmentParamsSchema,
  bookingMeetingRecordSchema,
  createMeetingRequestSchema,
  handRequestSchema,
  iceServersSchema,
  idParamsSchema,
  joinRequestSchema,
  meetingMessageSchema,
  meetingRecordSchema,
  meetingSettingsRequestSchema,
  meetingSettingsSchema,
  meetingViewSchema,
  messageRequestSchema,
  openedMeetingSchema,
  participantParamsSchema,
  patientMeetingListSchema,
  screenShareRequestSchema,
  staffMeetingListQuerySchema,
  staffMeetingListSchema,
} from './contract.ts';
import { admitParticipant, endMeeting, removeParticipant } from './host.ts';
import {
  createMeeting,
  getMeeting,
  getMeetingRecord,
  iceServersOf,
  joinMeeting,
  leaveMeeting,
  listPatientMeetingsOf,
  listStaffMeetings,
  postMessage,
  setHand,
  setScreenSharing,
} from './service.ts';
import { getMeetingSettings, setMeetingSettings } from './settings.ts';
import { relayMeetingSignal } from './signals.ts';

const done = z.object({ ok: z.literal(true) });

/** Digital care meetings (issue 8): staff lists and host steps, the patient's list, and what every participant does. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = ['meetings: staff'];
  const patient = ['meetings: patient'];
  const participant = ['meetings: participant'];
  const manager = ['unit administration'];

  // WebRTC offers, answers and ICE candidates arrive on the realtime socket; this feature decides who may reach whom.
  setSignalRelay(relayMeetingSignal);

  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireMeetingActor(requireActor(request));
  // E3: the routes a guest of the meeting (no login, a session for this meeting only) may use too.
  const participantOf = async (request: Parameters<typeof requireActor>[0]): Promise<MeetingActor> =>
    request.actor ? requireMeetingActor(request.actor) : ((await guestOf(request)) ?? actorOf(request));
  setGuestResolver(realtimeGuestOf);
  await app.register(invitationRoutes);

  // ---- staff ----
  app.get('/api/staff/meetings', { schema: { tags: staff, summary: "The unit's meetings of a day (default today) and those still open", querystring: staffMeetingListQuerySchema, response: { 200: staffMeetingListSchema } } }, async (request) =>
    listStaffMeetings(contextOf(request), requireStaff(request), request.query.date),
  );
  app.post('/api/staff/meetings', { schema: { tags: staff, summary: 'Create a meeting now (the creator hosts it)', body: createMeetingRequestSchema, response: { 201: meetingViewSchema } } }, async (request, reply) =>
    reply.status(201).send(await createMeeting(contextOf(request), requireStaff(request), request.body)),
  );
  app.get(
    '/api/staff/meetings/for-appointment/:appointmentId/record',
    { schema: { tags: staff, summary: "The record of a booked video visit's meeting (null before one was opened)", params: appointmentParamsSchema, response: { 200: bookingMeetingRecordSchema } } },
    async (request) => staffRecordForAppointment(contextOf(request), requireStaff(request), request.params.appointmentId),
  );
  app.post(
    '/api/staff/meetings/for-appointment/:appointmentId',
    { schema: { tags: staff, summary: 'Open the meeting of a booked video visit (found or created)', params: appointmentParamsSchema, response: { 200: openedMeetingSchema } } },
    async (request) => staffOpenForAppointment(contextOf(request), requireStaff(request), request.params.appointmentId),
  );
  app.post(
    '/api/staff/meetings/:id/participants/:participantId/admit',
    { schema: { tags: staff, summary: 'Let a waiting participant in (host)', params: participantParamsSchema, response: { 200: meetingViewSchema } } },
    async (request) => admitParticipant(contextOf(request), requireStaff(request), request.params.id, request.params.participantId),
  );
  app.post(
    '/api/staff/meetings/:id/participants/:participantId/remove',
    { schema: { tags: staff, summary: 'Remove a participant or turn them away from the waiting room (host)', params: participantParamsSchema, response: { 200: meetingViewSchema } } },
    async (request) => removeParticipant(contextOf(request), requireStaff(request), request.params.id, request.params.participantId),
  );
  app.post('/api/staff/meetings/:id/end', { schema: { tags: staff, summary: 'End the meeting for everyone (host)', params: idParamsSchema, response: { 200: meetingViewSchema } } }, async (request) =>
    endMeeting(contextOf(request), requireStaff(request), request.params.id),
  );

  // ---- the unit manager (E4) ----
  app.get('/api/staff/meeting-settings', { schema: { tags: manager, summary: "The unit's meeting settings (screen sharing)", response: { 200: meetingSettingsSchema } } }, async (request) =>
    getMeetingSettings(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/staff/meeting-settings',
    { schema: { tags: manager, summary: "Allow or forbid screen sharing in the unit's new meetings (unit manager)", body: meetingSettingsRequestSchema, response: { 200: meetingSettingsSchema } } },
    async (request) => setMeetingSettings(contextOf(request), requireStaff(request), request.body),
  );

  // ---- patient ----
  app.get('/api/patient/meetings', { schema: { tags: patient, summary: "The patient's meetings that have not ended", response: { 200: patientMeetingListSchema } } }, async (request) =>
    listPatientMeetingsOf(contextOf(request), requireCitizen(request)),
  );
  app.get(
    '/api/patient/meetings/for-appointment/:appointmentId/record',
    { schema: { tags: patient, summary: "The record of my booked video visit's meeting (null before one was opened)", params: appointmentParamsSchema, response: { 200: bookingMeetingRecordSchema } } },
    async (request) => patientRecordForAppointment(contextOf(request), requireCitizen(request), request.params.appointmentId),
  );
  app.post(
    '/api/patient/meetings/for-appointment/:appointmentId',
    { schema: { tags: patient, summary: 'Open the meeting of my booked video visit (found or created)', params: appointmentParamsSchema, response: { 200: openedMeetingSchema } } },
    async (request) => patientOpenForAppointment(contextOf(request), requireCitizen(request), request.params.appointmentId),
  );

  // ---- every participant ----
  app.get('/api/meetings/:id', { schema: { tags: participant, summary: 'The meeting as the reader may see it', params: idParamsSchema, response: { 200: meetingViewSchema } } }, async (request) =>
    getMeeting(contextOf(request), await participantOf(request), request.params.id),
  );
  app.post(
    '/api/meetings/:id/join',
    { schema: { tags: participant, summary: 'Join from this tab: the host goes in, others wait to be let in', params: idParamsSchema, body: joinRequestSchema, response: { 200: meetingViewSchema } } },
    async (request) => joinMeeting(contextOf(request), await participantOf(request), request.params.id, request.body),
  );
  app.post('/api/meetings/:id/leave', { schema: { tags: participant, summary: 'Leave the meeting or the waiting room', params: idParamsSchema, response: { 200: meetingViewSchema } } }, async (request) =>
    leaveMeeting(contextOf(request), await participantOf(request), request.params.id),
  );
  app.post('/api/meetings/:id/hand', { schema: { tags: participant, summary: 'Raise or lower my hand', params: idParamsSchema, body: handRequestSchema, response: { 200: done } } }, async (request) => {
    await setHand(contextOf(request), await participantOf(request), request.params.id, request.body);
    return { ok: true as const };
  });
  app.post(
    '/api/meetings/:id/screen-sharing',
    { schema: { tags: participant, summary: 'Tell everyone I started or stopped sharing my screen (only where allowed)', params: idParamsSchema, body: screenShareRequestSchema, response: { 200: done } } },
    async (request) => {
      await setScreenSharing(contextOf(request), actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/meetings/:id/messages',
    { schema: { tags: participant, summary: "Write in the meeting's chat", params: idParamsSchema, body: messageRequestSchema, response: { 201: meetingMessageSchema } } },
    async (request, reply) => reply.status(201).send(await postMessage(contextOf(request), await participantOf(request), request.params.id, request.body)),
  );
  app.get('/api/meetings/:id/ice-servers', { schema: { tags: participant, summary: 'STUN and TURN servers with time-limited credentials (participants only)', params: idParamsSchema, response: { 200: iceServersSchema } } }, async (request) =>
    iceServersOf(contextOf(request), await participantOf(request), request.params.id, request.server.deps.config.meetings.ice),
  );
  app.get('/api/meetings/:id/record', { schema: { tags: participant, summary: 'Who took part, when and for how long', params: idParamsSchema, response: { 200: meetingRecordSchema } } }, async (request) =>
    getMeetingRecord(contextOf(request), actorOf(request), request.params.id),
  );
};
