import { z } from 'zod';
import { careUnitKinds, organisationKinds } from '../../platform/organisations/model.ts';

export const adminUnitSchema = z.object({
  id: z.uuid(),
  hsaId: z.string(),
  name: z.string(),
  kind: z.enum(careUnitKinds),
  locality: z.string(),
  staffCount: z.number().int(),
  patientCount: z.number().int(),
});

export const adminOrganisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  organisationNumber: z.string(),
  optionPackages: z.array(z.number().int()),
  /** Whether this administrator may change the organisation's option packages. */
  canEditOptionPackages: z.boolean(),
  units: z.array(adminUnitSchema),
});
export type AdminOrganisation = z.infer<typeof adminOrganisationSchema>;

export const adminOverviewSchema = z.object({
  isRegionAdministrator: z.boolean(),
  organisations: z.array(adminOrganisationSchema),
});
export type AdminOverview = z.infer<typeof adminOverviewSchema>;

export const organisationParamsSchema = z.object({ organisationId: z.uuid() });
export const optionPackagesRequestSchema = z.object({ optionPackages: z.array(z.number().int()).min(1).max(3) });

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  rowsChecked: z.number().int(),
  firstProblem: z.object({ seq: z.number().int(), problem: z.enum(['hash_mismatch', 'broken_link']) }).nullable(),
});
