/**
 * The rounds of a recurring job, pure. Time is cut into slots of `everyMs` counted from the Unix
 * epoch (so every process, whenever it started, finds the same slots: a daily job's slots begin at
 * 00:00 UTC), and each round is the job row of one slot, keyed `<name>@<slot start, ISO>`. A unique
 * key per slot is what keeps several processes, restarts and slow rounds from running a slot twice.
 */

/** A period must be a whole, positive number of milliseconds, else the slots would not line up. */
export function checkPeriod(name: string, everyMs: number): void {
  if (!Number.isSafeInteger(everyMs) || everyMs <= 0) {
    throw new Error(`recurring job ${name}: the period must be a whole number of milliseconds above 0, not ${everyMs}`);
  }
}

/**
 * The first slot that begins strictly after `now`. Strictly: a round that ends exactly on a slot's
 * start (or a process started then) plans the slot after, never the one that has just begun, which
 * may be the round itself. And from `now`, not from the last slot: after hours without a running
 * process only this one slot is planned, not every one that was missed.
 */
export function nextSlotAfter(now: Date, everyMs: number): Date {
  const at = now.getTime();
  return new Date((Math.floor(at / everyMs) + 1) * everyMs);
}

/** The job key of one round. */
export function slotKey(name: string, slot: Date): string {
  return `${name}@${slot.toISOString()}`;
}
