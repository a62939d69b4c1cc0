import { z } from 'zod';

/** /api/auth/bankid: requests and responses, shared by server and web client. */
export const bankIdMessageSchema = z.object({ code: z.string(), sv: z.string(), en: z.string() });

export const bankIdStartRequestSchema = z.object({ method: z.enum(['qr', 'autostart']) });
export const bankIdStartResponseSchema = z.object({
  loginId: z.string(),
  method: z.enum(['qr', 'autostart']),
  /** The first QR code's content (qr method); the browser asks for a new one every second. */
  qr: z.string().nullable(),
  /** The link that opens BankID on this device (autostart method). */
  autoStartUrl: z.string().nullable(),
  message: bankIdMessageSchema,
  collectIntervalSeconds: z.number().int(),
});
export const bankIdLoginParamsSchema = z.object({ loginId: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export const bankIdQrResponseSchema = z.object({ qr: z.string() });
export const bankIdCollectResponseSchema = z.object({
  status: z.enum(['pending', 'failed', 'complete']),
  hintCode: z.string().nullable(),
  message: bankIdMessageSchema,
  /** Where to go after a complete login. */
  area: z.enum(['patient']).nullable(),
});
export type BankIdStartResponse = z.infer<typeof bankIdStartResponseSchema>;
export type BankIdCollectResponse = z.infer<typeof bankIdCollectResponseSchema>;

/** The developer page of the simulator (demo mode only). */
export const simulatedOrderSchema = z.object({
  orderRef: z.string(),
  createdAt: z.iso.datetime(),
  status: z.enum(['pending', 'failed', 'complete']),
  hintCode: z.string().nullable(),
});
export const simulatedOrderListSchema = z.object({ orders: z.array(simulatedOrderSchema) });
export const simulatorEventRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve'), personalNumber: z.string().trim().min(10).max(13) }),
  z.object({ kind: z.enum(['start', 'sign', 'noClient', 'mrtd', 'userCancel', 'startFailed', 'certificateErr', 'cancelled', 'expire']) }),
]);
export const simulatorScanRequestSchema = z.object({ qr: z.string().max(200) });
export const simulatorOrderParamsSchema = z.object({ orderRef: z.string().min(1).max(100) });
export const simulatorAutoStartQuerySchema = z.object({ autostarttoken: z.string().min(1).max(100) });
export const simulatorOrderRefSchema = z.object({ orderRef: z.string() });
