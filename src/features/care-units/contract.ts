import { z } from 'zod';
import { careUnitKinds } from '../../platform/organisations/model.ts';

/** The public unit directory ("Hitta vård"): no login, no patient data. */
export const unitSearchQuerySchema = z.object({
  q: z.string().trim().max(100).default(''),
  kind: z.enum(careUnitKinds).optional(),
  care: z.string().max(40).optional(),
  eservice: z.string().max(40).optional(),
  openNow: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type UnitSearchQuery = z.infer<typeof unitSearchQuerySchema>;

const localised = z.object({ sv: z.string(), en: z.string() });
const interval = z.tuple([z.string(), z.string()]);

export const eserviceOnUnitSchema = z.object({
  code: z.string(),
  kind: z.string(),
  name: localised,
  description: localised,
  patientGroup: z.object({ listedOnly: z.boolean(), minAge: z.number().nullable(), maxAge: z.number().nullable() }),
});

export const openingNowSchema = z.object({
  open: z.boolean(),
  closesAt: z.iso.datetime().nullable(),
  opensAt: z.iso.datetime().nullable(),
  todayLabel: localised.nullable(),
});

export const unitSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(careUnitKinds),
  organisationName: z.string(),
  streetAddress: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  careOffered: z.array(z.string()),
  openingNow: openingNowSchema,
  distanceKm: z.number().nullable(),
  eservices: z.array(eserviceOnUnitSchema),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const unitSearchResponseSchema = z.object({ units: z.array(unitSummarySchema) });

export const unitParamsSchema = z.object({ unitId: z.uuid() });

export const unitDetailsSchema = unitSummarySchema.extend({
  hsaId: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: localised,
  week: z.array(
    z.object({
      date: z.iso.date(),
      intervals: z.array(interval),
      reason: z.enum(['weekly', 'exception', 'holiday']),
      label: localised.nullable(),
    }),
  ),
});
export type UnitDetails = z.infer<typeof unitDetailsSchema>;
