import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * The browser side of /api/realtime: one WebSocket per tab, opened when someone is signed
 * in and reopened (resuming from the last event seen) after a drop, with backoff. Events
 * carry ids only; pages react by fetching again through the normal API.
 */
export type RealtimeEvent = { id: number; topic: string; kind: string; data: Record<string, unknown>; at: string };
type Listener = (event: RealtimeEvent) => void;

const listeners = new Set<Listener>();
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// Closed by the server because the session ended: do not reconnect (the app sends the person to log in).
const SESSION_ENDED = 4401;

let socket: WebSocket | null = null;
let identity: string | null = null;
let lastSeenId: number | null = null;
const seen = new Set<number>();
let attempts = 0;
let retryTimer: number | undefined;

function deliver(event: RealtimeEvent) {
  // Negative ids are passing signals (typing): never stored, so not counted for resuming.
  if (event.id < 0) {
    for (const listener of listeners) listener(event);
    return;
  }
  if (seen.has(event.id)) return;
  seen.add(event.id);
  if (seen.size > 1000) seen.delete(seen.values().next().value!);
  lastSeenId = Math.max(lastSeenId ?? 0, event.id);
  for (const listener of listeners) listener(event);
}

function retryLater() {
  const delay = RETRY_MS[Math.min(attempts++, RETRY_MS.length - 1)]!;
  retryTimer = window.setTimeout(open, delay);
}

function open() {
  if (identity === null) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/realtime`;
  let current: WebSocket;
  try {
    current = new WebSocket(url);
  } catch {
    // Refused before connecting (a policy, a broken URL): try again later like any drop.
    retryLater();
    return;
  }
  socket = current;
  current.onmessage = (message) => {
    const data = JSON.parse(String(message.data)) as { type: string; event?: RealtimeEvent };
    if (data.type === 'ready') {
      attempts = 0;
      current.send(JSON.stringify({ type: 'resume', after: lastSeenId }));
      for (const listener of openListeners) listener();
    }
    if (data.type === 'event' && data.event) deliver(data.event);
    // The server would not pass a signal on (signals.ts): told to listeners as a passing event.
    if (data.type === 'signal_refused') deliver({ id: -1, topic: '', kind: 'realtime.signal_refused', data: data as unknown as Record<string, unknown>, at: new Date().toISOString() });
  };
  current.onclose = (closing) => {
    if (socket !== current) return;
    socket = null;
    if (closing.code === SESSION_ENDED || identity === null) return;
    retryLater();
  };
}

/** Opens the tab's connection for this session identity (who, and for whom or at which unit). */
export function connectRealtime(forIdentity: string) {
  if (identity === forIdentity && socket) return;
  disconnectRealtime();
  identity = forIdentity;
  // A new identity hears other topics: start afresh rather than resume.
  lastSeenId = null;
  seen.clear();
  attempts = 0;
  if (typeof WebSocket !== 'undefined') open();
}

export function disconnectRealtime() {
  identity = null;
  window.clearTimeout(retryTimer);
  const current = socket;
  socket = null;
  current?.close();
}

const openListeners = new Set<() => void>();

/** Called each time the socket is (re)connected and ready: a video call resends what may have been lost. */
export function onRealtimeOpen(listener: () => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

/**
 * Sends a message to the server over the tab's socket (a WebRTC signal for a meeting
 * participant). False when there is no open socket now: the caller decides whether to retry.
 */
export function sendRealtime(message: Record<string, unknown>): boolean {
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(message));
  return true;
}

export function onRealtimeEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the tab's connection open while this component is mounted (an area of a signed-in person). */
export function useRealtimeConnection(forIdentity: string | null) {
  useEffect(() => {
    if (!forIdentity) return;
    connectRealtime(forIdentity);
    return () => disconnectRealtime();
  }, [forIdentity]);
}

/**
 * Fetches queries again when an event of this kind arrives: `keys` says which, from the
 * event (for example the inbox and the one case that changed).
 */
export function useRefetchOn(kind: string, keys: (event: RealtimeEvent) => QueryKey[]) {
  const queryClient = useQueryClient();
  // The latest description of what to refetch, without subscribing again on every render.
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(
    () =>
      onRealtimeEvent((event) => {
        if (event.kind !== kind) return;
        for (const queryKey of keysRef.current(event)) void queryClient.invalidateQueries({ queryKey });
      }),
    [kind, queryClient],
  );
}

/** Calls `handler` for each event of this kind while the component is mounted (typing, read receipts). */
export function useRealtimeEvent(kind: string, handler: (event: RealtimeEvent) => void) {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => onRealtimeEvent((event) => event.kind === kind && handlerRef.current(event)), [kind]);
}
