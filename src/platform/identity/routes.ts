import type { FastifyPluginAsync } from 'fastify';
import type { BankIdRp } from './bankid/api.ts';
import { createBankIdHttpClient } from './bankid/http-client.ts';
import { PendingLogins } from './bankid/logins.ts';
import { bankIdLoginRoutes } from './bankid/routes.ts';
import { bankIdSimulatorDevRoutes, bankIdSimulatorRpRoutes } from './bankid/simulator-routes.ts';
import { BankIdSimulator } from './bankid/simulator.ts';
import { identityStatusSchema } from './contract.ts';
import { oidcRoutes } from './oidc/routes.ts';

/**
 * Identity: BankID for citizens (the real RP API, or the in-process simulator outside
 * production), OpenID Connect for staff, and what the login page needs to know.
 */
export const identityRoutes: FastifyPluginAsync = async (app) => {
  const { config, clock } = app.deps;
  const identity = config.identity;

  let bankId: BankIdRp | null = null;
  if (identity.bankId.kind === 'simulator') {
    // The simulator follows the app's clock, so tests that move it also expire orders.
    const simulator = new BankIdSimulator(clock);
    bankId = simulator;
    await app.register(bankIdSimulatorRpRoutes, { simulator });
    if (config.demoMode) await app.register(bankIdSimulatorDevRoutes, { simulator });
  } else if (identity.bankId.kind === 'http') {
    bankId = createBankIdHttpClient({ baseUrl: identity.bankId.url, tls: identity.bankId.tls });
  }
  if (bankId) {
    await app.register(bankIdLoginRoutes, {
      deps: { bankId, logins: new PendingLogins(), clock, autoStartViaSimulatorPage: identity.bankId.kind === 'simulator' && config.demoMode },
    });
  }
  if (identity.oidc) await app.register(oidcRoutes, { oidc: identity.oidc });

  app.get(
    '/api/auth/methods',
    { schema: { tags: ['auth'], summary: 'Which ways to log in this server offers', response: { 200: identityStatusSchema } } },
    async () => ({
      bankId: bankId !== null,
      bankIdSimulator: identity.bankId.kind === 'simulator',
      siths: identity.oidc !== null,
      demo: config.demoMode,
    }),
  );
};
