import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { activeSessionTokens, SESSION_COOKIE } from '../auth/sessions.ts';
import { RealtimeHub } from './hub.ts';
import { topicsFor, type RealtimeEvent } from './model.ts';

/**
 * GET /api/realtime: one authenticated WebSocket per browser tab (issue 7). The server
 * decides the topics from the session (a citizen: themselves and whom they act for; staff:
 * themselves and their active unit), so there is nothing to authorize per message.
 *
 * Client → server: {"type":"resume","after":<last event id seen, or null>} once connected.
 * Server → client: {"type":"ready","topics":[…]}, then {"type":"event","event":{id,topic,kind,data,at}}.
 * Events carry ids only; the page fetches what changed through the access-checked API.
 */
const PING_EVERY_MS = 30_000;
const clientMessageSchema = z.object({ type: z.literal('resume'), after: z.number().int().nonnegative().nullable() });

/** A page of another site must not open a socket with our cookie (cross-site WebSocket hijacking). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export async function realtimeRoutes(app: FastifyInstance) {
  const hub = new RealtimeHub(app.deps.db, () => app.deps.clock.now(), (tokens) => activeSessionTokens(app.deps.db.db, app.deps.clock, tokens));
  await hub.start();
  app.decorate('realtime', hub);
  app.addHook('onClose', async () => hub.stop());
  await app.register(websocket, { options: { maxPayload: 4096 } });

  app.get('/api/realtime', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    const actor = request.actor;
    if (!actor || !sameOrigin(request)) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    const topics = topicsFor(
      actor.kind === 'staff' ? { kind: 'staff', staffId: actor.staffId, unitId: actor.unitId, hasUnitRole: actor.unitRoles.length > 0 } : actor,
    );
    let lastDelivered = 0;
    const delivered = new Set<number>();
    let buffered: RealtimeEvent[] | null = null;
    const send = (event: RealtimeEvent) => {
      if (socket.readyState !== socket.OPEN) return;
      if (event.id < 0) {
        // A passing signal (typing): sent as it comes, never stored or resumed.
        socket.send(JSON.stringify({ type: 'event', event }));
        return;
      }
      if (delivered.has(event.id)) return;
      delivered.add(event.id);
      if (delivered.size > 2000) delivered.delete(delivered.values().next().value!);
      lastDelivered = Math.max(lastDelivered, event.id);
      socket.send(JSON.stringify({ type: 'event', event }));
    };
    const catchUp = async (after: number | null) => {
      buffered = [];
      try {
        for (const event of await hub.backlog(topics, after)) send(event);
      } finally {
        const waiting = buffered;
        buffered = null;
        for (const event of waiting ?? []) send(event);
      }
    };
    const unsubscribe = hub.subscribe(topics, {
      onEvent: (event) => (buffered ? buffered.push(event) : send(event)),
      onGap: () => void catchUp(lastDelivered).catch(() => {}),
    });

    // The socket outlives requests: it ends when the session does (checked for all sockets at once by the hub).
    const token = request.cookies[SESSION_COOKIE];
    const unbind = token ? hub.bindToSession(token, () => socket.close(4401, 'session ended')) : () => {};
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_EVERY_MS);

    socket.on('message', (raw) => {
      let message: z.infer<typeof clientMessageSchema>;
      try {
        message = clientMessageSchema.parse(JSON.parse(String(raw)));
      } catch {
        socket.close(4400, 'bad message');
        return;
      }
      void catchUp(message.after).catch(() => socket.close(1011, 'backlog failed'));
    });
    socket.on('close', () => {
      unsubscribe();
      unbind();
      clearInterval(ping);
    });
    socket.send(JSON.stringify({ type: 'ready', topics }));
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}
