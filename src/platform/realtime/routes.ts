import websocket from '@fastify/websocket';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { activeSessionTokens, SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { RealtimeHub } from './hub.ts';
import { currentPresenceHandler, MAX_PRESENCES_PER_SOCKET, presenceMessageSchema, type PresenceEvent } from './presence.ts';
import { topicsFor, type RealtimeEvent } from './model.ts';
import { currentGuestResolver, currentSignalRelay, SIGNAL_WINDOW_MS, SIGNALS_PER_WINDOW, signalMessageSchema, type RealtimeGuest, type SignalMessage } from './signals.ts';

/**
 * GET /api/realtime: one authenticated WebSocket per browser tab (issue 7). The server
 * decides the topics from the session (a citizen: themselves and whom they act for; staff:
 * themselves and their active unit), so there is nothing to authorize per message.
 *
 * Client → server: {"type":"resume","after":<last event id seen, or null>} once connected;
 * {"type":"signal",…} to pass a WebRTC signal to another meeting participant (signals.ts);
 * {"type":"presence",…} to say this tab is on a meeting's page, told again when the socket closes (presence.ts).
 * Server → client: {"type":"ready","topics":[…]}, then {"type":"event","event":{id,topic,kind,data,at}}.
 * Events carry ids only; the page fetches what changed through the access-checked API.
 */
const PING_EVERY_MS = 30_000;
/** The longest delay setTimeout takes (about 24.8 days); a guest session is hours. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const resumeMessageSchema = z.object({ type: z.literal('resume'), after: z.number().int().nonnegative().nullable() });
const clientMessageSchema = z.discriminatedUnion('type', [resumeMessageSchema, signalMessageSchema, presenceMessageSchema]);
/** A WebRTC offer with audio, video and many codecs fits with room to spare (signals.ts). */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

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
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });

  // Without a login session, a guest of a video meeting (issue 8, E3) may listen to their own topic only.
  const resolveGuest = async (request: FastifyRequest) => {
    const resolver = currentGuestResolver();
    if (!request.actor && resolver) request.realtimeGuest = await resolver(request);
  };
  app.get('/api/realtime', { websocket: true, schema: { hide: true }, preValidation: resolveGuest }, (socket: WebSocket, request) => {
    const actor = request.actor;
    const guest = actor ? null : request.realtimeGuest;
    if ((!actor && !guest) || !sameOrigin(request)) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    const topics = guest
      ? [`guest:${guest.id}` as const]
      : topicsFor(actor!.kind === 'staff' ? { kind: 'staff', staffId: actor!.staffId, unitId: actor!.unitId, hasUnitRole: actor!.unitRoles.length > 0 } : actor!);
    // A guest's session is not in the sessions table: its socket closes when the guest session ends
    // (on the app's clock, which gave out that end; a timer longer than MAX_TIMER_MS would fire at once).
    const guestEnd = guest
      ? setTimeout(() => socket.close(4401, 'session ended'), Math.min(MAX_TIMER_MS, Math.max(0, guest.expiresAt.getTime() - app.deps.clock.now().getTime())))
      : undefined;
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

    // Signals are relayed one at a time, in the order sent: an ICE candidate must not overtake its offer.
    let signals: Promise<void> = Promise.resolve();
    let windowStart = Date.now();
    let inWindow = 0;
    const refuse = (message: SignalMessage, code: string) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'signal_refused', meetingId: message.meetingId, to: message.to, code }));
    };
    const relaySignal = (message: SignalMessage) => {
      if (Date.now() - windowStart > SIGNAL_WINDOW_MS) {
        windowStart = Date.now();
        inWindow = 0;
      }
      if (++inWindow > SIGNALS_PER_WINDOW) return refuse(message, 'rate_limited');
      const relay = currentSignalRelay();
      if (!relay) return refuse(message, 'not_supported');
      signals = signals.then(() =>
        relay({ db: app.deps.db.db, clock: app.deps.clock }, actor ?? guest!, message).catch((error: unknown) => {
          if (!(error instanceof AppError)) request.log.warn({ err: error }, 'signal relay failed');
          refuse(message, error instanceof AppError ? error.code : 'failed');
        }),
      );
    };
    // Presence: what this socket announced, told to the feature in order, and once more when it closes.
    const socketId = randomUUID();
    const presences = new Map<string, string>();
    let presenceWork: Promise<void> = Promise.resolve();
    const tellPresence = (what: 'arrived' | 'departed', event: PresenceEvent) => {
      const handler = currentPresenceHandler();
      const who = actor ?? guest;
      if (!handler || !who) return;
      presenceWork = presenceWork.then(() =>
        handler[what]({ db: app.deps.db.db, clock: app.deps.clock }, who, event).catch((error: unknown) => {
          if (!(error instanceof AppError)) request.log.warn({ err: error }, `presence ${what} failed`);
        }),
      );
    };

    socket.on('message', (raw) => {
      let message: z.infer<typeof clientMessageSchema>;
      try {
        message = clientMessageSchema.parse(JSON.parse(String(raw)));
      } catch {
        socket.close(4400, 'bad message');
        return;
      }
      if (message.type === 'signal') return relaySignal(message);
      if (message.type === 'presence') {
        if (!presences.has(message.meetingId) && presences.size >= MAX_PRESENCES_PER_SOCKET) return;
        presences.set(message.meetingId, message.clientId);
        return tellPresence('arrived', { socketId, meetingId: message.meetingId, clientId: message.clientId });
      }
      void catchUp(message.after).catch(() => socket.close(1011, 'backlog failed'));
    });
    socket.on('close', () => {
      unsubscribe();
      unbind();
      clearInterval(ping);
      clearTimeout(guestEnd);
      for (const [meetingId, clientId] of presences) tellPresence('departed', { socketId, meetingId, clientId });
    });
    socket.send(JSON.stringify({ type: 'ready', topics }));
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
  interface FastifyRequest {
    /** A video meeting's guest opening the socket without a login session (set by the guest resolver). */
    realtimeGuest?: RealtimeGuest | null;
  }
}
