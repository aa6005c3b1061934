import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes make a leaked token recognisable (secret scanners, logs): agency, gateway. */
export type TokenPrefix = 'bdga' | 'bdgw';

/** A new bearer token: 32 random bytes, base64url, behind a prefix. Shown once, stored hashed. */
export function generateToken(prefix: TokenPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** A new subgraph signing secret: 32 random bytes, base64url. */
export function generateSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256: what the database keeps of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex SHA-256 digests without leaking, through timing, how many characters match. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}
