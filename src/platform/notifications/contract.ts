import { z } from 'zod';
import { EMAIL_MAX, isSwedishMobile, MOBILE_INPUT_MAX } from './model.ts';

/** Requests and responses of /api/patient/contact-details and the demo's /api/dev/notifications. */

/** The logged-in citizen's own contact details (never those of whom they act for). */
export const contactDetailsSchema = z.object({
  email: z.string().nullable(),
  /** E.164, e.g. +46701740605. */
  mobile: z.string().nullable(),
  notifyByEmail: z.boolean(),
  notifyBySms: z.boolean(),
  /** Null until the person has saved any. */
  updatedAt: z.iso.datetime().nullable(),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

/**
 * An address left out is kept as it is; null removes it. A channel cannot be turned on
 * without its address (422 contact_address_required).
 */
export const contactDetailsUpdateSchema = z.object({
  email: z.email().max(EMAIL_MAX).nullable().optional(),
  mobile: z
    .string()
    .max(MOBILE_INPUT_MAX)
    .refine(isSwedishMobile, { message: 'not a Swedish mobile number (07X-XXX XX XX or +467X…)' })
    .nullable()
    .optional(),
  notifyByEmail: z.boolean(),
  notifyBySms: z.boolean(),
});
export type ContactDetailsUpdate = z.infer<typeof contactDetailsUpdateSchema>;

/** One notification the development sink "delivered", as the patient would have got it. */
export const sinkDeliverySchema = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  address: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  sentAt: z.iso.datetime(),
});
export type SinkDelivery = z.infer<typeof sinkDeliverySchema>;

export const sinkDeliveriesSchema = z.object({ deliveries: z.array(sinkDeliverySchema) });
export type SinkDeliveries = z.infer<typeof sinkDeliveriesSchema>;
