import { registerRecurringJob } from '../../platform/jobs/recurring.ts';
import { runMonitoringCheck } from './service.ts';

export const MONITORING_CHECK_JOB = 'self-monitoring-check';

/**
 * The scheduled check, a recurring job (platform/jobs/recurring.ts): every
 * MONITORING_CHECK_MINUTES (default 15; 0 turns it off) one server process looks at all active
 * enrolments for missed measurements, completed measuring periods and due reminders
 * (runMonitoringCheck: idempotent, and it judges each enrolment over days looking back, so the
 * round after a stop catches up). Rounds start at multiples of the period since the epoch (on the
 * quarter-hour by default), within JOBS_POLL_SECONDS. Registered here, but planned only by the job worker serve.ts starts:
 * tests never run it unless they run this job by name; they call runMonitoringCheck themselves.
 */
export function registerMonitoringCheck(env: NodeJS.ProcessEnv = process.env): void {
  const raw = env.MONITORING_CHECK_MINUTES?.trim() || '15';
  const minutes = Number(raw);
  // A typo should not quietly turn the check off: stop the start, as config.ts does for its settings.
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new Error(`Invalid configuration: MONITORING_CHECK_MINUTES: must be a number of minutes (0 turns the check off), not "${raw}"`);
  }
  if (minutes === 0) return;
  registerRecurringJob(MONITORING_CHECK_JOB, Math.round(minutes * 60_000), async (db, clock, { log }) => {
    const result = await runMonitoringCheck(db, clock);
    if (result.alerts || result.reminders) log.info(result, 'self-monitoring check');
  });
}
