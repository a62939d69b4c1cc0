import { useEffect } from 'react';
import { onRealtimeOpen, sendRealtime } from '../../../../web/realtime/realtime.ts';

/**
 * While this tab is in the meeting or its waiting room, it tells the server so over its realtime
 * socket — now and after every reconnect. When the socket closes and does not come back within
 * the grace period, the server takes the person to have left (features/meetings/presence.ts).
 */
export function usePresence(meetingId: string, clientId: string, joined: boolean): void {
  useEffect(() => {
    if (!joined) return;
    const announce = () => sendRealtime({ type: 'presence', meetingId, clientId });
    announce();
    return onRealtimeOpen(announce);
  }, [meetingId, clientId, joined]);
}
