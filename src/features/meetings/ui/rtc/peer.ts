import type { SignalPayload } from '../../contract.ts';

/**
 * One WebRTC connection to one other participant, with the "perfect negotiation" pattern
 * (W3C WebRTC 1.0 §10.7): either side may start a negotiation at any time; when two offers
 * cross, the impolite side ignores the other's and the polite side rolls its own back. So
 * both sides run the same code and a renegotiation (an ICE restart, a replaced track) needs no
 * coordination. Incoming signals are handled one at a time, in the order they came.
 *
 * To avoid the crossing in the common case, the polite side adds its camera and microphone
 * only with the first offer it answers (or after a short wait, if no offer comes).
 */

/**
 * What this side withholds from the other (E3): the host sends nothing to a guest waiting for
 * the ID check, the guest only their picture; the senders stay negotiated, so letting the guest
 * in puts the tracks back without a new negotiation.
 */
export type Hold = { audio: boolean; video: boolean };
export const NO_HOLD: Hold = { audio: false, video: false };

export type PeerOptions = {
  polite: boolean;
  hold?: Hold;
  configuration: RTCConfiguration;
  localStream: MediaStream | null;
  send: (payload: SignalPayload) => void;
  onRemoteStream: (stream: MediaStream) => void;
  onStateChange: (state: RTCPeerConnectionState) => void;
  /**
   * The other side's description cannot be applied to this connection at all: they are on a new
   * RTCPeerConnection under the same tab (their page's mesh started over: media reopened, or let
   * in while the answer to an earlier offer was on its way), so the m-lines or DTLS roles no longer
   * match. Only a new connection can follow; the mesh makes one and hands it an offer.
   */
  onIncompatible: (description: RTCSessionDescriptionInit) => void;
};

/** What setRemoteDescription throws for a description of another connection (not a passing state race). */
const isIncompatible = (error: unknown) => error instanceof DOMException && (error.name === 'InvalidAccessError' || error.name === 'OperationError');

/** How long the polite side waits for the other's offer before offering itself. */
const POLITE_WAIT_MS = 1500;
/** A connection "disconnected" this long is given an ICE restart (a network change, a lost Wi-Fi). */
const DISCONNECTED_RESTART_MS = 4000;
/** How often a connection that is not up is given another try. */
const WATCHDOG_MS = 8000;

export class Peer {
  readonly pc: RTCPeerConnection;
  private readonly options: PeerOptions;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private tracksAdded = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly pendingCandidates: RTCIceCandidateInit[] = [];
  private timers: number[] = [];
  private closed = false;
  private hold: Hold;
  /** The video to send when not held: the camera, or a shared screen. */
  private video: MediaStreamTrack | null;

  constructor(options: PeerOptions) {
    this.options = options;
    this.hold = options.hold ?? NO_HOLD;
    this.video = options.localStream?.getVideoTracks()[0] ?? null;
    this.pc = new RTCPeerConnection(options.configuration);
    this.pc.onnegotiationneeded = () => void this.negotiate();
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) options.send({ candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex, usernameFragment: candidate.usernameFragment } });
    };
    this.pc.ontrack = ({ track, streams }) => options.onRemoteStream(streams[0] ?? new MediaStream([track]));
    this.pc.onconnectionstatechange = () => options.onStateChange(this.pc.connectionState);
    this.pc.oniceconnectionstatechange = () => this.watchIce();
    if (!options.polite) this.addLocalTracks();
    else this.later(() => this.addLocalTracks(), POLITE_WAIT_MS);
    this.watchdog();
  }

  /** Handles an offer, answer or ICE candidate from the other side, after those before it. */
  handle(payload: SignalPayload): Promise<void> {
    this.queue = this.queue.then(() => this.apply(payload)).catch((error: unknown) => console.warn('meeting: signal not applied', error));
    return this.queue;
  }

  /** Sends another camera's or a screen's video without a new negotiation (screen sharing, camera switch). */
  async replaceVideoTrack(track: MediaStreamTrack | null): Promise<void> {
    this.video = track;
    await this.applyHold();
  }

  /** Withholds or sends again this side's sound and picture (E3: the ID check before a guest is let in). */
  async setHold(hold: Hold): Promise<void> {
    this.hold = hold;
    await this.applyHold();
  }

  private async applyHold(): Promise<void> {
    if (this.closed || !this.tracksAdded) return;
    const audio = this.options.localStream?.getAudioTracks()[0] ?? null;
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.direction === 'recvonly' || transceiver.direction === 'inactive') continue;
      const kind = transceiver.receiver.track.kind;
      const wanted = kind === 'video' ? (this.hold.video ? null : this.video) : this.hold.audio ? null : audio;
      if (transceiver.sender.track !== wanted) await transceiver.sender.replaceTrack(wanted).catch(() => {});
    }
  }

  /** A new path after the network changed: new candidates (an offer with fresh ICE credentials). */
  restartIce(): void {
    if (this.closed) return;
    // An offer of ours that was never answered (lost while the other tab was not listening yet) is withdrawn first.
    if (this.pc.signalingState === 'have-local-offer') {
      void this.pc.setLocalDescription({ type: 'rollback' }).then(() => this.pc.restartIce(), () => {});
      return;
    }
    this.pc.restartIce();
  }

  setConfiguration(configuration: RTCConfiguration): void {
    if (!this.closed) this.pc.setConfiguration(configuration);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) window.clearTimeout(timer);
    this.pc.close();
  }

  private addLocalTracks() {
    if (this.tracksAdded || this.closed) return;
    this.tracksAdded = true;
    const stream = this.options.localStream;
    if (stream) for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
    // Without a camera or microphone, still receive the others' video and sound.
    if (!stream || stream.getVideoTracks().length === 0) this.pc.addTransceiver('video', { direction: 'recvonly' });
    if (!stream || stream.getAudioTracks().length === 0) this.pc.addTransceiver('audio', { direction: 'recvonly' });
    if (this.hold.audio || this.hold.video) void this.applyHold();
  }

  private async negotiate() {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.options.send({ description: this.descriptionOf(this.pc.localDescription!) });
    } catch (error) {
      console.warn('meeting: offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  private descriptionOf(description: RTCSessionDescription): { type: RTCSdpType; sdp: string } {
    return { type: description.type, sdp: description.sdp };
  }

  private async apply(payload: SignalPayload) {
    if (this.closed) return;
    if ('description' in payload) {
      const description = payload.description;
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      // Only a connection that was already set up can be out of step; a fresh one that cannot take a description never could.
      const established = this.pc.remoteDescription !== null;
      try {
        await this.pc.setRemoteDescription(description);
      } catch (error) {
        this.settingRemoteAnswer = false;
        if (!established || !isIncompatible(error)) throw error;
        console.warn('meeting: the other side started a new connection; following it', error);
        this.options.onIncompatible(description);
        return;
      }
      this.settingRemoteAnswer = false;
      for (const candidate of this.pendingCandidates.splice(0)) await this.addCandidate(candidate);
      if (description.type === 'offer') {
        // Answering with our own camera and microphone (they reuse the offer's transceivers).
        this.addLocalTracks();
        await this.pc.setLocalDescription();
        this.options.send({ description: this.descriptionOf(this.pc.localDescription!) });
      }
      return;
    }
    if (!payload.candidate) return;
    // A candidate may come before the description it belongs to (a rollback, a reconnect): keep it until then.
    if (!this.pc.remoteDescription) this.pendingCandidates.push(payload.candidate);
    else await this.addCandidate(payload.candidate);
  }

  private async addCandidate(candidate: RTCIceCandidateInit) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      if (!this.ignoreOffer) throw error;
    }
  }

  private watchIce() {
    const state = this.pc.iceConnectionState;
    if (state === 'failed') this.restartIce();
    if (state === 'disconnected') this.later(() => this.pc.iceConnectionState === 'disconnected' && this.restartIce(), DISCONNECTED_RESTART_MS);
  }

  /** Not connected after a while (a signal lost on the way): try again with an ICE restart, every so often. */
  private watchdog() {
    this.later(() => {
      if (this.closed) return;
      if (this.pc.connectionState !== 'connected') this.restartIce();
      this.watchdog();
    }, WATCHDOG_MS);
  }

  private later(fn: () => void, ms: number) {
    this.timers.push(window.setTimeout(fn, ms));
  }
}
