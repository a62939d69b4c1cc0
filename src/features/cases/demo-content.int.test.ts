import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { executeRows, type DatabaseHandle } from '../../platform/db/database.ts';
import { TEMPLATE_PATH } from '../../platform/testing/template.ts';
import { loadContent } from '../../server/content.ts';

// The demo region needs an empty database, so this file always uses its own PGlite copy
// (also when DATABASE_URL points the other tests at a shared PostgreSQL).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: new Blob([fs.readFileSync(TEMPLATE_PATH)]) });
});
afterAll(async () => handle?.close());

describe('the demo region’s cases', () => {
  it('load once, through the case rules: open work in Vårdcentralen Ekby’s inbox, templates and certificates', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    await loadContent(handle.db, clock, { demoMode: true });
    const rows = await executeRows<{ status: string; type_code: string }>(
      handle.db,
      sql`select c.status, c.type_code from cases c join care_units u on u.id = c.unit_id where u.hsa_id = 'SE2321000999-E0001' order by c.received_at`,
    );
    expect(rows).toHaveLength(7);
    expect(rows.filter((row) => row.status === 'closed')).toHaveLength(1);
    expect(new Set(rows.map((row) => row.type_code)).size).toBe(7);
    const [settings] = await executeRows<{ templates: number; certificates: number }>(
      handle.db,
      sql`select (select count(*)::int from case_answer_templates) as templates, (select jsonb_array_length(certificates) from unit_certificate_options) as certificates`,
    );
    expect(settings).toEqual({ templates: 4, certificates: 4 });

    await loadContent(handle.db, clock, { demoMode: true });
    const [again] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases`);
    expect(again!.n).toBe(7);
  });
});
