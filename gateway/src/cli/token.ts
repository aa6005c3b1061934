import { SignJWT } from 'jose';
import { DEV_ALG, DEV_AUDIENCE, DEV_ISSUER, devKeyDir, loadDevPrivateKey } from '../plugins/auth/dev-keys';

/**
 * `npm run token -- --agency SO-Y-TE --scopes "read" [--sub user@agency] [--ttl 3600]`: mints a
 * development token signed with the local start's key (<DATA_DIR>/dev-keys), which the gateway
 * trusts when no other key is configured. A citizen token: `--sub 074095001234 --scopes citizen`.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const agency = arg('agency');
  const sub = arg('sub') ?? (agency ? `dev-user@${agency}` : undefined);
  if (!sub) {
    console.error('usage: npm run token -- --agency AGENCY [--scopes "a b"] [--sub USER] [--ttl SECONDS]\n       npm run token -- --sub CCCD --scopes citizen');
    process.exit(2);
  }
  const ttl = Number(arg('ttl') ?? 8 * 3600);
  const claims: Record<string, string> = { scope: arg('scopes') ?? '' };
  if (agency) claims.agency = agency;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALG })
    .setSubject(sub)
    .setIssuer(process.env.AUTH_ISSUER || DEV_ISSUER)
    .setAudience(process.env.AUTH_AUDIENCE || DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(await loadDevPrivateKey(devKeyDir()));
  console.log(token);
}

main().catch((error) => {
  console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
