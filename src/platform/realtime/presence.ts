import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import type { RealtimeGuest } from './signals.ts';

/**
 * Presence: a tab says over its realtime socket that it is on a video meeting's page, and the
 * platform tells the feature when that socket closes (the tab was closed, the network went).
 * Whether that person has left is the meetings feature's decision (a grace period lets a
 * reconnecting socket keep them in), registered here as the handler; the platform knows no
 * feature rules, only which sockets announced what.
 *
 * Client → server: {"type":"presence","meetingId":<uuid>,"clientId":<the tab's id>} after the
 * tab joined, and again after every reconnect.
 */
export const presenceMessageSchema = z.object({
  type: z.literal('presence'),
  meetingId: z.uuid(),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type PresenceMessage = z.infer<typeof presenceMessageSchema>;

/** `socketId` is the server's own random id of the socket, so a late close of an old socket is told from a newer one. */
export type PresenceEvent = { socketId: string; meetingId: string; clientId: string };

/** Told for every authenticated socket: a logged-in actor's, or a guest's (signals.ts; the feature checks its scope). */
export type PresenceHandler = {
  arrived: (context: ServiceContext, actor: Actor | RealtimeGuest, event: PresenceEvent) => Promise<void>;
  departed: (context: ServiceContext, actor: Actor | RealtimeGuest, event: PresenceEvent) => Promise<void>;
};

let handler: PresenceHandler | null = null;

/** The meetings feature registers what presence means (once, when its routes load). */
export function setPresenceHandler(next: PresenceHandler): void {
  handler = next;
}

export function currentPresenceHandler(): PresenceHandler | null {
  return handler;
}

/** A tab is on one meeting at a time; a few allow for a page moving between meetings. */
export const MAX_PRESENCES_PER_SOCKET = 4;
