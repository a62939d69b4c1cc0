import { z } from 'zod';

/** Requests and responses of /api/auth, shared by server and web client. */
export const unitMembershipSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  roles: z.array(z.string()),
});

export const representableSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  basis: z.enum(['self', 'guardian', 'proxy']),
});

export const sessionSummarySchema = z.discriminatedUnion('authenticated', [
  z.object({ authenticated: z.literal(false), sessionExpired: z.boolean() }),
  z.object({
    authenticated: z.literal(true),
    kind: z.enum(['citizen', 'staff']),
    displayName: z.string(),
    csrfToken: z.string(),
    idleTimeoutSeconds: z.number().int(),
    absoluteExpiresAt: z.iso.datetime(),
    citizen: z
      .object({
        personId: z.uuid(),
        subject: representableSchema,
        representable: z.array(representableSchema),
      })
      .optional(),
    staff: z
      .object({
        profession: z.string(),
        activeUnitId: z.uuid().nullable(),
        units: z.array(unitMembershipSchema),
        administeredOrganisations: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
      })
      .optional(),
  }),
]);
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const switchUnitRequestSchema = z.object({ unitId: z.uuid() });
export const actingForRequestSchema = z.object({ personId: z.uuid() });

export const demoPersonaSchema = z.object({
  id: z.string(),
  area: z.enum(['patient', 'staff', 'admin']),
  title: z.string(),
  description: z.string(),
});
export const demoPersonaListSchema = z.object({ personas: z.array(demoPersonaSchema) });
export const demoLoginRequestSchema = z.object({ personaId: z.string().min(1).max(100) });
export const demoLoginResponseSchema = z.object({ authenticated: z.literal(true), area: demoPersonaSchema.shape.area });

export const okSchema = z.object({ ok: z.literal(true) });
