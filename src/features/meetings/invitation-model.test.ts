import { describe, expect, it } from 'vitest';
import { invitationExpiry, invitationState, mayAdmitGuest, maySignal, mayUseInvitation, normaliseMobile } from './invitation-model.ts';

const now = new Date('2026-11-23T09:00:00Z');

describe('invitations', () => {
  it('last a day by default, at least an hour and at most a week', () => {
    expect(invitationExpiry(now).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(invitationExpiry(now, 0).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(invitationExpiry(now, 10_000).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('are revoked, ended, used or expired in that order of precedence', () => {
    const fresh = { revokedAt: null, usedAt: null, expiresAt: new Date(now.getTime() + 1000) };
    expect(invitationState(fresh, 'open', now)).toBe('valid');
    expect(invitationState({ ...fresh, expiresAt: now }, 'open', now)).toBe('expired');
    expect(invitationState({ ...fresh, usedAt: now, expiresAt: now }, 'open', now)).toBe('used');
    expect(invitationState({ ...fresh, usedAt: now }, 'ended', now)).toBe('meeting_ended');
    expect(invitationState({ ...fresh, usedAt: now, revokedAt: now }, 'ended', now)).toBe('revoked');
  });

  it('take a guest with a name only where the meeting accepts ID on camera; BankID and staff always', () => {
    expect(mayUseInvitation('strong_eid', 'guest')).toBe(false);
    expect(mayUseInvitation('strong_eid', 'other_login')).toBe(false);
    expect(mayUseInvitation('strong_eid', 'bankid')).toBe(true);
    expect(mayUseInvitation('strong_eid', 'staff')).toBe(true);
    expect(mayUseInvitation('id_on_camera', 'guest')).toBe(true);
  });

  it('let a guest in only after the ID check; people logged in need none', () => {
    expect(mayAdmitGuest({ personId: null, staffId: null }, null)).toBe(false);
    expect(mayAdmitGuest({ personId: null, staffId: null }, now)).toBe(true);
    expect(mayAdmitGuest({ personId: 'p', staffId: null }, null)).toBe(true);
  });

  it('let signals pass between those let in, and between the host and a guest waiting to be checked on camera only', () => {
    const host = { state: 'admitted', role: 'host', guest: false };
    const patient = { state: 'admitted', role: 'patient', guest: false };
    const waitingGuest = { state: 'waiting', role: 'interpreter', guest: true };
    const waitingPerson = { state: 'waiting', role: 'relative', guest: false };
    expect(maySignal('strong_eid', host, patient)).toBe(true);
    expect(maySignal('id_on_camera', host, waitingGuest)).toBe(true);
    expect(maySignal('id_on_camera', waitingGuest, host)).toBe(true);
    expect(maySignal('id_on_camera', waitingGuest, patient)).toBe(false);
    expect(maySignal('id_on_camera', patient, waitingGuest)).toBe(false);
    expect(maySignal('strong_eid', host, waitingGuest)).toBe(false);
    expect(maySignal('id_on_camera', host, waitingPerson)).toBe(false);
  });

  it('send SMS to a Swedish mobile number in international form', () => {
    expect(normaliseMobile('070-123 45 67')).toBe('+46701234567');
    expect(normaliseMobile('+46 70 123 45 67')).toBe('+46701234567');
    expect(normaliseMobile('12')).toBeNull();
  });
});
