/**
 * The loop of a background worker (the outbox, the jobs): run a round at once, then every
 * intervalMs and whenever nudged, until stopped. A round that reports a full batch is followed at
 * once by the next; a nudge during a round runs another right after it. An error is handed to
 * onError and the next poll tries again. Timers are unref'd, so a poller never keeps a process alive.
 */
export type Poller = {
  /** Run a round now rather than at the next poll. */
  nudge: () => void;
  /** Stops polling and waits for the round in hand. */
  stop: () => Promise<void>;
};

export function startPoller(options: {
  intervalMs: number;
  /** One batch; resolves true when the batch was full (so there may be more at once). */
  round: () => Promise<boolean>;
  onError: (error: unknown) => void;
}): Poller {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  };

  async function rounds(): Promise<void> {
    do {
      again = false;
      while ((await options.round()) && !stopped);
    } while (again && !stopped);
  }

  function run() {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = rounds()
      .catch(options.onError)
      .finally(() => {
        running = null;
        schedule(again ? 0 : options.intervalMs);
      });
  }

  schedule(0);
  return {
    nudge: () => {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
