import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { iceServersFor, parseIceUrls, turnCredential } from './ice.ts';

describe('TURN REST credentials (coturn use-auth-secret)', () => {
  it('are "<expiry>:<id>" and base64 HMAC-SHA1 of it with the shared secret', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const { username, credential } = turnCredential('north-secret', 'participant-1', now, 3600);
    expect(username).toBe(`${Date.parse('2026-11-23T10:00:00Z') / 1000}:participant-1`);
    expect(credential).toBe(createHmac('sha1', 'north-secret').update(username).digest('base64'));
    // A known vector, from openssl: printf '1700000000:user' | openssl dgst -sha1 -hmac secret -binary | base64
    expect(turnCredential('secret', 'user', new Date(1_699_996_400_000), 3600)).toEqual({ username: '1700000000:user', credential: 'I/MZeIG6MwzOV8Uubr9liB2556o=' });
  });

  it('are offered only with a TURN URL and a secret; STUN needs none', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(iceServersFor({ stunUrls: [], turnUrls: [], turnSecret: undefined, turnTtlSeconds: 600 }, 'p', now)).toEqual({ iceServers: [], ttlSeconds: 600 });
    const both = iceServersFor({ stunUrls: ['stun:a:3478'], turnUrls: ['turn:b:3478'], turnSecret: 'secret-secret-secret', turnTtlSeconds: 600 }, 'p', now);
    expect(both.iceServers).toHaveLength(2);
    expect(both.iceServers[0]).toEqual({ urls: ['stun:a:3478'] });
    expect(both.iceServers[1]).toMatchObject({ urls: ['turn:b:3478'], username: expect.stringMatching(/^\d+:p$/) });
  });
});

describe('ICE configuration', () => {
  it('reads comma-separated URLs and names the bad ones', () => {
    expect(parseIceUrls(' stun:a:3478 , stuns:b ', ['stun', 'stuns'])).toEqual({ urls: ['stun:a:3478', 'stuns:b'], problems: [] });
    expect(parseIceUrls('turn:a,http://b', ['turn', 'turns']).problems).toEqual(['http://b']);
    expect(parseIceUrls('stun:a', ['turn']).problems).toEqual(['stun:a']);
    expect(parseIceUrls(undefined, ['stun'])).toEqual({ urls: [], problems: [] });
  });

  it('is part of the configuration, which refuses TURN without its secret', () => {
    expect(loadConfig({ STUN_URLS: 'stun:stun.region.se:3478' }).meetings.ice.stunUrls).toEqual(['stun:stun.region.se:3478']);
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.region.se:3478' })).toThrow(/TURN_URLS needs TURN_SECRET/);
    expect(() => loadConfig({ STUN_URLS: 'https://stun.example' })).toThrow(/STUN_URLS/);
    expect(() => loadConfig({ TURN_SECRET: 'short' })).toThrow(/TURN_SECRET/);
    expect(loadConfig({ TURN_URLS: 'turns:turn.region.se:5349', TURN_SECRET: 'a-long-enough-secret' }).meetings.ice).toEqual({
      stunUrls: [],
      turnUrls: ['turns:turn.region.se:5349'],
      turnSecret: 'a-long-enough-secret',
      turnTtlSeconds: 3600,
    });
  });
});
