import { createPrivateKey, KeyObject, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEV_ALG, DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys } from '../../gateway/src/plugins/auth/dev-keys';

/**
 * A fresh bearer token for every request, so that no gateway can win by collapsing identical
 * requests or caching per header: the claims of `npm run token` (gateway/src/cli/token.ts:
 * sub, agency, scope, iss, aud, iat, exp; ES256 with the development key this project's
 * gateway trusts in <DATA_DIR>/dev-keys) plus a unique `jti`. Minted synchronously with
 * node:crypto (about 50 µs each) because autocannon sets up requests synchronously.
 */
export interface TokenMinter {
  (): string;
  /** Tokens minted so far. */
  count(): number;
}

export interface TokenOptions {
  agency: string;
  sub?: string;
  scope?: string;
  ttlSeconds?: number;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export async function tokenMinter(devKeysDir: string, options: TokenOptions): Promise<TokenMinter> {
  const { privateKeyFile } = await ensureDevKeys(devKeysDir);
  const key: KeyObject = createPrivateKey(readFileSync(privateKeyFile, 'utf8'));
  const header = base64url(JSON.stringify({ alg: DEV_ALG }));
  const run = randomBytes(6).toString('base64url');
  const ttl = options.ttlSeconds ?? 8 * 3600;
  let minted = 0;
  const mint = (() => {
    minted += 1;
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url(
      JSON.stringify({ scope: options.scope ?? '', agency: options.agency, sub: options.sub ?? `bench@${options.agency}`, iss: DEV_ISSUER, aud: DEV_AUDIENCE, iat: now, exp: now + ttl, jti: `${run}-${minted}` }),
    );
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' });
    return `${header}.${payload}.${base64url(signature)}`;
  }) as TokenMinter;
  mint.count = () => minted;
  return mint;
}
