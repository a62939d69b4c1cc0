import type { Logger } from 'pino';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { loadDemoRegionIfEmpty } from '../platform/demo/load.ts';
import { loadDemoProfilesIfEmpty } from '../features/care-units/content.ts';
import { loadCatalogueIfEmpty, loadDemoActivationsIfEmpty } from '../features/e-services/content.ts';
import { loadDemoCasesIfEmpty } from '../features/cases/content.ts';
import { loadDemoChatHoursIfEmpty } from '../features/chat/content.ts';
import { loadDemoMonitoringIfEmpty } from '../features/self-monitoring/content.ts';
import { loadDemoAppointmentsIfEmpty } from '../features/appointments/content.ts';

/**
 * Content loaded at start into an empty database, in order: the regional
 * catalogue always; the demo region only in demo mode. Each loader does nothing
 * when its data is already there, so restarts never duplicate anything.
 */
export async function loadContent(db: Database, clock: Clock, options: { demoMode: boolean; log?: Pick<Logger, 'info'> }) {
  const report = (what: string, result: object | null) => {
    if (result) options.log?.info(result, `${what} loaded`);
  };
  report('e-service catalogue', await loadCatalogueIfEmpty(db));
  if (!options.demoMode) return;
  report('demo region', await loadDemoRegionIfEmpty(db));
  report('demo unit profiles', await loadDemoProfilesIfEmpty(db));
  report('demo e-service activations', await loadDemoActivationsIfEmpty(db, clock.now()));
  report('demo cases', await loadDemoCasesIfEmpty(db, clock.now()));
  report('demo chat hours', await loadDemoChatHoursIfEmpty(db, clock.now()));
  report('demo self-monitoring', await loadDemoMonitoringIfEmpty(db, clock.now()));
  report('demo appointments', await loadDemoAppointmentsIfEmpty(db, clock));
}
