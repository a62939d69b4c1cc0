import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingSignalEvent } from '../../contract.ts';
import { levelOf } from './media.ts';
import { Mesh } from './mesh.ts';

/**
 * The mesh's bookkeeping with a stand-in RTCPeerConnection (Node has none): which peers exist
 * for whom, which signals are for this tab, and starting afresh when the other side's tab changes.
 */
class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  connectionState = 'new';
  iceConnectionState = 'new';
  signalingState = 'stable';
  remoteDescription: unknown = null;
  closed = false;
  remote: unknown[] = [];
  onnegotiationneeded: unknown;
  onicecandidate: unknown;
  ontrack: unknown;
  onconnectionstatechange: unknown;
  oniceconnectionstatechange: unknown;
  constructor() {
    FakePeerConnection.made.push(this);
  }
  addTrack() {}
  addTransceiver() {}
  getTransceivers() {
    return [];
  }
  /** A description this connection cannot take (another connection's m-lines or DTLS role). */
  static refuse: ((connection: FakePeerConnection) => boolean) | null = null;
  async setRemoteDescription(description: { sdp: string }) {
    if (FakePeerConnection.refuse?.(this)) throw new DOMException('The order of m-lines in subsequent offer does not match', 'InvalidAccessError');
    this.remote.push(description);
    this.remoteDescription = description;
  }
  async setLocalDescription() {}
  get localDescription() {
    return { type: 'answer', sdp: 'v=0' };
  }
  async addIceCandidate() {}
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  FakePeerConnection.made = [];
  FakePeerConnection.refuse = null;
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('window', { setTimeout: () => 0, clearTimeout: () => {} });
});
afterEach(() => vi.unstubAllGlobals());

const mesh = (sent: unknown[] = []) => new Mesh({ myId: 'b', myClientId: 'tab-b', configuration: {}, localStream: null, send: (to, payload) => sent.push({ to, payload }), onChange: () => {} });
const offer = (from: string, fromClient: string, toClient = 'tab-b'): MeetingSignalEvent => ({ meetingId: 'm', from, fromClient, to: 'b', toClient, payload: { description: { type: 'offer', sdp: 'v=0' } } });

describe('the mesh', () => {
  it('keeps one connection per other participant who has a tab, never one to itself', () => {
    const m = mesh();
    m.sync([{ id: 'a', clientId: 'tab-a' }, { id: 'b', clientId: 'tab-b' }, { id: 'c', clientId: null }]);
    expect(m.remotes().map((remote) => remote.id)).toEqual(['a']);
    m.sync([{ id: 'c', clientId: 'tab-c' }]);
    expect(m.remotes().map((remote) => remote.id)).toEqual(['c']);
    expect(FakePeerConnection.made[0]!.closed).toBe(true);
  });

  it('takes signals for this tab only, and connects to a sender it had not heard was in', async () => {
    const m = mesh();
    m.handleSignal(offer('a', 'tab-a', 'another-tab-of-b'));
    expect(m.remotes()).toEqual([]);
    m.handleSignal(offer('a', 'tab-a'));
    expect(m.remotes().map((remote) => remote.id)).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakePeerConnection.made[0]!.remote).toEqual([{ type: 'offer', sdp: 'v=0' }]);
  });

  it('follows the other side onto a new connection of the same tab: a fresh one answers the offer the old one could not take', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const m = mesh();
    m.sync([{ id: 'a', clientId: 'tab-a', hold: { audio: true, video: false } }]);
    const first = FakePeerConnection.made[0]!;
    m.handleSignal(offer('a', 'tab-a'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Their page started its mesh over: the old connection cannot apply its next offer.
    FakePeerConnection.refuse = (connection) => connection === first;
    m.handleSignal({ ...offer('a', 'tab-a'), payload: { description: { type: 'offer', sdp: 'v=0 new' } } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(first.closed).toBe(true);
    expect(FakePeerConnection.made).toHaveLength(2);
    expect(FakePeerConnection.made[1]!.remote).toEqual([{ type: 'offer', sdp: 'v=0 new' }]);
    expect(m.remotes().map((remote) => remote.id)).toEqual(['a']);
  });

  it('does not start over and over when even a fresh connection cannot take the offer', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const m = mesh();
    FakePeerConnection.refuse = () => true;
    m.handleSignal(offer('a', 'tab-a'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakePeerConnection.made).toHaveLength(1);
  });

  it('starts afresh when the other side comes back in a new tab', () => {
    const m = mesh();
    m.sync([{ id: 'a', clientId: 'tab-a' }]);
    m.handleSignal(offer('a', 'tab-a-reloaded'));
    expect(FakePeerConnection.made).toHaveLength(2);
    expect(FakePeerConnection.made[0]!.closed).toBe(true);
    m.sync([{ id: 'a', clientId: 'tab-a-reloaded' }]);
    expect(FakePeerConnection.made).toHaveLength(2);
  });
});

describe('the microphone level', () => {
  it('is 0 in silence and grows with the signal, at most 1', () => {
    expect(levelOf(new Uint8Array(256).fill(128))).toBe(0);
    const quiet = levelOf(Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 133 : 123)));
    const loud = levelOf(Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 200 : 56)));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBeGreaterThan(quiet);
    expect(levelOf(Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 255 : 0)))).toBe(1);
    expect(levelOf(new Uint8Array(0))).toBe(0);
  });
});
