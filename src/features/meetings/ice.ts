import { createHmac } from 'node:crypto';
import type { IceServers } from './contract.ts';

/**
 * ICE servers for a participant's browser: STUN to find its public address, TURN to relay
 * media when no direct path exists (strict NAT, a hospital firewall). TURN credentials are
 * coturn's time-limited REST credentials (`use-auth-secret` / `static-auth-secret`): nothing
 * is stored, coturn recomputes the HMAC with the shared secret and refuses after the expiry.
 */

export type IceConfig = {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's static-auth-secret; without it no TURN server is offered. */
  turnSecret: string | undefined;
  /** How long a credential is valid. */
  turnTtlSeconds: number;
};

/**
 * username = "<expiry as unix seconds>:<id>", credential = base64(HMAC-SHA1(secret, username)),
 * as coturn's TURN REST API expects. The id is the participant's, so no name or identity
 * number reaches the TURN server's logs.
 */
export function turnCredential(secret: string, id: string, now: Date, ttlSeconds: number): { username: string; credential: string } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${id}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export function iceServersFor(config: IceConfig, participantId: string, now: Date): IceServers {
  const iceServers: IceServers['iceServers'] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (config.turnUrls.length > 0 && config.turnSecret) {
    iceServers.push({ urls: config.turnUrls, ...turnCredential(config.turnSecret, participantId, now, config.turnTtlSeconds) });
  }
  return { iceServers, ttlSeconds: config.turnTtlSeconds };
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s,]+$/;

/** Parses a comma-separated list of STUN or TURN URLs; the problems name the bad entries. */
export function parseIceUrls(value: string | undefined, schemes: readonly string[]): { urls: string[]; problems: string[] } {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  const problems = urls.filter((url) => !ICE_URL.test(url) || !schemes.includes(url.slice(0, url.indexOf(':'))));
  return { urls, problems };
}
