import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, standing in for the
 * region's IdP in tests, the Playwright journeys and local development. Its login page takes
 * any account name; `accounts` says which HSA-id each one carries. Never used in production.
 */
export type TestIdp = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

export async function startTestIdp(options: {
  port?: number;
  redirectUris: string[];
  accounts: Record<string, string>;
  hsaIdClaim?: string;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestIdp> {
  const claim = options.hsaIdClaim ?? 'employeeHsaId';
  const clientId = options.clientId ?? 'nara';
  const clientSecret = options.clientSecret ?? 'nara-test-secret-0123456789abcdef';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', claim] },
    cookies: { keys: ['nara-test-idp-cookie-key'] },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, name: sub, ...(options.accounts[sub] ? { [claim]: options.accounts[sub] } : {}) }),
    }),
    // Staff have consented once and for all (the region's own IdP asks no consent).
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', claim]);
      await grant.save();
      return grant;
    },
  });
  provider.proxy = false;
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
