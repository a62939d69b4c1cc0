import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/plugin.ts';
import { contextOf } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { setPresenceHandler } from '../../platform/realtime/presence.ts';
import { idParamsSchema } from './contract.ts';
import { mediaStateRequestSchema, setMediaState } from './media-state.ts';
import { meetingPresence } from './presence.ts';

/** Presence in a meeting (who is still connected) and the microphone/camera state others see. */
export const meetingPresenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // A closed realtime socket of a participant's tab may mean they have gone (presence.ts).
  setPresenceHandler(meetingPresence);

  app.post(
    '/api/meetings/:id/media-state',
    {
      schema: {
        tags: ['meetings: participant'],
        summary: 'Tell the others whether my microphone and camera are on',
        params: idParamsSchema,
        body: mediaStateRequestSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind === 'system') throw errors.forbidden();
      await setMediaState(contextOf(request), actor, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
