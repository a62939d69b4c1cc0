import { z } from 'zod';
import { careUnitKinds, organisationKinds } from '../organisations/model.ts';
import { unitRoles } from '../auth/actor.ts';
import { proxyScopes } from '../access/policy.ts';

/** The shape of content/demo-region/region.json; entries refer to each other by key. */
const localised = z.object({ sv: z.string(), en: z.string() });

export const regionFileSchema = z.object({
  name: z.string(),
  note: z.string(),
  organisations: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(organisationKinds),
      name: z.string(),
      organisationNumber: z.string().regex(/^\d{6}-\d{4}$/),
      optionPackages: z.array(z.number().int().min(1).max(3)),
    }),
  ),
  units: z.array(
    z.object({
      key: z.string(),
      organisation: z.string(),
      hsaId: z.string(),
      name: z.string(),
      kind: z.enum(careUnitKinds),
      locality: z.string(),
    }),
  ),
  staff: z.array(
    z.object({
      key: z.string(),
      hsaId: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      profession: z.string(),
      memberships: z.array(z.object({ unit: z.string(), roles: z.array(z.enum(unitRoles)).min(1) })),
      administers: z.array(z.string()),
    }),
  ),
  persons: z.array(
    z.object({
      key: z.string(),
      identityNumber: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      protectedIdentity: z.boolean(),
      careRelations: z.array(z.object({ unit: z.string(), kind: z.enum(['listed', 'ongoing']) })),
      /** How the person hears of new messages (person_contact_details); fictional addresses only. */
      contactDetails: z
        .object({
          email: z.email().optional(),
          /** E.164 (+467…). */
          mobile: z.string().regex(/^\+467\d{8}$/).optional(),
          notifyByEmail: z.boolean(),
          notifyBySms: z.boolean(),
        })
        .optional(),
    }),
  ),
  guardianships: z.array(z.object({ guardian: z.string(), child: z.string() })),
  proxies: z.array(
    z.object({
      principal: z.string(),
      proxy: z.string(),
      scopes: z.array(z.enum(proxyScopes)),
      validFrom: z.iso.date(),
      validUntil: z.iso.date(),
    }),
  ),
  personas: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['citizen', 'staff']),
      person: z.string().optional(),
      staff: z.string().optional(),
      area: z.enum(['patient', 'staff', 'admin']),
      title: localised,
      description: localised,
    }),
  ),
});
export type RegionFile = z.infer<typeof regionFileSchema>;
