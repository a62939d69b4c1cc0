import { describe, expect, it } from 'vitest';
import { startPoller } from './poller.ts';

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPoller', () => {
  it('runs at once, again at once after a full batch, and then at the interval', async () => {
    const full = [true, true, false];
    let rounds = 0;
    const poller = startPoller({ intervalMs: 60_000, round: async () => full[rounds++] ?? false, onError: () => {} });
    await tick();
    expect(rounds).toBe(3);
    await poller.stop();
  });

  it('runs another round when nudged during one, and none after stop', async () => {
    let rounds = 0;
    let release: () => void = () => {};
    const poller = startPoller({
      intervalMs: 60_000,
      round: async () => {
        rounds++;
        if (rounds === 1) await new Promise<void>((resolve) => (release = resolve));
        return false;
      },
      onError: () => {},
    });
    await tick();
    poller.nudge();
    poller.nudge();
    release();
    await tick();
    expect(rounds).toBe(2);
    await poller.stop();
    poller.nudge();
    await tick();
    expect(rounds).toBe(2);
  });

  it('reports an error and goes on polling', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    const poller = startPoller({
      intervalMs: 10,
      round: async () => {
        rounds++;
        if (rounds === 1) throw new Error('database gone');
        return false;
      },
      onError: (error) => errors.push(error),
    });
    await tick(60);
    expect(errors).toHaveLength(1);
    expect(rounds).toBeGreaterThan(1);
    await poller.stop();
  });

  it('waits for the round in hand when stopped', async () => {
    let finished = false;
    const poller = startPoller({
      intervalMs: 60_000,
      round: async () => {
        await tick(30);
        finished = true;
        return false;
      },
      onError: () => {},
    });
    await tick(5);
    await poller.stop();
    expect(finished).toBe(true);
  });
});
