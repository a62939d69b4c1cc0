import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { executeRows, type DatabaseHandle } from '../../platform/db/database.ts';
import { TEMPLATE_PATH } from '../../platform/testing/template.ts';
import { loadContent } from '../../server/content.ts';

// The demo region needs an empty database, so this file always uses its own PGlite copy.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: new Blob([fs.readFileSync(TEMPLATE_PATH)]) });
});
afterAll(async () => handle?.close());

describe('the demo region’s self-monitoring', () => {
  it('loads once, through the rules: three patients at Vårdcentralen Ekby, an urgent and a weight-gain alert open, a missed-days alert acknowledged', async () => {
    // Monday 23 November 2026, 10:00 in Stockholm: every reading of the content is in the past.
    const clock = fixedClock('2026-11-23T09:00:00Z');
    await loadContent(handle.db, clock, { demoMode: true });
    const enrolments = await executeRows<{ given_name: string; programme_code: string; open_alert_severity: number }>(
      handle.db,
      sql`select p.given_name, e.programme_code, e.open_alert_severity from monitoring_enrolments e join persons p on p.id = e.patient_id
          join care_units u on u.id = e.unit_id where u.hsa_id = 'SE2321000999-E0001' order by p.given_name`,
    );
    expect(enrolments).toEqual([
      { given_name: 'Ingrid', programme_code: 'heart_failure', open_alert_severity: 2 },
      { given_name: 'Lars', programme_code: 'hypertension', open_alert_severity: 3 },
      { given_name: 'Peter', programme_code: 'copd', open_alert_severity: 0 },
    ]);
    const alerts = await executeRows<{ rule_id: string; status: string }>(handle.db, sql`select rule_id, status from monitoring_alerts order by rule_id, created_at`);
    expect(alerts).toEqual([
      { rule_id: 'missed_days', status: 'acknowledged' },
      { rule_id: 'urgent_systolic', status: 'open' },
      { rule_id: 'weight_gain_3_days', status: 'open' },
      { rule_id: 'weight_gain_3_days', status: 'open' },
    ]);
    await loadContent(handle.db, clock, { demoMode: true });
    const [again] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from monitoring_enrolments`);
    expect(again!.n).toBe(3);
  });
});
