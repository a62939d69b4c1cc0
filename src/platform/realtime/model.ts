/**
 * Topics and who may hear them. Pure: used by the server when a browser subscribes.
 *
 * - person:<id>  what concerns a person (their cases); heard by that person and by whoever
 *                acts for them now (a guardian, a proxy: the session's subject).
 * - staff:<id>   what concerns one member of staff.
 * - unit:<id>    a unit's work (its inbox); heard by the staff working there now.
 */
export type Topic = `person:${string}` | `staff:${string}` | `unit:${string}`;

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
