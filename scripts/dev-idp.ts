/**
 * A stand-in for the region's IdP on a loopback port, for the Playwright journeys and for
 * trying SITHS login locally: oidc-provider whose login page accepts the demo region's staff
 * by key ("sara", "erik", …) and gives each their HSA-id. Development only.
 *
 *   node scripts/dev-idp.ts            # http://127.0.0.1:3199, for a server on :3000
 *   IDP_PORT=3199 NARA_URL=http://localhost:3100 node scripts/dev-idp.ts
 *
 * Then start Nära with OIDC_ISSUER=http://127.0.0.1:3199 OIDC_CLIENT_ID=nara-dev
 * OIDC_CLIENT_SECRET=nara-dev-secret-0123456789abcdef (and OIDC_REDIRECT_URI if not on :3000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestIdp } from '../src/platform/identity/oidc/test-provider.ts';

const region = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../content/demo-region/region.json'), 'utf8')) as {
  staff: { key: string; hsaId: string }[];
};
const port = Number(process.env.IDP_PORT ?? 3199);
const naraUrl = (process.env.NARA_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const idp = await startTestIdp({
  port,
  redirectUris: [`${naraUrl}/api/auth/oidc/callback`],
  accounts: Object.fromEntries(region.staff.map((member) => [member.key, member.hsaId])),
  clientId: 'nara-dev',
  clientSecret: 'nara-dev-secret-0123456789abcdef',
});
console.log(`Test IdP at ${idp.issuer} (client nara-dev) for ${naraUrl}`);
const stop = () => void idp.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
