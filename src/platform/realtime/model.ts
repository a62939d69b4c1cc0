/**
 * Topics and who may hear them. Pure: used by the server when a browser subscribes.
 *
 * - person:<id>  what concerns a person (their cases); heard by that person and by whoever
 *                acts for them now (a guardian, a proxy: the session's subject).
 * - staff:<id>   what concerns one member of staff.
 * - unit:<id>    a unit's work (its inbox); heard by the staff working there now.
 * - guest:<id>   a video meeting's guest without a login (issue 8, E3): heard by that guest's socket only.
 */
export type Topic = `person:${string}` | `staff:${string}` | `unit:${string}` | `guest:${string}`;

export type TopicActor =
  | { kind: 'citizen'; personId: string; subjectPersonId: string }
  | { kind: 'staff'; staffId: string; unitId: string | null; hasUnitRole: boolean }
  | { kind: 'system' };

export function topicsFor(actor: TopicActor): Topic[] {
  switch (actor.kind) {
    case 'citizen':
      return actor.personId === actor.subjectPersonId ? [`person:${actor.personId}`] : [`person:${actor.personId}`, `person:${actor.subjectPersonId}`];
    case 'staff':
      return actor.unitId && actor.hasUnitRole ? [`staff:${actor.staffId}`, `unit:${actor.unitId}`] : [`staff:${actor.staffId}`];
    case 'system':
      return [];
  }
}

export type RealtimeEvent = { id: number; topic: string; kind: string; data: Record<string, unknown>; at: string };

/** How far back a resuming client is sent events again: ids are given out before commit, so a
 *  lower id can become visible after a higher one. The client drops ids it has already seen. */
export const RESUME_OVERLAP = 200;

export function resumeFrom(lastSeenId: number | null): number {
  return lastSeenId === null ? Number.MAX_SAFE_INTEGER : Math.max(0, lastSeenId - RESUME_OVERLAP);
}

/** A NOTIFY payload must stay under 8000 bytes; events carry ids, so this is a guard, not a limit in practice. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * A passing signal larger than one NOTIFY (a WebRTC offer with audio and video is 5–8 KB of
 * SDP, more with many codecs) travels as parts: `{"part":{id,n,of,text}}`, where the texts
 * joined are the event's JSON. All parts are sent in one statement, so PostgreSQL delivers
 * them together and in order; the hub joins them before handing the event to sockets.
 */
export type RealtimePart = { id: number; n: number; of: number; text: string };

/** Room left in a NOTIFY for the part's envelope (`{"part":{"id":-…,"n":…,"of":…,"text":…}}`). */
const PART_ENVELOPE_BYTES = 100;
const utf8 = new TextEncoder();

/** Splits `text` so that each piece, JSON-escaped, fits a NOTIFY with its envelope. */
export function splitForNotify(text: string, maxBytes = MAX_PAYLOAD_BYTES): string[] {
  const budget = maxBytes - PART_ENVELOPE_BYTES;
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let length = Math.min(text.length - start, budget);
    for (;;) {
      // Never cut a surrogate pair in two (the halves would each be escaped, and rejoin, but keep it clean).
      const last = text.charCodeAt(start + length - 1);
      if (length > 1 && last >= 0xd800 && last <= 0xdbff && start + length < text.length) length -= 1;
      const bytes = utf8.encode(JSON.stringify(text.slice(start, start + length))).length;
      if (bytes <= budget) break;
      length = Math.max(1, Math.floor((length * budget) / bytes) - 1);
    }
    pieces.push(text.slice(start, start + length));
    start += length;
  }
  return pieces;
}

const PART_WAIT_MS = 10_000;
const MAX_PENDING_SIGNALS = 1000;

/** Joins the parts of split signals; an incomplete one is dropped after 10 s (a part was lost with the connection). */
export class PartAssembler {
  private readonly pending = new Map<number, { parts: (string | undefined)[]; received: number; firstAt: number }>();

  /** The whole event's JSON once its last part has come, else null. */
  add(part: RealtimePart, nowMs: number): string | null {
    this.dropOld(nowMs);
    if (!Number.isInteger(part.of) || part.of < 1 || part.of > 64 || !Number.isInteger(part.n) || part.n < 0 || part.n >= part.of) return null;
    let entry = this.pending.get(part.id);
    if (!entry) {
      if (this.pending.size >= MAX_PENDING_SIGNALS) this.pending.delete(this.pending.keys().next().value!);
      entry = { parts: new Array<string | undefined>(part.of), received: 0, firstAt: nowMs };
      this.pending.set(part.id, entry);
    }
    if (entry.parts.length !== part.of || entry.parts[part.n] !== undefined) return null;
    entry.parts[part.n] = part.text;
    entry.received += 1;
    if (entry.received < part.of) return null;
    this.pending.delete(part.id);
    return entry.parts.join('');
  }

  size(): number {
    return this.pending.size;
  }

  private dropOld(nowMs: number) {
    for (const [id, entry] of this.pending) {
      if (nowMs - entry.firstAt <= PART_WAIT_MS) break; // oldest first: the rest are younger
      this.pending.delete(id);
    }
  }
}
