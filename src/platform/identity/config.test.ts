import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { loadIdentityConfig } from './config.ts';

const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://relay.region.example:587', MAIL_FROM: 'Nära <no-reply@region.example>', PUBLIC_URL: 'https://nara.region.example' };
const dev = { production: false, publicUrl: 'http://localhost:3000' };

describe('identity configuration', () => {
  it('uses the BankID simulator outside production when no BankID is configured, and none in production', () => {
    expect(loadConfig({}).identity.bankId).toEqual({ kind: 'simulator' });
    expect(loadConfig(production).identity.bankId).toEqual({ kind: 'off' });
  });

  it('needs the relying party certificate and, in production, BankID’s CA for a real BankID', () => {
    expect(() => loadConfig({ ...production, BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0' })).toThrow(/BANKID_PFX_PATH/);
    expect(() => loadConfig({ ...production, BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0', BANKID_PFX_PATH: '/etc/nara/rp.p12' })).toThrow(/BANKID_CA_PATH/);
    const config = loadConfig({ ...production, BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0', BANKID_PFX_PATH: '/etc/nara/rp.p12', BANKID_PFX_PASSPHRASE: 'x', BANKID_CA_PATH: '/etc/nara/bankid-ca.pem' });
    expect(config.identity.bankId).toMatchObject({ kind: 'http', tls: { pfxPath: '/etc/nara/rp.p12', caPath: '/etc/nara/bankid-ca.pem' } });
  });

  it('refuses plain http to BankID or the IdP except on loopback outside production', () => {
    expect(loadIdentityConfig({ BANKID_URL: 'http://127.0.0.1:3000/bankid-simulator/rp/v6.0' }, dev).problems).toEqual([]);
    expect(loadIdentityConfig({ BANKID_URL: 'http://bankid.example/rp/v6.0' }, dev).problems).toHaveLength(1);
    expect(loadIdentityConfig({ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'nara' }, dev).problems).toHaveLength(1);
    expect(loadIdentityConfig({ OIDC_ISSUER: 'http://127.0.0.1:3199', OIDC_CLIENT_ID: 'nara' }, { ...dev, production: true }).problems).toHaveLength(1);
  });

  it('configures OpenID Connect with defaults for the redirect URI, scopes and the HSA-id claim', () => {
    const { config, problems } = loadIdentityConfig({ OIDC_ISSUER: 'https://idp.region.example', OIDC_CLIENT_ID: 'nara', OIDC_CLIENT_SECRET: 's' }, { production: true, publicUrl: 'https://nara.region.example/' });
    expect(problems).toEqual([]);
    expect(config.oidc).toEqual({
      issuer: 'https://idp.region.example',
      clientId: 'nara',
      clientSecret: 's',
      redirectUri: 'https://nara.region.example/api/auth/oidc/callback',
      scopes: 'openid profile',
      hsaIdClaim: 'employeeHsaId',
      allowInsecure: false,
    });
    expect(loadIdentityConfig({ OIDC_ISSUER: 'https://idp.region.example' }, dev).problems).toEqual(['OIDC_ISSUER needs OIDC_CLIENT_ID']);
  });
});
