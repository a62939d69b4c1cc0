import { stockholmDate } from '../../lib/stockholm-time.ts';
import { representationIsActive } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { errors } from '../errors.ts';
import type { Tx } from '../db/database.ts';
import {
  findPersonById,
  findStaffById,
  listAdministeredOrganisations,
  listMemberships,
  listRepresentationsOf,
  type PersonRow,
} from '../people/store.ts';
import type { Actor, CitizenActor, StaffActor } from './actor.ts';
import type { SessionSummary } from './contract.ts';
import { canRepresent } from '../access/access.ts';
import { createSession, endAllSessionsOf, endSession, updateSession, type NewSession, type SessionRow, type SessionSettings } from './sessions.ts';

const displayName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

/** The people a citizen may handle matters for right now, themselves first. */
async function representableBy(tx: Tx, at: Date, person: PersonRow) {
  const today = stockholmDate(at);
  const representations = await listRepresentationsOf(tx, person.id);
  return [
    { id: person.id, displayName: displayName(person), basis: 'self' as const },
    ...representations
      .filter(({ representation }) => representationIsActive(representation, today))
      .map(({ person: other, representation }) => ({ id: other.id, displayName: displayName(other), basis: representation.basis })),
  ];
}

export async function describeSession(context: ServiceContext, session: SessionRow, actor: Actor): Promise<SessionSummary> {
  // Only reads, of the user's own identity: no transaction needed (see the auth plugin).
  const db = context.db;
  const common = {
    authenticated: true as const,
    csrfToken: session.csrfToken,
    idleTimeoutSeconds: session.idleTimeoutSeconds,
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
  if (actor.kind === 'citizen') {
    const person = (await findPersonById(db, actor.personId))!;
    const representable = await representableBy(db, context.clock.now(), person);
    const subject = representable.find((entry) => entry.id === actor.subjectPersonId) ?? representable[0]!;
    return { ...common, kind: 'citizen', displayName: displayName(person), citizen: { personId: person.id, subject, representable } };
  }
  if (actor.kind !== 'staff') throw errors.forbidden();
  const member = (await findStaffById(db, actor.staffId))!;
  const [units, administered] = await Promise.all([listMemberships(db, member.id), listAdministeredOrganisations(db, member.id)]);
  return {
    ...common,
    kind: 'staff',
    displayName: displayName(member),
    staff: {
      profession: member.profession,
      activeUnitId: actor.unitId,
      units: units.map((unit) => ({ id: unit.unitId, name: unit.unitName, kind: unit.unitKind, roles: unit.roles })),
      administeredOrganisations: administered,
    },
  };
}

export async function startSession(context: ServiceContext, settings: SessionSettings, input: NewSession) {
  return context.db.transaction(async (tx) => {
    let activeUnitId = input.activeUnitId ?? null;
    if (input.kind === 'staff' && activeUnitId === null) {
      activeUnitId = (await listMemberships(tx, input.staffId!))[0]?.unitId ?? null;
    }
    const created = await createSession(tx, context.clock, settings, { ...input, activeUnitId });
    const actor: Actor =
      input.kind === 'citizen'
        ? { kind: 'citizen', personId: input.personId!, subjectPersonId: input.personId!, sessionId: created.session.tokenHash }
        : { kind: 'staff', staffId: input.staffId!, sessionId: created.session.tokenHash, unitId: activeUnitId, unitRoles: [], administeredOrganisationIds: [] };
    await recordAudit(tx, context, actor, { action: 'login', objectType: 'session', objectId: null });
    return created;
  });
}

export async function logout(context: ServiceContext, session: SessionRow, actor: Actor) {
  await context.db.transaction(async (tx) => {
    await endSession(tx, context.clock, session.tokenHash);
    await recordAudit(tx, context, actor, { action: 'logout', objectType: 'session' });
  });
}

/** Ends all of the person's or staff member's sessions, on every device, this one included. */
export async function logoutEverywhere(context: ServiceContext, actor: Actor): Promise<number> {
  if (actor.kind === 'system') throw errors.forbidden();
  return context.db.transaction(async (tx) => {
    const ended = await endAllSessionsOf(tx, context.clock, actor.kind === 'citizen' ? { personId: actor.personId } : { staffId: actor.staffId });
    await recordAudit(tx, context, actor, { action: 'logout', objectType: 'all_sessions', objectId: String(ended) });
    return ended;
  });
}

export async function switchActiveUnit(context: ServiceContext, actor: StaffActor, unitId: string) {
  await context.db.transaction(async (tx) => {
    const memberships = await listMemberships(tx, actor.staffId);
    if (!memberships.some((membership) => membership.unitId === unitId)) {
      throw errors.forbidden({ sv: 'Du arbetar inte på den enheten.', en: 'You do not work at that unit.' });
    }
    await updateSession(tx, actor.sessionId, { activeUnitId: unitId });
  });
}

export async function switchActingFor(context: ServiceContext, actor: CitizenActor, personId: string) {
  await context.db.transaction(async (tx) => {
    if (!(await canRepresent(tx, context.clock.now(), actor.personId, personId))) {
      throw errors.forbidden({ sv: 'Du kan inte företräda den personen.', en: 'You cannot act for that person.' });
    }
    await updateSession(tx, actor.sessionId, { actingForPersonId: personId === actor.personId ? null : personId });
  });
}
