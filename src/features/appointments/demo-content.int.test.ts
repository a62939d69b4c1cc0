import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/db/connect.ts';
import { executeRows, type DatabaseHandle } from '../../platform/db/database.ts';
import { TEMPLATE_PATH } from '../../platform/testing/template.ts';
import { loadContent } from '../../server/content.ts';
import { offeredSlots } from './availability.ts';
import { findVisitType } from './store.ts';
import { templateProblems } from './template-rules.ts';
import type { WorkTemplate } from './model.ts';

// The demo region needs an empty database, so this file always uses its own PGlite copy
// (also when DATABASE_URL points the other tests at a shared PostgreSQL).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: new Blob([fs.readFileSync(TEMPLATE_PATH)]) });
});
afterAll(async () => handle?.close());

const EKBY = 'SE2321000999-E0001';
const HEART = 'SE2321000999-E0005';

describe('the demo region’s web booking', () => {
  it('loads once: visit types, schedules and settings at Vårdcentralen Ekby and Hjärtmottagningen, and Anna’s bookings relative to today', async () => {
    // Monday 23 November 2026, 10:00 in Stockholm.
    const clock = fixedClock('2026-11-23T09:00:00Z');
    await loadContent(handle.db, clock, { demoMode: true });

    const types = await executeRows<{ hsa_id: string; name: string; channel: string; bookable_online_by: string; published: boolean; cancellation_hours: number; max_upcoming_per_patient: number | null }>(
      handle.db,
      sql`select u.hsa_id, v.name, v.channel, v.bookable_online_by, v.published, v.cancellation_hours, v.max_upcoming_per_patient from visit_types v join care_units u on u.id = v.unit_id order by u.hsa_id, v.name`,
    );
    const ekby = types.filter((row) => row.hsa_id === EKBY);
    expect(ekby.map((row) => row.name)).toEqual([
      'Besök hos sjuksköterska 30 min',
      'Hälsosamtal 60 min',
      'Läkarbesök 30 min',
      'Provtagning 15 min',
      'Telefontid sjuksköterska 15 min',
      'Videobesök hos läkare 20 min',
    ]);
    expect(ekby.find((row) => row.name.startsWith('Hälsosamtal'))).toMatchObject({ bookable_online_by: 'nobody', published: false });
    expect(ekby.find((row) => row.name.startsWith('Provtagning'))).toMatchObject({ bookable_online_by: 'anyone', published: true });
    expect(ekby.find((row) => row.name.startsWith('Video'))).toMatchObject({ channel: 'video', bookable_online_by: 'listed' });
    expect(types.filter((row) => row.hsa_id === HEART).every((row) => row.cancellation_hours === 72)).toBe(true);
    // One upcoming time per patient online for the doctor's, video and phone visits; the rest without a limit.
    expect(Object.fromEntries(ekby.map((row) => [row.name, row.max_upcoming_per_patient]))).toEqual({
      'Besök hos sjuksköterska 30 min': null,
      'Hälsosamtal 60 min': null,
      'Läkarbesök 30 min': 1,
      'Provtagning 15 min': null,
      'Telefontid sjuksköterska 15 min': 1,
      'Videobesök hos läkare 20 min': 1,
    });

    const settings = await executeRows<{ hsa_id: string; reminder_hours_before: number; booking_horizon_days: number }>(
      handle.db,
      sql`select u.hsa_id, s.reminder_hours_before, s.booking_horizon_days from appointment_settings s join care_units u on u.id = s.unit_id order by u.hsa_id`,
    );
    expect(settings).toEqual([
      { hsa_id: EKBY, reminder_hours_before: 24, booking_horizon_days: 56 },
      { hsa_id: HEART, reminder_hours_before: 48, booking_horizon_days: 56 },
    ]);

    // Every schedule is valid; Erik Holm is away three weeks from now and has a day at the jourcentral.
    const resources = await executeRows<{ id: string; hsa_id: string; name: string; template: WorkTemplate; visit_type_ids: string[] }>(
      handle.db,
      sql`select r.id, u.hsa_id, coalesce(s.given_name || ' ' || s.family_name, r.room_name) as name, r.template, r.visit_type_ids
          from schedule_resources r join care_units u on u.id = r.unit_id left join staff s on s.id = r.staff_id order by u.hsa_id, name`,
    );
    expect(resources.map((row) => row.name)).toEqual(['Erik Holm', 'Provtagningsrum', 'Sara Nilsson', 'Helena Björk', 'Per Wik']);
    for (const row of resources) expect(templateProblems(row.template)).toEqual([]);
    const erik = resources[0]!;
    expect(erik.template.absences).toEqual([{ from: '2026-12-14', to: '2026-12-20' }]);
    expect(erik.template.exceptions).toEqual({ '2026-12-07': [] }); // 12 days ahead is a Saturday: the next day he works
    const doctor = (await handle.db.transaction((tx) => findVisitType(tx, erik.visit_type_ids[0]!)))!;
    const duringAbsence = await handle.db.transaction((tx) => offeredSlots(tx, doctor, { fromDate: '2026-12-14', days: 7 }, clock.now(), { resourceId: erik.id }));
    expect(duringAbsence).toEqual([]);

    // Anna: a past doctor's visit (arrived), a nurse's visit in a few days, a video visit next week.
    const anna = await executeRows<{ name: string; status: string; channel: string; starts_at: Date; booked_by_staff_id: string | null }>(
      handle.db,
      sql`select v.name, a.status, a.channel, a.starts_at, a.booked_by_staff_id from appointments a join visit_types v on v.id = a.visit_type_id
          join persons p on p.id = a.patient_id where p.identity_number = '198804122383' order by a.starts_at`,
    );
    expect(anna.map((row) => [row.name, row.status, row.channel])).toEqual([
      ['Läkarbesök 30 min', 'arrived', 'at_unit'],
      ['Besök hos sjuksköterska 30 min', 'booked', 'at_unit'],
      ['Videobesök hos läkare 20 min', 'booked', 'video'],
    ]);
    expect(new Date(anna[0]!.starts_at).toISOString()).toBe('2026-11-03T08:00:00.000Z'); // Tuesday 3 November 09:00
    expect(new Date(anna[1]!.starts_at).toISOString()).toBe('2026-11-26T09:00:00.000Z'); // Thursday 26 November 10:00
    expect(new Date(anna[2]!.starts_at).toISOString()).toBe('2026-11-30T13:00:00.000Z'); // Sunday 29 → Monday 30 November 14:00
    expect(anna[2]!.booked_by_staff_id).not.toBeNull();

    // Booking is offered where there are visit types: webbtidbok at both units, videomöte at Ekby.
    const eservices = await executeRows<{ hsa_id: string; eservice_code: string; status: string }>(
      handle.db,
      sql`select u.hsa_id, e.eservice_code, e.status from unit_eservices e join care_units u on u.id = e.unit_id
          where u.hsa_id in (${EKBY}, ${HEART}) and e.eservice_code in ('webbtidbok', 'videomote') order by u.hsa_id, e.eservice_code`,
    );
    expect(eservices).toEqual([
      { hsa_id: EKBY, eservice_code: 'videomote', status: 'active' },
      { hsa_id: EKBY, eservice_code: 'webbtidbok', status: 'active' },
      { hsa_id: HEART, eservice_code: 'videomote', status: 'inactive' },
      { hsa_id: HEART, eservice_code: 'webbtidbok', status: 'active' },
    ]);

    // A restart loads nothing twice.
    await loadContent(handle.db, fixedClock('2026-11-24T09:00:00Z'), { demoMode: true });
    const [again] = await executeRows<{ types: number; resources: number; bookings: number }>(
      handle.db,
      sql`select (select count(*)::int from visit_types) as types, (select count(*)::int from schedule_resources) as resources, (select count(*)::int from appointments) as bookings`,
    );
    expect(again).toEqual({ types: 9, resources: 5, bookings: 5 });
  });
});
