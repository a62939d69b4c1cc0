import type { MeetingSignalEvent, SignalPayload } from '../../contract.ts';
import { isPolite } from '../../model.ts';
import { NO_HOLD, Peer, type Hold } from './peer.ts';

/**
 * The meeting as a mesh: one Peer per other participant let in (up to five). The page tells
 * it who is in (`sync`) and hands it the signals addressed to this tab; it tells the page
 * when a remote video appears or a connection changes state. Media goes browser to browser.
 */

/** `hold`: what this side withholds from them (E3: the host from a guest waiting for the ID check). */
export type Remote = { id: string; clientId: string | null; hold?: Hold };
export type RemoteView = { id: string; stream: MediaStream | null; state: RTCPeerConnectionState };

export type MeshOptions = {
  myId: string;
  myClientId: string;
  configuration: RTCConfiguration;
  localStream: MediaStream | null;
  send: (to: string, payload: SignalPayload) => void;
  onChange: () => void;
};

type Entry = { peer: Peer; clientId: string | null; stream: MediaStream | null; state: RTCPeerConnectionState; hold: Hold };

export class Mesh {
  private readonly entries = new Map<string, Entry>();
  private readonly options: MeshOptions;
  private configuration: RTCConfiguration;
  private videoOverride: MediaStreamTrack | null = null;
  /** What the page last said to withhold from whom. */
  private known = new Map<string, Hold>();
  /**
   * What to withhold from someone whose signal comes before the page has listed them: the host
   * of a meeting taking ID on camera withholds everything (it may be a guest not yet checked);
   * otherwise nothing, so a connection starts as fast as before.
   */
  private unknownHold: Hold = NO_HOLD;

  constructor(options: MeshOptions) {
    this.options = options;
    this.configuration = options.configuration;
  }

  /** Connects to those newly in, drops those gone, and starts afresh with anyone who came back in a new tab. */
  sync(remotes: Remote[]): void {
    this.known = new Map(remotes.map((remote) => [remote.id, remote.hold ?? NO_HOLD]));
    const wanted = new Map(remotes.filter((remote) => remote.id !== this.options.myId && remote.clientId).map((remote) => [remote.id, remote]));
    for (const [id, entry] of this.entries) {
      const remote = wanted.get(id);
      if (!remote || remote.clientId !== entry.clientId) this.drop(id);
    }
    for (const remote of wanted.values()) {
      const entry = this.entries.get(remote.id);
      const hold = remote.hold ?? NO_HOLD;
      if (!entry) this.connect(remote.id, remote.clientId, hold);
      else if (entry.hold.audio !== hold.audio || entry.hold.video !== hold.video) {
        entry.hold = hold;
        void entry.peer.setHold(hold);
      }
    }
  }

  setUnknownHold(hold: Hold): void {
    this.unknownHold = hold;
  }

  /** A signal for this tab from another participant's tab. */
  handleSignal(event: MeetingSignalEvent): void {
    if (event.to !== this.options.myId || event.toClient !== this.options.myClientId || event.from === this.options.myId) return;
    let entry = this.entries.get(event.from);
    // Their page reloaded (a new tab id): the old connection is gone on their side.
    if (entry && event.fromClient !== entry.clientId) {
      this.drop(event.from);
      entry = undefined;
    }
    // An offer may come before the page has heard they were let in.
    entry ??= this.connect(event.from, event.fromClient, this.known.get(event.from) ?? this.unknownHold);
    void entry.peer.handle(event.payload);
  }

  /** Fresh TURN credentials (they expire): used by every later ICE restart and new connection. */
  updateConfiguration(configuration: RTCConfiguration): void {
    this.configuration = configuration;
    for (const entry of this.entries.values()) entry.peer.setConfiguration(configuration);
  }

  /** A new path for every connection that is not up (after the signalling socket was down). */
  restartStalled(): void {
    for (const entry of this.entries.values()) if (entry.state !== 'connected') entry.peer.restartIce();
  }

  /** Shares a screen (or goes back to the camera with null) on every connection. */
  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    this.videoOverride = track;
    const camera = this.options.localStream?.getVideoTracks()[0] ?? null;
    await Promise.all([...this.entries.values()].map((entry) => entry.peer.replaceVideoTrack(track ?? camera)));
  }

  remotes(): RemoteView[] {
    return [...this.entries].map(([id, entry]) => ({ id, stream: entry.stream, state: entry.state }));
  }

  /** The RTCPeerConnections, for the browser tests' statistics (exposed only under a test flag). */
  connections(): Map<string, RTCPeerConnection> {
    return new Map([...this.entries].map(([id, entry]) => [id, entry.peer.pc]));
  }

  close(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  private connect(id: string, clientId: string | null, hold: Hold): Entry {
    const entry: Entry = { clientId, stream: null, state: 'new', peer: undefined as unknown as Peer, hold };
    entry.peer = new Peer({
      polite: isPolite(this.options.myId, id),
      hold,
      configuration: this.configuration,
      localStream: this.options.localStream,
      send: (payload) => this.options.send(id, payload),
      onRemoteStream: (stream) => {
        entry.stream = stream;
        this.options.onChange();
      },
      onStateChange: (state) => {
        entry.state = state;
        this.options.onChange();
      },
      onIncompatible: (description) => this.startOver(id, entry, description),
    });
    this.entries.set(id, entry);
    if (this.videoOverride) void entry.peer.replaceVideoTrack(this.videoOverride);
    this.options.onChange();
    return entry;
  }

  /**
   * The other side is on a new connection this one cannot follow: a fresh one replaces it. An
   * offer is answered by the fresh one; after a stale answer the fresh one offers by itself.
   */
  private startOver(id: string, broken: Entry, description: RTCSessionDescriptionInit) {
    if (this.entries.get(id) !== broken) return;
    this.drop(id);
    const fresh = this.connect(id, broken.clientId, broken.hold);
    if (description.type === 'offer') void fresh.peer.handle({ description });
  }

  private drop(id: string) {
    this.entries.get(id)?.peer.close();
    this.entries.delete(id);
    this.options.onChange();
  }
}
