import { z } from 'zod';

/**
 * BankID Relying Party API v6.0: the three calls Nära needs, their payloads (as
 * BankID documents them) and one interface for the real service and the simulator.
 */
export const authRequestSchema = z.object({
  endUserIp: z.string().min(2).max(64),
  returnUrl: z.string().optional(),
  userVisibleData: z.string().optional(),
  userVisibleDataFormat: z.string().optional(),
  requirement: z.record(z.string(), z.unknown()).optional(),
});
export type AuthRequest = z.infer<typeof authRequestSchema>;

export const authResponseSchema = z.object({
  orderRef: z.string(),
  autoStartToken: z.string(),
  qrStartToken: z.string(),
  qrStartSecret: z.string(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const orderRefRequestSchema = z.object({ orderRef: z.string().min(1).max(100) });

export const completionDataSchema = z.object({
  user: z.object({ personalNumber: z.string(), name: z.string(), givenName: z.string(), surname: z.string() }),
  device: z.object({ ipAddress: z.string(), uhi: z.string().optional() }),
  bankIdIssueDate: z.string().optional(),
  stepUp: z.object({ mrtd: z.boolean() }).optional(),
  signature: z.string(),
  ocspResponse: z.string(),
  risk: z.string().optional(),
});

export const collectResponseSchema = z.object({
  orderRef: z.string(),
  status: z.enum(['pending', 'failed', 'complete']),
  hintCode: z.string().optional(),
  completionData: completionDataSchema.optional(),
});
export type CollectResponse = z.infer<typeof collectResponseSchema>;

export const errorResponseSchema = z.object({ errorCode: z.string(), details: z.string().optional() });

/** An error answer of the RP API: HTTP 4xx/5xx with { errorCode, details }. */
export class BankIdApiError extends Error {
  readonly errorCode: string;
  readonly httpStatus: number;
  constructor(errorCode: string, httpStatus: number, details = '') {
    super(`BankID ${errorCode} (${httpStatus}): ${details}`);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }
}

export interface BankIdRp {
  auth(request: AuthRequest): Promise<AuthResponse>;
  collect(orderRef: string): Promise<CollectResponse>;
  cancel(orderRef: string): Promise<void>;
}
