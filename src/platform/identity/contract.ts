import { z } from 'zod';

/** GET /api/auth/methods: what the login page offers. */
export const identityStatusSchema = z.object({
  bankId: z.boolean(),
  /** BankID is the simulator: the developer page /dev/bankid plays the app (demo mode). */
  bankIdSimulator: z.boolean(),
  siths: z.boolean(),
  demo: z.boolean(),
});
export type IdentityStatus = z.infer<typeof identityStatusSchema>;
