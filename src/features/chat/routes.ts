import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen, requireStaff } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import {
  chatHoursRequestSchema,
  chatHoursSchema,
  chatMessageSchema,
  chatStatusSchema,
  colleagueRequestSchema,
  colleaguesSchema,
  endedChatSchema,
  endRequestSchema,
  idParamsSchema,
  messageRequestSchema,
  patientChatListSchema,
  patientChatSchema,
  readRequestSchema,
  staffChatSchema,
  staffQueueSchema,
  startChatRequestSchema,
  unitParamsSchema,
} from './contract.ts';
import { startUnreadSweep } from './notify.ts';
import { chatStatus, getChatHours, setChatHours } from './hours-service.ts';
import { getMyChat, leaveQueue, listMyChats, patientMessage, patientRead, patientTyping, startChat } from './patient-service.ts';
import { addColleague, chatColleagues, endChat, getUnitChat, staffMessage, staffQueue, staffRead, staffTyping, takeNext, transferChat } from './staff-service.ts';

const done = z.object({ ok: z.literal(true) });

/** Chat with care (C8): open-now (public), the patient's chat, the unit's queue and conversations, and the chat hours. */
export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = ['chat'];
  const patient = ['chat: patient'];
  const staff = ['chat: staff'];
  const admin = ['unit administration'];

  const stop = startUnreadSweep(app.deps.db.db, app.deps.clock, (error) => app.log.warn({ err: error }, 'chat unread sweep failed'));
  app.addHook('onClose', async () => stop());

  app.get(
    '/api/chat/units/:unitId/status',
    { schema: { tags: open, summary: "Whether a unit's chat is open now, and when it next opens", params: unitParamsSchema, response: { 200: chatStatusSchema } } },
    async (request) => chatStatus(contextOf(request), request.params.unitId),
  );

  // ---- patient ----
  app.post(
    '/api/patient/chats',
    { schema: { tags: patient, summary: 'Start a chat at a unit (answers the live one if there is one)', body: startChatRequestSchema, response: { 200: patientChatSchema, 201: patientChatSchema } } },
    async (request, reply) => {
      const { chat, created } = await startChat(contextOf(request), requireCitizen(request), request.body);
      return reply.status(created ? 201 : 200).send(chat);
    },
  );
  app.get('/api/patient/chats', { schema: { tags: patient, summary: "The patient's live chats", response: { 200: patientChatListSchema } } }, async (request) =>
    listMyChats(contextOf(request), requireCitizen(request)),
  );
  app.get('/api/patient/chats/:id', { schema: { tags: patient, summary: 'One chat: queue position, wait, messages', params: idParamsSchema, response: { 200: patientChatSchema } } }, async (request) =>
    getMyChat(contextOf(request), requireCitizen(request), request.params.id),
  );
  app.post(
    '/api/patient/chats/:id/messages',
    { schema: { tags: patient, summary: 'Write in the chat', params: idParamsSchema, body: messageRequestSchema, response: { 201: chatMessageSchema } } },
    async (request, reply) => reply.status(201).send(await patientMessage(contextOf(request), requireCitizen(request), request.params.id, request.body)),
  );
  app.post(
    '/api/patient/chats/:id/read',
    { schema: { tags: patient, summary: 'Read up to a message (read receipt)', params: idParamsSchema, body: readRequestSchema, response: { 200: done } } },
    async (request) => {
      await patientRead(contextOf(request), requireCitizen(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post('/api/patient/chats/:id/typing', { schema: { tags: patient, summary: 'Tell the staff the patient is typing', params: idParamsSchema, response: { 200: done } } }, async (request) => {
    await patientTyping(contextOf(request), requireCitizen(request), request.params.id);
    return { ok: true as const };
  });
  app.post('/api/patient/chats/:id/leave', { schema: { tags: patient, summary: 'Leave the queue', params: idParamsSchema, response: { 200: patientChatSchema } } }, async (request) =>
    leaveQueue(contextOf(request), requireCitizen(request), request.params.id),
  );

  // ---- staff ----
  app.get('/api/staff/chat/queue', { schema: { tags: staff, summary: "The unit's chat queue and my chats", response: { 200: staffQueueSchema } } }, async (request) =>
    staffQueue(contextOf(request), requireStaff(request)),
  );
  app.get('/api/staff/chat/colleagues', { schema: { tags: staff, summary: 'Colleagues who can be brought in or handed a chat', response: { 200: colleaguesSchema } } }, async (request) =>
    chatColleagues(contextOf(request), requireStaff(request)),
  );
  app.post('/api/staff/chat/take-next', { schema: { tags: staff, summary: 'Take the next patient in the queue', response: { 200: staffChatSchema } } }, async (request) =>
    takeNext(contextOf(request), requireStaff(request)),
  );
  app.get('/api/staff/chats/:id', { schema: { tags: staff, summary: 'One chat of the unit', params: idParamsSchema, response: { 200: staffChatSchema } } }, async (request) =>
    getUnitChat(contextOf(request), requireStaff(request), request.params.id),
  );
  app.post(
    '/api/staff/chats/:id/messages',
    { schema: { tags: staff, summary: 'Write in the chat', params: idParamsSchema, body: messageRequestSchema, response: { 201: chatMessageSchema } } },
    async (request, reply) => reply.status(201).send(await staffMessage(contextOf(request), requireStaff(request), request.params.id, request.body)),
  );
  app.post(
    '/api/staff/chats/:id/read',
    { schema: { tags: staff, summary: 'Read up to a message (read receipt)', params: idParamsSchema, body: readRequestSchema, response: { 200: done } } },
    async (request) => {
      await staffRead(contextOf(request), requireStaff(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post('/api/staff/chats/:id/typing', { schema: { tags: staff, summary: 'Tell the patient staff are typing', params: idParamsSchema, response: { 200: done } } }, async (request) => {
    await staffTyping(contextOf(request), requireStaff(request), request.params.id);
    return { ok: true as const };
  });
  app.post(
    '/api/staff/chats/:id/participants',
    { schema: { tags: staff, summary: 'Bring a colleague into the chat', params: idParamsSchema, body: colleagueRequestSchema, response: { 200: staffChatSchema } } },
    async (request) => addColleague(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    '/api/staff/chats/:id/transfer',
    { schema: { tags: staff, summary: 'Hand the chat over to a colleague', params: idParamsSchema, body: colleagueRequestSchema, response: { 200: staffChatSchema } } },
    async (request) => transferChat(contextOf(request), requireStaff(request), request.params.id, request.body),
  );
  app.post(
    '/api/staff/chats/:id/end',
    { schema: { tags: staff, summary: 'End the chat with a summary; the transcript is kept as a closed case', params: idParamsSchema, body: endRequestSchema, response: { 200: endedChatSchema } } },
    async (request) => endChat(contextOf(request), requireStaff(request), request.params.id, request.body),
  );

  // ---- unit administrator ----
  app.get('/api/unit-admin/chat-hours', { schema: { tags: admin, summary: "The unit's chat hours", response: { 200: chatHoursSchema } } }, async (request) =>
    getChatHours(contextOf(request), requireStaff(request)),
  );
  app.put(
    '/api/unit-admin/chat-hours',
    { schema: { tags: admin, summary: "Publish the unit's chat hours (weekly schedule, holidays, exceptions)", body: chatHoursRequestSchema, response: { 200: chatHoursSchema } } },
    async (request) => setChatHours(contextOf(request), requireStaff(request), request.body),
  );
};
