import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Messages a browser sends *through* the server to another browser (WebRTC offers, answers
 * and ICE candidates between the participants of a video meeting, issue 8). The platform
 * checks the envelope and its size and keeps each socket's signals in order; whether this
 * sender may reach that recipient is the meetings feature's decision, registered here as the
 * relay (the platform knows no feature rules).
 *
 * Client → server: {"type":"signal","meetingId":<uuid>,"to":<participant id>,"payload":{…}}.
 * A refused signal is answered {"type":"signal_refused","meetingId","to","code"}.
 */
export const signalMessageSchema = z.object({
  type: z.literal('signal'),
  meetingId: z.uuid(),
  to: z.uuid(),
  payload: z.record(z.string(), z.unknown()),
});
export type SignalMessage = z.infer<typeof signalMessageSchema>;

/**
 * Someone on the socket without a login session: a guest let into one video meeting by an
 * invitation (issue 8, E3). The meetings feature resolves it from its own cookie; the guest
 * hears only the topic `guest:<id>` and the socket closes at `expiresAt`.
 */
export type RealtimeGuest = { kind: 'guest'; id: string; scope: string; expiresAt: Date };

export type SignalRelay = (context: ServiceContext, actor: Actor | RealtimeGuest, message: SignalMessage) => Promise<void>;

let relay: SignalRelay | null = null;
let guestResolver: ((request: FastifyRequest) => Promise<RealtimeGuest | null>) | null = null;

/** The meetings feature registers how a guest's cookie is read (once, when its routes load). */
export function setGuestResolver(next: (request: FastifyRequest) => Promise<RealtimeGuest | null>): void {
  guestResolver = next;
}

export function currentGuestResolver() {
  return guestResolver;
}

/** The meetings feature registers how signals are authorized and delivered (once, when its routes load). */
export function setSignalRelay(next: SignalRelay): void {
  relay = next;
}

export function currentSignalRelay(): SignalRelay | null {
  return relay;
}

/** Per socket: at most this many signals in a window (a 6-party mesh start is ~100 ICE candidates). */
export const SIGNALS_PER_WINDOW = 300;
export const SIGNAL_WINDOW_MS = 10_000;
