import { useEffect, useRef, useState } from 'react';
import { api } from '../../../../web/api/client.ts';
import { onRealtimeEvent, onRealtimeOpen, sendRealtime } from '../../../../web/realtime/realtime.ts';
import type { IceServers, MeetingSignalEvent, SignalPayload } from '../../contract.ts';
import { Mesh, type Remote, type RemoteView } from './mesh.ts';
import { NO_HOLD, type Hold } from './peer.ts';
import { usePresence } from './usePresence.ts';

/**
 * Runs the mesh for this tab. While the person waits, the ICE servers are fetched already
 * (and refreshed before the TURN credentials expire), so being let in starts the connections
 * at once; signals that arrive before the mesh exists are kept for it. Signals go over the
 * tab's realtime socket: kept while it reconnects, then sent, and stalled connections restarted.
 */

type TestWindow = Window & { __naraTestHooks?: boolean; __naraForceRelay?: boolean; __naraMeeting?: { connections: () => RTCPeerConnection[]; byParticipant: () => Map<string, RTCPeerConnection> } };

async function configurationFor(meetingId: string): Promise<{ configuration: RTCConfiguration; ttlSeconds: number }> {
  const ice = await api<IceServers>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/ice-servers`);
  const testWindow = window as TestWindow;
  // Browser tests may force media through the TURN server; nobody else can set this flag.
  const relay = testWindow.__naraTestHooks === true && testWindow.__naraForceRelay === true;
  return { configuration: { iceServers: ice.iceServers, ...(relay ? { iceTransportPolicy: 'relay' as const } : {}) }, ttlSeconds: ice.ttlSeconds };
}

const MAX_EARLY_SIGNALS = 200;

export function useMesh(input: { meetingId: string; myId: string | null; myClientId: string; joined: boolean; admitted: boolean; participants: Remote[]; localStream: MediaStream | null; unknownHold?: Hold }) {
  const { meetingId, myId, myClientId, joined, admitted, localStream, unknownHold } = input;
  const [mesh, setMesh] = useState<Mesh | null>(null);
  const [remotes, setRemotes] = useState<RemoteView[]>([]);
  const [failed, setFailed] = useState(false);
  const configuration = useRef<RTCConfiguration | null>(null);
  const [configured, setConfigured] = useState(false);
  const meshRef = useRef<Mesh | null>(null);
  const early = useRef<MeetingSignalEvent[]>([]);
  usePresence(meetingId, myClientId, joined);

  // While joined (waiting or in): the ICE servers, fresh before the credentials expire; and the signals for this tab.
  useEffect(() => {
    if (!joined) return;
    let stopped = false;
    let refresh: number | undefined;
    const load = () =>
      configurationFor(meetingId).then(({ configuration: next, ttlSeconds }) => {
        if (stopped) return;
        configuration.current = next;
        meshRef.current?.updateConfiguration(next);
        setConfigured(true);
        window.clearTimeout(refresh);
        refresh = window.setTimeout(() => void load().catch(() => {}), ttlSeconds * 800);
      });
    load().catch(() => setFailed(true));
    const stopSignals = onRealtimeEvent((event) => {
      if (event.kind !== 'meeting.signal' || (event.data as MeetingSignalEvent).meetingId !== meetingId) return;
      const signal = event.data as MeetingSignalEvent;
      if (meshRef.current) meshRef.current.handleSignal(signal);
      // An offer can come the moment the host lets this person in, before this tab has heard so itself.
      else if (early.current.length < MAX_EARLY_SIGNALS) early.current.push(signal);
    });
    return () => {
      stopped = true;
      window.clearTimeout(refresh);
      stopSignals();
      early.current = [];
    };
  }, [joined, meetingId]);

  // While let in: the mesh itself.
  useEffect(() => {
    if (!admitted || !myId || !configured || !configuration.current) return;
    const unsent: { to: string; payload: SignalPayload }[] = [];
    const send = (to: string, payload: SignalPayload) => {
      if (!sendRealtime({ type: 'signal', meetingId, to, payload })) unsent.push({ to, payload });
    };
    const current: Mesh = new Mesh({ myId, myClientId, configuration: configuration.current, localStream, send, onChange: () => setRemotes(current.remotes()) });
    meshRef.current = current;
    setMesh(current);
    for (const signal of early.current.splice(0)) current.handleSignal(signal);
    const stopOpen = onRealtimeOpen(() => {
      for (const message of unsent.splice(0)) send(message.to, message.payload);
      // Signals may have been lost while the socket was down.
      current.restartStalled();
    });
    const testWindow = window as TestWindow;
    if (testWindow.__naraTestHooks === true) {
      testWindow.__naraMeeting = { connections: () => [...current.connections().values()], byParticipant: () => current.connections() };
    }
    return () => {
      stopOpen();
      current.close();
      meshRef.current = null;
      setMesh(null);
      setRemotes([]);
    };
  }, [admitted, configured, meetingId, myId, myClientId, localStream]);

  useEffect(() => mesh?.setUnknownHold(unknownHold ?? NO_HOLD), [mesh, unknownHold]);

  // Who is in changes: connect to newcomers, drop those who left.
  const roster = input.participants.map((participant) => `${participant.id}:${participant.clientId ?? ''}:${participant.hold?.audio ?? false}:${participant.hold?.video ?? false}`).join(',');
  const participantsRef = useRef(input.participants);
  participantsRef.current = input.participants;
  useEffect(() => {
    mesh?.sync(participantsRef.current.map((participant) => ({ id: participant.id, clientId: participant.clientId, ...(participant.hold ? { hold: participant.hold } : {}) })));
  }, [mesh, roster]);

  return { mesh, remotes, failed };
}
