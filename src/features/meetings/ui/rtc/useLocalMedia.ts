import { useCallback, useEffect, useRef, useState } from 'react';
import { openLocalMedia, stopStream, type MediaProblem } from './media.ts';

/**
 * The camera and microphone for the check, the waiting room and the meeting (or while waiting
 * in a drop-in queue): opened while `enabled`, released when the page goes; `reopen` tries
 * again after a problem (permission given, another program closed).
 */
export function useLocalMedia(enabled = true): { stream: MediaStream | null; problem: MediaProblem | null; reopen: () => Promise<void> } {
  const [local, setLocal] = useState<{ stream: MediaStream | null; problem: MediaProblem | null }>({ stream: null, problem: null });
  const streamRef = useRef<MediaStream | null>(null);
  const reopen = useCallback(async () => {
    stopStream(streamRef.current);
    const opened = await openLocalMedia();
    streamRef.current = opened.stream;
    setLocal(opened);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    void reopen();
    return () => {
      stopStream(streamRef.current);
      streamRef.current = null;
    };
  }, [enabled, reopen]);
  return { ...local, reopen };
}
