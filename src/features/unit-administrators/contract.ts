import { z } from 'zod';
import { unitRoles } from '../../platform/auth/actor.ts';

/** B6: the unit manager (verksamhetschef) appoints the unit's administrators. Shared by server and web. */
export const unitStaffMemberSchema = z.object({
  staffId: z.uuid(),
  hsaId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  profession: z.string(),
  roles: z.array(z.enum(unitRoles)),
  administrator: z.boolean(),
});
export type UnitStaffMember = z.infer<typeof unitStaffMemberSchema>;

export const unitStaffListSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  /** Whether the caller may appoint and remove administrators (the unit manager). */
  canAppoint: z.boolean(),
  staff: z.array(unitStaffMemberSchema),
});
export type UnitStaffList = z.infer<typeof unitStaffListSchema>;

export const staffParamsSchema = z.object({ staffId: z.uuid() });
export const administratorRequestSchema = z.object({ administrator: z.boolean() });
export type AdministratorRequest = z.infer<typeof administratorRequestSchema>;

export const administratorResponseSchema = z.object({
  member: unitStaffMemberSchema,
  /** False when the person already had the asked-for state: nothing was written or audited. */
  changed: z.boolean(),
});
export type AdministratorResponse = z.infer<typeof administratorResponseSchema>;
