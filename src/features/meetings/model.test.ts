import { describe, expect, it } from 'vitest';
import { citizenRole, decideJoin, isPolite, mayAdmit, meetingSeconds, MESH_MAX_PARTICIPANTS, presentSeconds, recordOrder, steppedOut } from './model.ts';

describe('joining', () => {
  it('lets the host straight in and sends everyone else to the waiting room', () => {
    expect(decideJoin({ status: 'scheduled', isHost: true, current: null })).toEqual({ outcome: 'admitted' });
    expect(decideJoin({ status: 'scheduled', isHost: false, current: null })).toEqual({ outcome: 'waiting' });
    expect(decideJoin({ status: 'open', isHost: false, current: 'waiting' })).toEqual({ outcome: 'waiting' });
  });

  it('keeps someone admitted who comes back in a new tab, and makes someone who left wait again', () => {
    expect(decideJoin({ status: 'open', isHost: false, current: 'admitted' })).toEqual({ outcome: 'admitted' });
    expect(decideJoin({ status: 'open', isHost: false, current: 'left' })).toEqual({ outcome: 'waiting' });
    expect(decideJoin({ status: 'open', isHost: true, current: 'left' })).toEqual({ outcome: 'admitted' });
  });

  it('refuses an ended meeting and someone the host removed', () => {
    expect(decideJoin({ status: 'ended', isHost: true, current: 'admitted' })).toEqual({ outcome: 'refused', reason: 'ended' });
    expect(decideJoin({ status: 'open', isHost: false, current: 'removed' })).toEqual({ outcome: 'refused', reason: 'removed' });
  });

  it('admits up to the mesh size', () => {
    expect(mayAdmit(MESH_MAX_PARTICIPANTS - 1)).toBe(true);
    expect(mayAdmit(MESH_MAX_PARTICIPANTS)).toBe(false);
  });

  it('gives a citizen acting for the patient the role of relative', () => {
    expect(citizenRole('a', 'a')).toBe('patient');
    expect(citizenRole('guardian', 'child')).toBe('relative');
  });
});

describe('time in the meeting', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

  it('adds the current stretch to earlier ones', () => {
    expect(presentSeconds(0, null, at(10))).toBe(0);
    expect(presentSeconds(120, at(0), at(10))).toBe(720);
    expect(presentSeconds(0, at(10), at(5))).toBe(0); // a clock that went back adds nothing
  });

  it('closes a stretch when someone steps out', () => {
    expect(steppedOut({ presentSeconds: 60, admittedAt: at(0) }, 'left', at(5))).toEqual({
      state: 'left',
      presentSeconds: 360,
      admittedAt: null,
      waitingSince: null,
      leftAt: at(5),
      handRaisedAt: null,
      screenSharingSince: null,
    });
    expect(steppedOut({ presentSeconds: 0, admittedAt: null }, 'removed', at(5)).presentSeconds).toBe(0);
  });

  it('measures the meeting from the host’s start', () => {
    expect(meetingSeconds(null, null, at(5))).toBeNull();
    expect(meetingSeconds(at(0), null, at(5))).toBe(300);
    expect(meetingSeconds(at(0), at(3), at(5))).toBe(180);
  });

  it('lists the record by who came in first, those never let in last', () => {
    const rows = [
      { name: 'waited', role: 'relative' as const, firstAdmittedAt: null },
      { name: 'patient', role: 'patient' as const, firstAdmittedAt: at(2) },
      { name: 'host', role: 'host' as const, firstAdmittedAt: at(2) },
      { name: 'early', role: 'interpreter' as const, firstAdmittedAt: at(1) },
    ];
    expect(recordOrder(rows).map((row) => row.name)).toEqual(['early', 'host', 'patient', 'waited']);
  });
});

describe('perfect negotiation', () => {
  it('makes exactly one side of each pair polite', () => {
    expect(isPolite('a', 'b')).toBe(true);
    expect(isPolite('b', 'a')).toBe(false);
  });
});
