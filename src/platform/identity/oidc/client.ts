import * as oidc from 'openid-client';
import type { IdentityConfig } from '../config.ts';

export type OidcSettings = NonNullable<IdentityConfig['oidc']>;

/**
 * The relying party side of OpenID Connect (openid-client): discovery once (retried after a
 * failure), then authorization code + PKCE (S256) with state and nonce.
 */
export function createOidcClient(settings: OidcSettings) {
  let configuration: Promise<oidc.Configuration> | null = null;

  function configured(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  }

  return {
    async authorizationUrl() {
      const config = await configured();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, verifier, state, nonce };
    },

    /** Exchanges the code and returns the HSA-id from the ID token, or else from userinfo. */
    async complete(callbackQuery: string, checks: { verifier: string; state: string; nonce: string }): Promise<{ hsaId: string | null; subject: string }> {
      const config = await configured();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let hsaId = claims[settings.hsaIdClaim];
      if (typeof hsaId !== 'string') {
        const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        hsaId = userInfo[settings.hsaIdClaim];
      }
      return { hsaId: typeof hsaId === 'string' && hsaId.length > 0 ? hsaId : null, subject: claims.sub };
    },
  };
}
