import type { FastifyInstance } from 'fastify';
import { runMonitoringCheck } from './service.ts';

/**
 * The scheduled check, in-process (there is no job queue yet): every
 * MONITORING_CHECK_MINUTES (default 15; 0 turns it off) the server looks at all active
 * enrolments for missed measurements, completed measuring periods and due reminders
 * (runMonitoringCheck, idempotent, so several processes on one PostgreSQL may all run it).
 * Not started under tests; they call runMonitoringCheck themselves.
 */
export function startMonitoringSchedule(app: FastifyInstance): void {
  const minutes = Number(process.env.MONITORING_CHECK_MINUTES ?? 15);
  if (process.env.VITEST || process.env.NODE_ENV === 'test' || !(minutes > 0)) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runMonitoringCheck(app.deps.db.db, app.deps.clock)
      .then((result) => {
        if (result.alerts || result.reminders) app.log.info(result, 'self-monitoring check');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'self-monitoring check failed'))
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, minutes * 60_000);
    timer.unref();
    setTimeout(tick, 5_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
