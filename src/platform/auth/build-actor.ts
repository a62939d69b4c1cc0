import type { Clock } from '../clock.ts';
import type { Tx } from '../db/database.ts';
import { canRepresent } from '../access/access.ts';
import { listAdministeredOrganisations, listMemberships } from '../people/store.ts';
import { unitRoles, type Actor, type UnitRole } from './actor.ts';
import { updateSession, type SessionRow } from './sessions.ts';

/**
 * Turns a live session into the actor every service call receives. The
 * acting-for choice is checked again on each request: a child who turned 13 or
 * a proxy appointment that ended stops applying at once, not at the next login.
 */
export async function buildActor(tx: Tx, clock: Clock, session: SessionRow): Promise<Actor> {
  if (session.kind === 'citizen') {
    const personId = session.personId!;
    let subject = session.actingForPersonId ?? personId;
    if (subject !== personId && !(await canRepresent(tx, clock.now(), personId, subject))) {
      await updateSession(tx, session.tokenHash, { actingForPersonId: null });
      subject = personId;
    }
    return { kind: 'citizen', personId, subjectPersonId: subject, sessionId: session.tokenHash };
  }
  const staffId = session.staffId!;
  const [memberships, administered] = await Promise.all([
    listMemberships(tx, staffId),
    listAdministeredOrganisations(tx, staffId),
  ]);
  const active = memberships.find((membership) => membership.unitId === session.activeUnitId);
  return {
    kind: 'staff',
    staffId,
    sessionId: session.tokenHash,
    unitId: active?.unitId ?? null,
    unitRoles: (active?.roles ?? []).filter((role): role is UnitRole => (unitRoles as readonly string[]).includes(role)),
    administeredOrganisationIds: administered.map((organisation) => organisation.id),
  };
}
