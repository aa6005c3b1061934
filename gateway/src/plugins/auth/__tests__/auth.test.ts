import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { accessConfig } from '../../access/config';
import { createAuthenticator } from '..';

// Step 1, identify: bearer JWTs verified with jose against a JWKS URL, configured public keys,
// or (development only) an HS256 secret; claims become the caller.

const base = { issuer: 'idp', audience: 'gw', development: false };
const sign = (key: any, alg: string, claims: Record<string, unknown> = { agency: 'SO-Y-TE', scope: 'read citizen' }, exp: number | null = 600) => {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg, kid: 'k1' }).setSubject('officer-1').setIssuer('idp').setAudience('gw').setIssuedAt();
  if (exp !== null) jwt = jwt.setExpirationTime(Math.floor(Date.now() / 1000) + exp);
  return jwt.sign(key);
};

test('a token verified by a JWKS URL becomes the caller: sub, agency, scopes', async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  const server = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] }))).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const auth = createAuthenticator({ ...base, jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` });
    expect(await auth.identify(`Bearer ${await sign(privateKey, 'RS256')}`)).toEqual({ kind: 'user', subject: 'officer-1', agency: 'SO-Y-TE', scopes: ['read', 'citizen'] });
    expect(await auth.identify(undefined)).toEqual({ kind: 'anonymous' });
  } finally {
    server.close();
  }
});

test('configured public keys (PEM or JWK file) are trusted; other keys are not', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-test-auth-'));
  const trusted = await generateKeyPair('ES256');
  const other = await generateKeyPair('ES256');
  writeFileSync(path.join(dir, 'key.jwk.json'), JSON.stringify({ ...(await exportJWK(trusted.publicKey)), alg: 'ES256' }));
  const auth = createAuthenticator({ ...base, publicKeyFiles: [path.join(dir, 'key.jwk.json')] });
  expect((await auth.identify(`Bearer ${await sign(trusted.privateKey, 'ES256')}`)).kind).toBe('user');
  await expect(auth.identify(`Bearer ${await sign(other.privateKey, 'ES256')}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
});

test('a token without exp is refused; HS256 is accepted only in development', async () => {
  const secret = new TextEncoder().encode('a-development-secret-of-enough-length');
  expect(() => createAuthenticator({ ...base, hs256Secret: 'x' })).toThrow(/development/);
  expect(() => accessConfig({ AUTH_HS256_SECRET: 'x', NODE_ENV: 'production' })).toThrow(/AUTH_HS256_SECRET/);
  const dev = createAuthenticator({ ...base, development: true, hs256Secret: 'a-development-secret-of-enough-length' });
  expect((await dev.identify(`Bearer ${await sign(secret, 'HS256')}`)).kind).toBe('user');
  await expect(dev.identify(`Bearer ${await sign(secret, 'HS256', { agency: 'A' }, null)}`)).rejects.toThrow(/"exp"/);
});

test('production refuses to start without configured keys; a local start uses generated development keys', () => {
  expect(() => accessConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEYS/);
  expect(accessConfig({ DATA_DIR: '/tmp/x' }).devKeysDir).toBe(path.resolve('/tmp/x/dev-keys'));
  expect(accessConfig({ AUTH_PUBLIC_KEYS: 'k.pem' }).devKeysDir).toBeUndefined();
});
