import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { RealtimeHub } from './hub.ts';

describe('RealtimeHub.closeEndedSessions', () => {
  it('closes the sockets of ended sessions, asking about all open sessions in one batch', async () => {
    const asked: string[][] = [];
    const hub = new RealtimeHub({} as DatabaseHandle, () => new Date(), async (tokens) => {
      asked.push(tokens);
      return new Set(['alive']);
    });
    const closed: string[] = [];
    hub.bindToSession('alive', () => closed.push('alive tab'));
    hub.bindToSession('ended', () => closed.push('ended tab 1'));
    const unbind = hub.bindToSession('ended', () => closed.push('ended tab 2'));
    unbind();
    await hub.closeEndedSessions();
    expect(asked).toEqual([['alive', 'ended']]);
    expect(closed).toEqual(['ended tab 1']);
  });
});
