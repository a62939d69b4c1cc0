import { z } from 'zod';
import { careUnitKinds } from '../../platform/organisations/model.ts';
import { eserviceKinds, unitEserviceStatuses } from './model.ts';
import { questionItemSchema } from './questions.ts';

const localised = z.object({ sv: z.string(), en: z.string() });

export const patientGroupSchema = z.object({
  listedOnly: z.boolean(),
  minAge: z.number().int().min(0).max(130).nullable(),
  maxAge: z.number().int().min(0).max(130).nullable(),
});

export const eserviceCodeParamsSchema = z.object({ code: z.string().regex(/^[a-z_]{2,40}$/) });

/** One e-service as the unit administrator sees it. */
export const unitEserviceSchema = z.object({
  code: z.string(),
  kind: z.enum(eserviceKinds),
  name: localised,
  description: localised,
  basicOffering: z.boolean(),
  appliesToUnit: z.boolean(),
  status: z.enum(unitEserviceStatuses),
  offeredByPhoneOrDesk: z.boolean(),
  notApplicableReason: z.string().nullable(),
  patientGroup: patientGroupSchema,
  extraQuestionsAllowed: z.boolean(),
  extraQuestions: z.array(questionItemSchema),
  terms: z.object({ versionId: z.uuid().nullable(), version: z.number().int(), sv: z.string(), en: z.string(), isRegionalTemplate: z.boolean() }),
  template: localised,
  updatedAt: z.iso.datetime().nullable(),
});
export type UnitEservice = z.infer<typeof unitEserviceSchema>;

export const unitEservicesResponseSchema = z.object({ unitId: z.uuid(), unitName: z.string(), eservices: z.array(unitEserviceSchema) });

export const activationRequestSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('active'), offeredByPhoneOrDesk: z.boolean(), patientGroup: patientGroupSchema }),
  z.object({ status: z.literal('inactive') }),
  z.object({ status: z.literal('not_applicable'), reason: z.string().trim().max(500) }),
]);

export const termsRequestSchema = z.object({ sv: z.string().max(10_000), en: z.string().max(10_000) });

export const offeringCellSchema = z.enum(['active', 'missing', 'not_applicable']);
export const basicOfferingSchema = z.object({
  services: z.array(z.object({ code: z.string(), name: localised, counts: z.object({ active: z.number(), missing: z.number(), not_applicable: z.number() }) })),
  units: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(careUnitKinds),
      organisationId: z.uuid(),
      organisationName: z.string(),
      cells: z.record(z.string(), z.object({ cell: offeringCellSchema, reason: z.string().nullable() })),
    }),
  ),
});
export type BasicOffering = z.infer<typeof basicOfferingSchema>;

export const catalogueEntrySchema = z.object({
  code: z.string(),
  kind: z.enum(eserviceKinds),
  name: localised,
  description: localised,
  termsTemplate: localised,
  appliesToUnitKinds: z.array(z.enum(careUnitKinds)),
  basicOffering: z.boolean(),
});
export const catalogueResponseSchema = z.object({ eservices: z.array(catalogueEntrySchema) });
export const catalogueUpdateSchema = z.object({
  description: localised.extend({ sv: z.string().trim().min(5).max(1000), en: z.string().trim().min(5).max(1000) }),
  termsTemplate: z.object({ sv: z.string().max(10_000), en: z.string().max(10_000) }),
  appliesToUnitKinds: z.array(z.enum(careUnitKinds)).min(1),
});
