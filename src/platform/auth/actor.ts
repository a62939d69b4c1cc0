/**
 * Who is asking. Every service call receives one explicitly; nothing reads "the
 * current user" from a global. A citizen may act for someone else (a child as
 * guardian, or a principal as proxy); staff act at one unit at a time.
 */
/** unit_manager is the verksamhetschef, who appoints the unit's administrators (B6). */
export const unitRoles = ['clinician', 'receptionist', 'unit_admin', 'unit_manager'] as const;
export type UnitRole = (typeof unitRoles)[number];

export type CitizenActor = {
  kind: 'citizen';
  personId: string;
  /** Whose matters the citizen is handling now; their own id when acting for themselves. */
  subjectPersonId: string;
  sessionId: string;
};

export type StaffActor = {
  kind: 'staff';
  staffId: string;
  sessionId: string;
  /** The unit the staff member works at in this session, or null if they have none. */
  unitId: string | null;
  unitRoles: UnitRole[];
  /** Organisations the staff member administers (region/municipality administrator). */
  administeredOrganisationIds: string[];
};

export type SystemActor = { kind: 'system'; name: string };

export type Actor = CitizenActor | StaffActor | SystemActor;

export function isActingForSomeoneElse(actor: CitizenActor): boolean {
  return actor.subjectPersonId !== actor.personId;
}

/** The role written to the audit log for this actor. */
export function auditRoleOf(actor: Actor): string {
  switch (actor.kind) {
    case 'citizen':
      return isActingForSomeoneElse(actor) ? 'citizen_representative' : 'citizen';
    case 'staff':
      if (actor.unitRoles.length > 0) return actor.unitRoles.join('+');
      return actor.administeredOrganisationIds.length > 0 ? 'organisation_admin' : 'staff';
    case 'system':
      return `system:${actor.name}`;
  }
}
