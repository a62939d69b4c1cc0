/**
 * The camera and microphone for the pre-meeting check (E5) and the meeting: asking for them,
 * a microphone level from the Web Audio API, and a test sound for the speaker. Browser only.
 */

export type MediaProblem = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'other';

/** Camera and microphone, or as much of them as there is; `problem` says why something is missing. */
export async function openLocalMedia(): Promise<{ stream: MediaStream | null; problem: MediaProblem | null }> {
  if (!navigator.mediaDevices?.getUserMedia) return { stream: null, problem: 'unsupported' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } },
    });
    return { stream, problem: null };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    // No camera: the microphone alone still lets the person take part.
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      try {
        return { stream: await navigator.mediaDevices.getUserMedia({ audio: true }), problem: 'not_found' };
      } catch {
        return { stream: null, problem: 'not_found' };
      }
    }
    if (name === 'NotAllowedError' || name === 'SecurityError') return { stream: null, problem: 'denied' };
    if (name === 'NotReadableError' || name === 'AbortError') return { stream: null, problem: 'in_use' };
    return { stream: null, problem: 'other' };
  }
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Root mean square of 8-bit PCM samples (128 = silence), scaled to 0–1; speech is ~0.05–0.3. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}

/** Calls `onLevel` about ten times a second with the microphone's level (0–1) until stopped. */
export function watchMicrophoneLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return () => {};
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    onLevel(levelOf(samples));
  }, 100);
  return () => {
    window.clearInterval(timer);
    void context.close();
  };
}

/** A short two-tone chime through the speaker or headset, made on the spot (no file to load). */
export async function playTestSound(): Promise<void> {
  const context = new AudioContext();
  const gain = context.createGain();
  gain.connect(context.destination);
  const start = context.currentTime;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.3, start + 0.05);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2);
  for (const [frequency, offset] of [[660, 0], [880, 0.35]] as const) {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(start + offset);
    tone.stop(start + 1.2);
  }
  await new Promise((resolve) => window.setTimeout(resolve, 1300));
  await context.close();
}
