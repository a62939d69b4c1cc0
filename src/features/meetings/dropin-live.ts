import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/realtime/publish.ts';
import type { Topic } from '../../platform/realtime/model.ts';

/**
 * meeting.dropin {unitId}: the unit's drop-in queue or its switch changed. To the unit's staff
 * and to everyone with a place in that queue (their position moves); ids only, each page
 * fetches its view again through the access-checked API.
 */
export async function announceDropin(tx: Tx, clock: Clock, unitId: string, personIds: Iterable<string>): Promise<void> {
  const topics = new Set<Topic>([`unit:${unitId}`]);
  for (const personId of personIds) topics.add(`person:${personId}`);
  for (const topic of topics) await publishEvent(tx, clock, topic, 'meeting.dropin', { unitId });
}
