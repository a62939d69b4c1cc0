import type { StaffActor } from '../auth/actor.ts';
import type { Tx } from '../db/database.ts';
import { errors, type LocalisedMessage } from '../errors.ts';
import { listOrganisations } from './store.ts';

/** A region administrator administers the region organisation itself; they manage region-wide content. */
export async function isRegionAdministrator(tx: Tx, actor: StaffActor): Promise<boolean> {
  if (actor.administeredOrganisationIds.length === 0) return false;
  const own = await listOrganisations(tx, actor.administeredOrganisationIds);
  return own.some((organisation) => organisation.kind === 'region');
}

export async function requireRegionAdministrator(
  tx: Tx,
  actor: StaffActor,
  message: LocalisedMessage = { sv: 'Det här kan bara regionens administratör göra.', en: 'Only the region administrator can do this.' },
): Promise<void> {
  if (!(await isRegionAdministrator(tx, actor))) throw errors.forbidden(message);
}
