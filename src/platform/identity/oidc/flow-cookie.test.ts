import { describe, expect, it } from 'vitest';
import { decodeFlow, encodeFlow, safeReturnTo } from './flow-cookie.ts';

describe('OpenID Connect flow cookie', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const flow = { state: 's', nonce: 'n', verifier: 'v', returnTo: '/arbetsyta/arenden', startedAt: now.getTime() };

  it('round-trips', () => {
    expect(decodeFlow(encodeFlow(flow), now)).toEqual(flow);
  });

  it('expires after ten minutes and refuses garbage', () => {
    expect(decodeFlow(encodeFlow(flow), new Date(now.getTime() + 601_000))).toBeNull();
    expect(decodeFlow('not-base64-json', now)).toBeNull();
    expect(decodeFlow(undefined, now)).toBeNull();
  });

  it('returns only to our own staff and admin pages', () => {
    expect(safeReturnTo('/arbetsyta')).toBe('/arbetsyta');
    expect(safeReturnTo('/admin/enheter')).toBe('/admin/enheter');
    expect(safeReturnTo('//evil.example/arbetsyta')).toBeNull();
    expect(safeReturnTo('https://evil.example')).toBeNull();
    expect(safeReturnTo('/start')).toBeNull();
    expect(safeReturnTo('/arbetsyta\\@evil')).toBeNull();
  });
});
