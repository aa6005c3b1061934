import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, KeyLike } from 'jose';

/** Issuer and audience of development tokens (`npm run token`) and of the local start's defaults. */
export const DEV_ISSUER = 'bdg-dev';
export const DEV_AUDIENCE = 'bdg-gateway';
export const DEV_ALG = 'ES256';

/** The local start's key pair: <DATA_DIR>/dev-keys/{private.pem,public.pem}, created on first use. */
export function devKeyDir(dataDir = process.env.DATA_DIR || 'data'): string {
  return path.resolve(dataDir, 'dev-keys');
}

export async function ensureDevKeys(dir = devKeyDir()): Promise<{ privateKeyFile: string; publicKeyFile: string }> {
  const privateKeyFile = path.join(dir, 'private.pem');
  const publicKeyFile = path.join(dir, 'public.pem');
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(privateKeyFile, await exportPKCS8(privateKey), { mode: 0o600 });
    writeFileSync(publicKeyFile, await exportSPKI(publicKey));
  }
  return { privateKeyFile, publicKeyFile };
}

export async function loadDevPrivateKey(dir = devKeyDir()): Promise<KeyLike> {
  const { privateKeyFile } = await ensureDevKeys(dir);
  return importPKCS8(readFileSync(privateKeyFile, 'utf8'), DEV_ALG);
}

export { exportJWK };
