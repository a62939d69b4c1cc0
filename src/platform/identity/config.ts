import { z } from 'zod';
import type { BankIdTls } from './bankid/http-client.ts';

/**
 * Identity configuration (README, "Identity"): BankID for citizens and OpenID Connect (SITHS
 * through the region's IdP) for staff. Without BANKID_URL, development and tests use the
 * in-process simulator; production never does, and has no BankID login until it is configured.
 */
const identityEnvironment = z.object({
  BANKID_URL: z.url({ protocol: /^https?$/ }).optional(),
  BANKID_PFX_PATH: z.string().min(1).optional(),
  BANKID_PFX_PASSPHRASE: z.string().optional(),
  BANKID_CERT_PATH: z.string().min(1).optional(),
  BANKID_KEY_PATH: z.string().min(1).optional(),
  BANKID_CA_PATH: z.string().min(1).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_SCOPES: z.string().default('openid profile'),
  OIDC_HSA_ID_CLAIM: z.string().min(1).default('employeeHsaId'),
});

export type IdentityConfig = {
  bankId: { kind: 'simulator' } | { kind: 'http'; url: string; tls: BankIdTls } | { kind: 'off' };
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        scopes: string;
        hsaIdClaim: string;
        /** Plain http to the IdP: only for a loopback IdP outside production (tests, development). */
        allowInsecure: boolean;
      }
    | null;
};

const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

export function loadIdentityConfig(
  environment: NodeJS.ProcessEnv,
  context: { production: boolean; publicUrl: string },
): { config: IdentityConfig; problems: string[] } {
  const parsed = identityEnvironment.safeParse(environment);
  if (!parsed.success) {
    return { config: { bankId: { kind: 'off' }, oidc: null }, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const values = parsed.data;
  const problems: string[] = [];

  let bankId: IdentityConfig['bankId'];
  if (!values.BANKID_URL) {
    bankId = context.production ? { kind: 'off' } : { kind: 'simulator' };
  } else {
    const secure = values.BANKID_URL.startsWith('https:');
    if (!secure && (context.production || !isLoopback(values.BANKID_URL))) problems.push('BANKID_URL must be https:// (http:// only to a loopback simulator outside production)');
    const hasCertificate = Boolean(values.BANKID_PFX_PATH || (values.BANKID_CERT_PATH && values.BANKID_KEY_PATH));
    if (secure && !hasCertificate) problems.push('BANKID_URL needs the relying party certificate: BANKID_PFX_PATH (+ BANKID_PFX_PASSPHRASE), or BANKID_CERT_PATH and BANKID_KEY_PATH');
    if (context.production && secure && !values.BANKID_CA_PATH) problems.push("BANKID_CA_PATH is required when NODE_ENV=production: only BankID's CA may be trusted");
    bankId = {
      kind: 'http',
      url: values.BANKID_URL,
      tls: {
        pfxPath: values.BANKID_PFX_PATH,
        passphrase: values.BANKID_PFX_PASSPHRASE,
        certPath: values.BANKID_CERT_PATH,
        keyPath: values.BANKID_KEY_PATH,
        caPath: values.BANKID_CA_PATH,
      },
    };
  }

  let oidc: IdentityConfig['oidc'] = null;
  if (values.OIDC_ISSUER) {
    if (!values.OIDC_CLIENT_ID) problems.push('OIDC_ISSUER needs OIDC_CLIENT_ID');
    const insecure = values.OIDC_ISSUER.startsWith('http:');
    if (insecure && (context.production || !isLoopback(values.OIDC_ISSUER))) problems.push('OIDC_ISSUER must be https:// (http:// only to a loopback IdP outside production)');
    oidc = {
      issuer: values.OIDC_ISSUER,
      clientId: values.OIDC_CLIENT_ID ?? '',
      clientSecret: values.OIDC_CLIENT_SECRET,
      redirectUri: values.OIDC_REDIRECT_URI ?? `${context.publicUrl.replace(/\/+$/, '')}/api/auth/oidc/callback`,
      scopes: values.OIDC_SCOPES,
      hsaIdClaim: values.OIDC_HSA_ID_CLAIM,
      allowInsecure: insecure && !context.production,
    };
  }
  return { config: { bankId, oidc }, problems };
}
