import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, importJWK, importSPKI, JWK, JWTPayload, jwtVerify, JWTVerifyGetKey, KeyLike } from 'jose';
import { ErrorCode } from '../../../../subgraphs/kit/errors';
import { ANONYMOUS, Caller } from './caller';

export * from './caller';

export interface AuthOptions {
  /** JWKS endpoint of the identity provider (AUTH_JWKS_URL). */
  jwksUrl?: string;
  /** Files holding trusted public keys: PEM (SPKI) or a JWK / JWK Set in JSON (AUTH_PUBLIC_KEYS, comma-separated). */
  publicKeyFiles?: string[];
  /** Required `iss` (AUTH_ISSUER). */
  issuer: string;
  /** Required `aud` (AUTH_AUDIENCE). */
  audience: string;
  /** Shared HS256 secret (AUTH_HS256_SECRET); accepted only when development is true. */
  hs256Secret?: string;
  development: boolean;
  /** Allowed clock skew in seconds; default 30. */
  clockToleranceSeconds?: number;
}

/** Answers a request whose token is unusable: 401 with UNAUTHENTICATED and what is wrong. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

function loadKeyFile(file: string): Promise<KeyLike | Uint8Array>[] | JWTVerifyGetKey {
  const text = readFileSync(file, 'utf8').trim();
  if (text.startsWith('{')) {
    const json = JSON.parse(text) as JWK | { keys: JWK[] };
    if ('keys' in json) return createLocalJWKSet(json);
    return [importJWK(json, json.alg ?? 'ES256') as Promise<KeyLike | Uint8Array>];
  }
  // A PEM public key; its algorithm follows the key type (EC P-256 → ES256, RSA → RS256).
  return [importSPKI(text, 'ES256').catch(() => importSPKI(text, 'RS256')).catch(() => importSPKI(text, 'EdDSA'))];
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The bearer token has expired; get a new one';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The bearer token's "${error.claim}" claim is not accepted (${error.reason}); get a token for this gateway`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The bearer token signature is not valid; get a token from a trusted issuer';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The bearer token is signed with an algorithm this gateway does not accept';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The bearer token was signed with a key this gateway does not know';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'The bearer token is malformed; send "Authorization: Bearer <JWT>"';
  return 'The bearer token could not be verified; get a new token';
}

/**
 * Step 1, identify: turns the Authorization header into a Caller. No header → anonymous (public
 * fields only); a header with a bad token → UNAUTHENTICATED saying what is wrong.
 */
export function createAuthenticator(options: AuthOptions): { identify(authorization: string | undefined): Promise<Caller> } {
  if (options.hs256Secret && !options.development) {
    throw new Error('AUTH_HS256_SECRET is accepted only with NODE_ENV=development; use AUTH_JWKS_URL or AUTH_PUBLIC_KEYS');
  }
  const remote = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const local = (options.publicKeyFiles ?? []).map(loadKeyFile);
  const keySets = local.filter((k): k is JWTVerifyGetKey => typeof k === 'function');
  const keys = Promise.all(local.filter(Array.isArray).flat());
  const secret = options.hs256Secret ? new TextEncoder().encode(options.hs256Secret) : undefined;
  if (!remote && local.length === 0 && !secret) throw new Error('No token keys configured: set AUTH_JWKS_URL or AUTH_PUBLIC_KEYS (or AUTH_HS256_SECRET in development)');
  const verifyOptions = { issuer: options.issuer, audience: options.audience, clockTolerance: options.clockToleranceSeconds ?? 30 };

  async function verify(token: string): Promise<JWTPayload> {
    let lastError: unknown;
    const attempts: (KeyLike | Uint8Array | JWTVerifyGetKey)[] = [...(remote ? [remote] : []), ...keySets, ...(await keys)];
    for (const key of attempts) {
      try {
        return (await jwtVerify(token, key as any, { ...verifyOptions, algorithms: ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'] })).payload;
      } catch (error) {
        lastError = error;
        // A claim or expiry failure is the token's fault whatever the key: report it now.
        if (error instanceof joseErrors.JWTExpired || error instanceof joseErrors.JWTClaimValidationFailed) throw error;
      }
    }
    if (secret) return (await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] })).payload;
    throw lastError;
  }

  return {
    async identify(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>"; omit it to call anonymously (public fields only)');
      let payload: JWTPayload;
      try {
        payload = await verify(match[1]);
      } catch (error) {
        throw unauthenticated(describe(error));
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('The bearer token has no "sub" claim (the user); get a token that names the user');
      if (payload.exp === undefined) throw unauthenticated('The bearer token has no "exp" claim; tokens must expire');
      const agency = typeof payload.agency === 'string' && payload.agency ? payload.agency : undefined;
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      return { kind: 'user', subject: payload.sub, agency, scopes };
    },
  };
}
